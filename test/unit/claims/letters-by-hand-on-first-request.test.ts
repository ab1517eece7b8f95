import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

describe('the letters a controller acts on by hand', () => {
  it("load each route's use case on its first request, not at cold start", async () => {
    // One function serves the interruption letter and a registered letter's delivery: a delivery
    // needs neither the letter's renderer nor its wording, the letter none of the delivery.
    const metafile = await bundleOf('send-interruption-letter');
    const loaded = modulesLoadedAtStart(metafile);
    const deferred = [
      'functions/use-cases/claims/interruption-letter.ts',
      'functions/use-cases/post/letter-delivery.ts',
      'functions/templates/render-letter.ts',
      'functions/templates/letter-texts/built-in-nl.ts',
    ];

    expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(deferred));
    expect(loaded.filter((input) => deferred.includes(input))).toEqual([]);
  });
});

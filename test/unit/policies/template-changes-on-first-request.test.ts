import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

// Building a bundle takes a few seconds, more on a busy machine.
const BUILD = { timeout: 30_000 };

describe('the policy and template changes function', () => {
  it(
    "a policy's change does not load the letter templates' texts or the letters they compose at cold start",
    BUILD,
    async () => {
      const metafile = await bundleOf('put-policy');
      const loaded = modulesLoadedAtStart(metafile);
      const deferred = [
        'functions/use-cases/templates/update-template.ts',
        'functions/use-cases/templates/preview-template.ts',
        'functions/templates/letter-texts/built-in.ts',
        'functions/use-cases/letters/compose-letter.ts',
        'functions/core/legal/claim-explanation.ts',
      ];

      expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(deferred));
      expect(loaded.filter((input) => deferred.includes(input))).toEqual([]);
      expect(loaded).toContain('functions/use-cases/policies/update-policy.ts');
    },
  );
});

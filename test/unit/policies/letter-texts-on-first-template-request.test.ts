import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

// Building a bundle takes a few seconds, more on a busy machine.
const BUILD = { timeout: 30_000 };

const LETTER_TEXTS = [
  'functions/use-cases/templates/template-catalogue.ts',
  'functions/templates/letter-texts/built-in.ts',
  'functions/templates/letter-texts/built-in-nl.ts',
];

describe('the policy catalogue functions', () => {
  it.each(['list-policies', 'get-policy'])(
    "a read of the policies does not load the letter templates' texts at cold start (%s)",
    BUILD,
    async (name) => {
      const metafile = await bundleOf(name);
      const loaded = modulesLoadedAtStart(metafile);

      expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(LETTER_TEXTS));
      expect(loaded.filter((input) => LETTER_TEXTS.includes(input))).toEqual([]);
      expect(loaded).toContain('functions/use-cases/policies/policy-catalogue.ts');
    },
  );
});

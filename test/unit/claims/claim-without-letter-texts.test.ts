import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

// Building a bundle takes a few seconds, more on a busy machine.
const BUILD = { timeout: 30_000 };

describe('the invoice claim function', () => {
  it(
    "a claim's read does not load the interruption letter's rendering or the letter texts",
    BUILD,
    async () => {
      const metafile = await bundleOf('get-invoice-claim');
      const loaded = modulesLoadedAtStart(metafile);

      // The claim counts an interruption letter by its template's name, and renders none.
      expect(
        Object.keys(metafile.inputs).filter((input) => input.includes('/letter-texts/built-in')),
      ).toEqual([]);
      expect(Object.keys(metafile.inputs)).not.toContain('functions/use-cases/claims/interruption-letter.ts');
      expect(loaded).toContain('functions/use-cases/claims/written-notices.ts');
      expect(loaded).toContain('functions/core/legal/claim.ts');
    },
  );
});

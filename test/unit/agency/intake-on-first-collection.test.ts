import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

// Building a bundle takes a few seconds, more on a busy machine.
const BUILD = { timeout: 30_000 };

describe('the collection agency function', () => {
  it(
    "the agency's report and its events other than a collection do not load the intake at cold start",
    BUILD,
    async () => {
      const metafile = await bundleOf('collection-agency');
      const loaded = modulesLoadedAtStart(metafile);
      const deferred = [
        'functions/use-cases/intake/apply-event.ts',
        'functions/use-cases/intake/apply-parked.ts',
        'functions/use-cases/intake/payment-received.ts',
      ];

      expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(deferred));
      expect(loaded.filter((input) => deferred.includes(input))).toEqual([]);
      expect(loaded).toContain('functions/use-cases/collection-agency/receive-agency-event.ts');
      expect(loaded).toContain('functions/shared/http/webhook-signature.ts');
    },
  );
});

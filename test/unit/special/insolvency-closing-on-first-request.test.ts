import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

// Building a bundle takes a few seconds, more on a busy machine.
const BUILD = { timeout: 30_000 };

describe('the special management function', () => {
  it(
    "the special team's everyday changes do not load an insolvency's payouts and closing at cold start",
    BUILD,
    async () => {
      const metafile = await bundleOf('special-management');
      const loaded = modulesLoadedAtStart(metafile);
      // A payout is booked through the intake of payments: the whole intake comes with it.
      const deferred = [
        'functions/use-cases/special/insolvency-closing.ts',
        'functions/use-cases/intake/receive-delivery.ts',
        'functions/use-cases/intake/payment-received.ts',
      ];

      expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(deferred));
      expect(loaded.filter((input) => deferred.includes(input))).toEqual([]);
      expect(loaded).toContain('functions/use-cases/special/special-management.ts');
      expect(loaded).toContain('functions/use-cases/special/write-off.ts');
    },
  );
});

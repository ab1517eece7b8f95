import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

// Building a bundle takes a few seconds, more on a busy machine.
const BUILD = { timeout: 30_000 };

describe('the self-service function', () => {
  it(
    "a debtor's page view does not load the form handling or the statement at cold start",
    BUILD,
    async () => {
      const metafile = await bundleOf('self-service');
      const loaded = modulesLoadedAtStart(metafile);
      const deferred = [
        'functions/use-cases/self-service/submit-form.ts',
        'functions/use-cases/self-service/page-actions.ts',
        'functions/use-cases/self-service/pay-now.ts',
        'functions/use-cases/plans/create-plan.ts',
        'functions/use-cases/disputes/raise-dispute.ts',
        'functions/templates/plans/payment-plan-email.ts',
        'functions/use-cases/self-service/statement.ts',
        'functions/templates/self-service/statement-page.ts',
      ];

      expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(deferred));
      expect(loaded.filter((input) => deferred.includes(input))).toEqual([]);
      expect(loaded).toContain('functions/use-cases/self-service/page-view.ts');
      expect(loaded).toContain('functions/templates/self-service/self-service-page.ts');
    },
  );
});

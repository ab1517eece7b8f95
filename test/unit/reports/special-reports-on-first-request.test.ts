import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

// Building a bundle takes a few seconds, more on a busy machine.
const BUILD = { timeout: 30_000 };

describe('the reports function', () => {
  it(
    "a dashboard's report does not load the special team's reports or the weekly summary at cold start",
    BUILD,
    async () => {
      const metafile = await bundleOf('reports');
      const loaded = modulesLoadedAtStart(metafile);
      const deferred = [
        'functions/use-cases/special/insolvency-claim.ts',
        'functions/templates/insolvency-claim-page.ts',
        'functions/core/legal/claim-explanation.ts',
        'functions/use-cases/reports/vat-relief-report.ts',
        'functions/use-cases/special/provision-report.ts',
        'functions/use-cases/special/write-off-proposals.ts',
        'functions/use-cases/reports/weekly-summary.ts',
        'functions/templates/colleagues/weekly-summary.ts',
      ];

      expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(deferred));
      expect(loaded.filter((input) => deferred.includes(input))).toEqual([]);
      expect(loaded).toContain('functions/use-cases/reports/portfolio-on-day.ts');
      expect(loaded).toContain('functions/use-cases/reports/fact-reports.ts');
    },
  );
});

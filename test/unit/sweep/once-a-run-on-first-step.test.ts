import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

describe('the sweep function', () => {
  it("does not load a run's once-only work at the cold start of a range", async () => {
    // A run is one plan, many ranges and one finish: the money review, the overdue disputes,
    // the portfolio's snapshot, the day's metrics, the pre-due notices and the plans' restore
    // belong to its first and last steps. (The debtors' links stay eager: their variables are
    // checked at cold start, as every function's are.)
    const metafile = await bundleOf('sweep-due-invoices');
    const loaded = modulesLoadedAtStart(metafile);
    const deferred = [
      'functions/use-cases/sweep/once-a-run.ts',
      'functions/use-cases/payments/daily-money-review.ts',
      'functions/use-cases/disputes/overdue-disputes.ts',
      'functions/use-cases/reports/portfolio-snapshots.ts',
      'functions/use-cases/reports/daily-metrics.ts',
      'functions/use-cases/pre-due/pre-due-notices.ts',
      'functions/use-cases/plans/restore-plan-executions.ts',
    ];

    expect(Object.keys(metafile.inputs)).toEqual(expect.arrayContaining(deferred));
    expect(loaded.filter((input) => deferred.includes(input))).toEqual([]);
    expect(loaded).toContain('functions/use-cases/sweep/sweep-ranges.ts');
  });
});

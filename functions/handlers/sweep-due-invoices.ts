import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { scheduledHandler } from '../shared/schedule/scheduled-handler';
import { sweepDueInvoices } from '../use-cases/sweep/due-invoice-sweep';
import { unappliedAfterDaysFromEnvironment } from '../shared/money-config';
import { reviewMoneyDaily } from '../use-cases/payments/daily-money-review';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };
const money = { ...deps, unappliedAfterDays: unappliedAfterDaysFromEnvironment() };

/** Daily (EventBridge Scheduler): starts the dunning of invoices that fell due and restores lost ones. */
export const handler = scheduledHandler(
  {
    job: 'sweep',
    summarize: (report) => ({
      counts: {
        DunningStarted: report.started,
        DunningRestored: report.restored,
        SweepFailures: report.failed.length,
      },
      failures: report.failed,
      details: { started: report.started, restored: report.restored, untouched: report.untouched },
    }),
  },
  // Money first: unmatched payments become unapplied cash, and credit pays what falls due.
  () => reviewMoneyDaily(money).then(() => sweepDueInvoices(deps)),
);

import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { scheduledHandler } from '../shared/schedule/scheduled-handler';
import { sweepDueInvoices } from '../use-cases/sweep/due-invoice-sweep';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

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
  () => sweepDueInvoices(deps),
);

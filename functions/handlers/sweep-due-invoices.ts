import * as z from 'zod';
import { DEFAULT_RESTORE_LIMIT } from '../core/dunning/dunning-state';
import { optionalVariable, readConfig } from '../shared/config';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { planWorkflowFromEnvironment } from '../shared/dependencies/plan-workflow-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { scheduledHandler } from '../shared/schedule/scheduled-handler';
import { sweepDueInvoices } from '../use-cases/sweep/due-invoice-sweep';
import { unappliedAfterDaysFromEnvironment } from '../shared/money-config';
import { reviewMoneyDaily } from '../use-cases/payments/daily-money-review';
import { raiseOverdueDisputeTasks } from '../use-cases/disputes/overdue-disputes';
import { restorePlanExecutions } from '../use-cases/plans/restore-plan-executions';

const config = readConfig(
  z.object({
    /** Restores after failed executions before an invoice waits for a controller; 0 holds at the first failure. */
    DUNNING_RESTORE_LIMIT: optionalVariable(z.coerce.number().int().min(0).max(30)),
  }),
);
const options = { restoreLimit: config.DUNNING_RESTORE_LIMIT ?? DEFAULT_RESTORE_LIMIT };
const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };
const money = { ...deps, unappliedAfterDays: unappliedAfterDaysFromEnvironment() };
const planDeps = { store: deps.store, plans: planWorkflowFromEnvironment(), clock };

/** Daily (EventBridge Scheduler): starts the dunning of invoices that fell due and restores lost ones. */
export const handler = scheduledHandler(
  {
    job: 'sweep',
    summarize: (report) => ({
      counts: {
        DunningStarted: report.started,
        DunningRestored: report.restored,
        DunningResumed: report.resumed,
        SweepFailures: report.failed.length,
        // Emitted only when it happens: each held invoice is counted once, and the alarm pages on it.
        ...(report.needsAttention.length > 0 ? { DunningNeedsAttention: report.needsAttention.length } : {}),
        PaymentPlansRestored: report.plans.restored,
        ...(report.plans.needsAttention.length > 0
          ? { PaymentPlanNeedsAttention: report.plans.needsAttention.length }
          : {}),
      },
      failures: [...report.failed, ...report.plans.failed],
      details: {
        started: report.started,
        restored: report.restored,
        resumed: report.resumed,
        untouched: report.untouched,
        needsAttention: report.needsAttention,
        plans: { restored: report.plans.restored, needsAttention: report.plans.needsAttention },
      },
    }),
  },
  // Money first: unmatched payments become unapplied cash, and credit pays what falls due.
  // Disputes open past their respond-by day go on a manager's list.
  () =>
    reviewMoneyDaily(money)
      .then(() => raiseOverdueDisputeTasks(deps))
      .then(() => sweepDueInvoices(deps, options))
      // Payment plans whose execution failed or was lost: started again where the plan stands.
      .then(async (report) => ({ ...report, plans: await restorePlanExecutions(planDeps, options) })),
);

import * as z from 'zod';
import { DEFAULT_RESTORE_LIMIT } from '../core/dunning/dunning-state';
import { optionalVariable, readConfig } from '../shared/config';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { planWorkflowFromEnvironment } from '../shared/dependencies/plan-workflow-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { scheduledHandler } from '../shared/schedule/scheduled-handler';
import {
  DEFAULT_SWEEP_CONCURRENCY,
  DEFAULT_SWEEP_PAGE_SIZE,
  sweepDueInvoices,
  type SweepReport,
} from '../use-cases/sweep/due-invoice-sweep';
import { unappliedAfterDaysFromEnvironment } from '../shared/money-config';
import { reviewMoneyDaily } from '../use-cases/payments/daily-money-review';
import { closePortfolioDays } from '../use-cases/reports/portfolio-snapshots';
import { dailyMetrics } from '../use-cases/reports/daily-metrics';
import { SWEEP_COMPLETED_METRIC } from '../core/reports/business-metrics';
import { logger } from '../shared/observability';
import { publishMetricPoints } from '../shared/publish-metric-points';
import { raiseOverdueDisputeTasks } from '../use-cases/disputes/overdue-disputes';
import { type PlanRestoreReport, restorePlanExecutions } from '../use-cases/plans/restore-plan-executions';
import { readCreditor } from '../shared/creditor';
import { mailerFromEnvironment } from '../shared/dependencies/mailer-from-environment';
import { selfServiceLinksFromEnvironment } from '../shared/self-service-config';
import { sendPreDueNotices } from '../use-cases/pre-due/pre-due-notices';

const config = readConfig(
  z.object({
    /** Restores after failed executions before an invoice waits for a controller; 0 holds at the first failure. */
    DUNNING_RESTORE_LIMIT: optionalVariable(z.coerce.number().int().min(0).max(30)),
    /** Invoices per page of the due-invoice index; the checkpoint is written after each page. */
    SWEEP_PAGE_SIZE: optionalVariable(z.coerce.number().int().min(1).max(1000)),
    /** Invoices of a page swept at the same time: StartExecution calls in flight, at most. */
    SWEEP_CONCURRENCY: optionalVariable(z.coerce.number().int().min(1).max(100)),
  }),
);
const options = {
  restoreLimit: config.DUNNING_RESTORE_LIMIT ?? DEFAULT_RESTORE_LIMIT,
  pageSize: config.SWEEP_PAGE_SIZE ?? DEFAULT_SWEEP_PAGE_SIZE,
  concurrency: config.SWEEP_CONCURRENCY ?? DEFAULT_SWEEP_CONCURRENCY,
};
/**
 * A slice begins no page with less than this left of the Lambda's time: a page of 200 takes
 * seconds, so the slice ends well before its timeout and the state machine calls the next one.
 */
const RESERVE_MS = 60_000;
/** Ids per list in the answer: the state machine's data is at most 256 KB; the log has them all. */
const IDS_IN_ANSWER = 100;
const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };
const money = { ...deps, unappliedAfterDays: unappliedAfterDaysFromEnvironment() };
const planDeps = { store: deps.store, plans: planWorkflowFromEnvironment(), clock };
const selfServiceLink = selfServiceLinksFromEnvironment(clock);
const preDue = {
  ...deps,
  mailer: mailerFromEnvironment(),
  creditor: readCreditor(),
  ...(selfServiceLink ? { selfServiceLink } : {}),
};

/**
 * The business metrics of the day just closed (functions/core/reports/business-metrics.ts). The
 * dashboard's figures are not worth a day of dunning: a failure to read them is logged, and the
 * sweep goes on.
 */
async function publishDailyMetrics(): Promise<void> {
  try {
    publishMetricPoints((await dailyMetrics(deps)).points);
  } catch (error) {
    logger.error('the daily business metrics could not be published', { error });
  }
}

/**
 * Daily (EventBridge Scheduler starts statemachines/daily-sweep.asl.json, which calls this until
 * it answers `complete`): starts the dunning of invoices that fell due and restores lost ones, a
 * page of the due-invoice index at a time, from the checkpoint of the day's run.
 */
export const handler = scheduledHandler<SweepReport & { plans: PlanRestoreReport }>(
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
        // The "sweep ran" signal, once per run that read the index to its end: its alarm pages
        // when none came in the 24 hours up to 07:00 (lib/constructs/observability.ts).
        ...(report.complete ? { [SWEEP_COMPLETED_METRIC]: 1 } : {}),
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
        pages: report.pages,
        continued: report.continued,
        complete: report.complete,
        plans: { restored: report.plans.restored, needsAttention: report.plans.needsAttention },
      },
    }),
    answer: (report) => ({
      ...report,
      needsAttention: report.needsAttention.slice(0, IDS_IN_ANSWER),
      failed: report.failed.slice(0, IDS_IN_ANSWER),
    }),
  },
  (context) =>
    sweepDueInvoices(deps, options, {
      // Once a run, before its first page. Money first: unmatched payments become unapplied cash,
      // and credit pays what falls due. Disputes open past their respond-by day go on a manager's list.
      // Yesterday is over: the portfolio ledger closes it into a snapshot, and the dashboard gets
      // its figures.
      beforeFirstPage: () =>
        reviewMoneyDaily(money)
          .then(() => raiseOverdueDisputeTasks(deps))
          .then(() => closePortfolioDays(deps))
          .then(publishDailyMetrics)
          // The friendly word before the due date, where a segment's policy asks for one.
          .then(() => sendPreDueNotices(preDue))
          .then((notices) => logger.info('pre-due notices', { ...notices })),
      mayBeginPage: () => context.getRemainingTimeInMillis() > RESERVE_MS,
    })
      // Payment plans whose execution failed or was lost: started again where the plan stands.
      .then(async (report) => ({ ...report, plans: await restorePlanExecutions(planDeps, options) })),
);

import type { Context } from 'aws-lambda';
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
import {
  DEFAULT_RANGE_SIZE,
  finishSweep,
  planSweep,
  type RangeItem,
  SWEEP_WORKERS,
  sweepRange,
} from '../use-cases/sweep/sweep-ranges';
import { startPace } from '../use-cases/sweep/start-pace';

/** The sweep's default share of the account's StartExecution rate (see SWEEP_STARTS_PER_SECOND). */
const DEFAULT_STARTS_PER_SECOND = 200;

const config = readConfig(
  z.object({
    /** Restores after failed executions before an invoice waits for a controller; 0 holds at the first failure. */
    DUNNING_RESTORE_LIMIT: optionalVariable(z.coerce.number().int().min(0).max(30)),
    /** Invoices per page of the due-invoice index; the checkpoint is written after each page. */
    SWEEP_PAGE_SIZE: optionalVariable(z.coerce.number().int().min(1).max(1000)),
    /** Invoices of a page swept at the same time: StartExecution calls in flight, at most. */
    SWEEP_CONCURRENCY: optionalVariable(z.coerce.number().int().min(1).max(100)),
    /** Invoices per range of the fanned-out sweep: one item of the daily sweep's Map. */
    SWEEP_RANGE_SIZE: optionalVariable(z.coerce.number().int().min(1).max(100_000)),
    /**
     * StartExecution calls a second that the sweep's workers make together: under the account's
     * refill rate (300 in eu-west-1), leaving the rest to the webhook's starts.
     */
    SWEEP_STARTS_PER_SECOND: optionalVariable(z.coerce.number().int().min(1).max(10_000)),
  }),
);
const options = {
  restoreLimit: config.DUNNING_RESTORE_LIMIT ?? DEFAULT_RESTORE_LIMIT,
  pageSize: config.SWEEP_PAGE_SIZE ?? DEFAULT_SWEEP_PAGE_SIZE,
  concurrency: config.SWEEP_CONCURRENCY ?? DEFAULT_SWEEP_CONCURRENCY,
  rangeSize: config.SWEEP_RANGE_SIZE ?? DEFAULT_RANGE_SIZE,
};
/** Each worker's share of the starts a second: SWEEP_WORKERS ranges run at once. */
const beforeStart = startPace(
  Math.max(1, Math.floor((config.SWEEP_STARTS_PER_SECOND ?? DEFAULT_STARTS_PER_SECOND) / SWEEP_WORKERS)),
);
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

/** The counts of swept invoices, for the dashboard and the alarms. */
function sweptCounts(report: SweepReport): Record<string, number> {
  return {
    DunningStarted: report.started,
    DunningRestored: report.restored,
    DunningResumed: report.resumed,
    SweepFailures: report.failed.length,
    // Emitted only when it happens: each held invoice is counted once, and the alarm pages on it.
    ...(report.needsAttention.length > 0 ? { DunningNeedsAttention: report.needsAttention.length } : {}),
  };
}

/** Once a run, before its first page (or its plan). */
const beforeFirstPage = () =>
  // Money first: unmatched payments become unapplied cash, and credit pays what falls due.
  // Disputes open past their respond-by day go on a manager's list. Yesterday is over: the
  // portfolio ledger closes it into a snapshot, and the dashboard gets its figures.
  reviewMoneyDaily(money)
    .then(() => raiseOverdueDisputeTasks(deps))
    .then(() => closePortfolioDays(deps))
    .then(publishDailyMetrics);

/**
 * The whole sweep in one call, a page of the due-invoice index at a time from the checkpoint of
 * the day's run, until done or near the Lambda's timeout (an operator's invocation, and the local
 * API's `POST /_local/sweep`): starts the dunning of invoices that fell due and restores lost ones.
 */
const sequentialSweep = scheduledHandler<SweepReport & { plans: PlanRestoreReport }>(
  {
    job: 'sweep',
    summarize: (report) => ({
      counts: {
        ...sweptCounts(report),
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
      beforeFirstPage,
      mayBeginPage: () => context.getRemainingTimeInMillis() > RESERVE_MS,
    })
      // Payment plans whose execution failed or was lost: started again where the plan stands.
      .then(async (report) => ({ ...report, plans: await restorePlanExecutions(planDeps, options) })),
);

/** The fan-out's first step: the run begun, the index cut into ranges, the running executions listed once. */
const planHandler = scheduledHandler(
  {
    job: 'sweep plan',
    summarize: (plan: Awaited<ReturnType<typeof planSweep>>) => ({
      counts: { SweepFailures: plan.failed.length },
      failures: plan.failed,
      details: {
        day: plan.day,
        run: plan.run,
        continued: plan.continued,
        invoices: plan.invoices,
        ranges: plan.ranges.length,
        suspects: plan.ranges.reduce((sum, item) => sum + (item.suspects?.length ?? 0), 0),
      },
    }),
    // The Map's items and what the log needs; the failures are in the log, not the state's data.
    answer: (plan) => ({ ...plan, failed: plan.failed.slice(0, IDS_IN_ANSWER) }),
  },
  () => planSweep(deps, options, { beforeFirstPage }),
);

/** One worker of the fan-out: a range of the index, from its checkpoint, until done or near the timeout. */
const rangeHandler = (item: RangeItem) =>
  scheduledHandler<SweepReport>(
    {
      job: 'sweep range',
      summarize: (report) => ({
        counts: sweptCounts(report),
        failures: report.failed,
        details: { range: item.range, ...report },
      }),
      // The Map keeps nothing of a worker's answer but whether its range is done.
      answer: (report) => ({ ...report, needsAttention: [], failed: report.failed.slice(0, IDS_IN_ANSWER) }),
    },
    (context) =>
      sweepRange(deps, options, item, {
        beforeStart,
        mayBeginPage: () => context.getRemainingTimeInMillis() > RESERVE_MS,
      }),
  );

/** The fan-out's last step: the run complete when every range is, then the payment plans. */
const finishHandler = scheduledHandler(
  {
    job: 'sweep finish',
    summarize: (report: Awaited<ReturnType<typeof finishSweep>> & { plans: PlanRestoreReport }) => ({
      counts: {
        // The "sweep ran" signal, as the sequential sweep gives it (see above).
        ...(report.complete ? { [SWEEP_COMPLETED_METRIC]: 1 } : {}),
        PaymentPlansRestored: report.plans.restored,
        ...(report.plans.needsAttention.length > 0
          ? { PaymentPlanNeedsAttention: report.plans.needsAttention.length }
          : {}),
      },
      failures: report.plans.failed,
      details: { ...report },
    }),
  },
  async () => {
    const finished = await finishSweep(deps);
    return { ...finished, plans: await restorePlanExecutions(planDeps, options) };
  },
);

const rangeEvent = z.object({
  phase: z.literal('range'),
  item: z.object({
    range: z.number().int().min(0),
    suspects: z.array(z.string()).optional(),
    listRunning: z.literal(true).optional(),
  }),
});

/**
 * Daily (EventBridge Scheduler starts statemachines/daily-sweep.asl.json): the state machine calls
 * this with `{ phase: 'plan' }`, then once per range of its Map with `{ phase: 'range', item }`,
 * then with `{ phase: 'finish' }`. Any other event (an operator's invocation, the local API) runs
 * the whole sweep in this one call.
 */
export async function handler(event: unknown, context: Context): Promise<unknown> {
  const phase = (event as { phase?: unknown } | null)?.phase;
  if (phase === 'plan') return planHandler(event, context);
  if (phase === 'finish') return finishHandler(event, context);
  if (phase === 'range') return rangeHandler(rangeEvent.parse(event).item as RangeItem)(event, context);
  return sequentialSweep(event, context);
}

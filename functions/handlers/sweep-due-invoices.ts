import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { DEFAULT_RESTORE_LIMIT } from '../core/dunning/dunning-state';
import { optionalVariable, readConfig } from '../shared/config';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { planWorkflowOnFirstUse } from '../shared/dependencies/plan-workflow-on-first-use';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { type JobSummary, scheduledHandler } from '../shared/schedule/scheduled-handler';
import {
  DEFAULT_SWEEP_CONCURRENCY,
  DEFAULT_SWEEP_PAGE_SIZE,
  sweepDueInvoices,
  type SweepReport,
} from '../use-cases/sweep/due-invoice-sweep';
import { unappliedAfterDaysFromEnvironment } from '../shared/money-config';
import { SWEEP_COMPLETED_METRIC } from '../core/reports/business-metrics';
import { logger } from '../shared/observability';
import { publishMetricPoints } from '../shared/publish-metric-points';
import type { PlanRestoreReport } from '../use-cases/plans/restore-plan-executions';
import { readCreditor } from '../shared/creditor';
import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { selfServiceLinksFromEnvironment } from '../shared/self-service-config';
import {
  DEFAULT_RANGE_SIZE,
  finishSweep,
  planSweep,
  type RangeItem,
  type SweepFinish,
  type SweepPlan,
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
// Every step but the plan's starts or restores executions: the dunning workflow is made at cold
// start. Payment plans are restored at the finish, and pre-due notices sent before the first
// page, once a run: the plan workflow and the mailer are loaded then, and with them the run's
// once-only work (once-a-run.ts), which the ranges, most of a run's calls, do not load.
const planDeps = { store: deps.store, plans: planWorkflowOnFirstUse(), clock };
const onceARun = () => import('../use-cases/sweep/once-a-run');
const mailer = mailerOnFirstUse();
const creditor = readCreditor();
// The pre-due notices' links to the debtor's page: checked at cold start like every variable, so
// that a missing signing key fails the deploy's first invocation, not a morning's run; the key
// itself is read with the first link.
const selfServiceLink = selfServiceLinksFromEnvironment(clock);
const preDue = { ...deps, mailer, creditor, ...(selfServiceLink ? { selfServiceLink } : {}) };

/**
 * The business metrics of the day just closed (functions/core/reports/business-metrics.ts). The
 * dashboard's figures are not worth a day of dunning: a failure to read them is logged, and the
 * sweep goes on.
 */
async function publishDailyMetrics(): Promise<void> {
  try {
    const { dailyMetrics } = await onceARun();
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
const beforeFirstPage = async () => {
  const run = await onceARun();
  // Money first: unmatched payments become unapplied cash, and credit pays what falls due.
  // Disputes open past their respond-by day go on a manager's list. Yesterday is over: the
  // portfolio ledger closes it into a snapshot, and the dashboard gets its figures.
  await run.reviewMoneyDaily(money);
  await run.raiseOverdueDisputeTasks(deps);
  await run.closePortfolioDays(deps);
  await publishDailyMetrics();
  // The friendly word before the due date, where a segment's policy asks for one.
  const notices = await run.sendPreDueNotices(preDue);
  logger.info('pre-due notices', { ...notices });
};

/** The whole sweep in one call: its report and the payment plans restored after it. */
type WholeSweep = SweepReport & { plans: PlanRestoreReport; phase: 'whole' };
type Planned = SweepPlan & { phase: 'plan' };
type RangeSwept = SweepReport & { phase: 'range'; range: number };
type Finished = SweepFinish & { plans: PlanRestoreReport; phase: 'finish' };
type Outcome = WholeSweep | Planned | RangeSwept | Finished;

const rangeEvent = z.object({
  phase: z.literal('range'),
  item: z.object({
    range: z.number().int().min(0),
    suspects: z.array(z.string()).optional(),
    listRunning: z.literal(true).optional(),
  }),
});

/** Payment plans whose execution failed or was lost: started again where the plan stands. */
const restorePlans = async () => (await onceARun()).restorePlanExecutions(planDeps, options);

/**
 * The step the event names: the state machine's `{ phase: 'plan' }`, `{ phase: 'range', item }`
 * for each range of its Map, and `{ phase: 'finish' }`; any other event (an operator's invocation,
 * the local API's `POST /_local/sweep`) sweeps the whole index in this one call, a page at a time
 * from the checkpoint of the day's run, until done or near the Lambda's timeout.
 */
async function sweepStep(context: Context, event: unknown): Promise<Outcome> {
  const mayBeginPage = () => context.getRemainingTimeInMillis() > RESERVE_MS;
  switch ((event as { phase?: unknown } | null)?.phase) {
    case 'plan':
      return { phase: 'plan', ...(await planSweep(deps, options, { beforeFirstPage })) };
    case 'range': {
      const { item } = rangeEvent.parse(event);
      const report = await sweepRange(deps, options, item as RangeItem, { beforeStart, mayBeginPage });
      return { phase: 'range', range: item.range, ...report };
    }
    case 'finish':
      return { phase: 'finish', ...(await finishSweep(deps)), plans: await restorePlans() };
    default: {
      const report = await sweepDueInvoices(deps, options, { beforeFirstPage, mayBeginPage });
      return { phase: 'whole', ...report, plans: await restorePlans() };
    }
  }
}

/** The plans' counts, and the "sweep ran" signal once per run that read the index to its end. */
function runCounts(complete: boolean, plans: PlanRestoreReport): Record<string, number> {
  return {
    // Its alarm pages when none came in the 24 hours up to 07:00 (lib/constructs/observability.ts).
    ...(complete ? { [SWEEP_COMPLETED_METRIC]: 1 } : {}),
    PaymentPlansRestored: plans.restored,
    ...(plans.needsAttention.length > 0 ? { PaymentPlanNeedsAttention: plans.needsAttention.length } : {}),
  };
}

function summarize(outcome: Outcome): JobSummary {
  switch (outcome.phase) {
    case 'plan':
      return {
        counts: { SweepFailures: outcome.failed.length },
        failures: outcome.failed,
        details: {
          phase: outcome.phase,
          day: outcome.day,
          run: outcome.run,
          continued: outcome.continued,
          invoices: outcome.invoices,
          ranges: outcome.ranges.length,
          suspects: outcome.ranges.reduce((sum, item) => sum + (item.suspects?.length ?? 0), 0),
        },
      };
    case 'range':
      return { counts: sweptCounts(outcome), failures: outcome.failed, details: { ...outcome } };
    case 'finish':
      return {
        counts: runCounts(outcome.complete, outcome.plans),
        failures: outcome.plans.failed,
        details: { ...outcome },
      };
    case 'whole':
      return {
        counts: { ...sweptCounts(outcome), ...runCounts(outcome.complete, outcome.plans) },
        failures: [...outcome.failed, ...outcome.plans.failed],
        details: {
          started: outcome.started,
          restored: outcome.restored,
          resumed: outcome.resumed,
          untouched: outcome.untouched,
          needsAttention: outcome.needsAttention,
          pages: outcome.pages,
          continued: outcome.continued,
          complete: outcome.complete,
          plans: { restored: outcome.plans.restored, needsAttention: outcome.plans.needsAttention },
        },
      };
  }
}

/** The state machine's data is at most 256 KB: the lists are cut, the log has them all. */
function answer(outcome: Outcome): Outcome {
  switch (outcome.phase) {
    case 'plan':
      return { ...outcome, failed: outcome.failed.slice(0, IDS_IN_ANSWER) };
    case 'finish':
      return outcome;
    default:
      return {
        ...outcome,
        needsAttention: outcome.needsAttention.slice(0, IDS_IN_ANSWER),
        failed: outcome.failed.slice(0, IDS_IN_ANSWER),
      };
  }
}

/**
 * Daily (EventBridge Scheduler starts statemachines/daily-sweep.asl.json): starts the dunning of
 * invoices that fell due and restores lost ones, one step of the fanned-out sweep per call (see
 * sweepStep).
 */
export const handler = scheduledHandler<Outcome>({ job: 'sweep', summarize, answer }, sweepStep);

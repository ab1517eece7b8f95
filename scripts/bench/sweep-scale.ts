import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCreditStore } from '../../functions/adapters/dynamodb/dynamodb-credit-store';
import { addDays } from '../../functions/core/calendar/calendar-date';
import { DUNNING_SLOTS } from '../../functions/core/dunning/dunning-slot';
import { type DunningState, executionName } from '../../functions/core/dunning/dunning-state';
import type { DebtorRecord, InvoiceRecord } from '../../functions/ports/credit-store';
import type {
  DunningExecutionInput,
  DunningWorkflow,
  ExecutionSummary,
} from '../../functions/ports/workflow';
import {
  DEFAULT_RANGE_SIZE,
  finishSweep,
  planSweep,
  SWEEP_WORKERS,
  sweepRange,
} from '../../functions/use-cases/sweep/sweep-ranges';
import { ensureTable } from '../../local/dynamodb/create-table';
import type { CapacityProxy } from './capacity-proxy';
import type { CapacityUnits } from './consumed-capacity';
import { inPool } from './pool';
import type { ProgressBar } from './progress-bar';

/** The sweep's production settings (functions/handlers/sweep-due-invoices.ts). */
const PAGE_SIZE = 200;
const CONCURRENCY = 16;
const INVOICES_PER_DEBTOR = 5;
/**
 * Up to this many due invoices all fall due on the day measured. Above it, DynamoDB Local's
 * transactions (25 starts a second on the loaded 2-core machine) would keep a run for hours, so a
 * busy day is measured instead: BUSY_DAY_SHARE of them fall due, the rest were started before
 * (seeded with a running dunning and listed as running), as on a real book.
 */
const ALL_FALL_DUE_UP_TO = 20_000;
const BUSY_DAY_SHARE = 0.05;
/** Writes per seeding transaction: DynamoDB's limit is 100. */
const SEED_BATCH = 100;
const CREATED = '2026-01-15T09:00:00.000Z';
/** The sweep of Thursday 5 March 2026, 06:00 in Amsterdam: invoices due on 1 March fell due. */
const FIRST_DAY = new Date('2026-03-05T05:00:00Z');
const DAY_MS = 86_400_000;

export interface SweepPass {
  /** Invoices read from the due-invoice index (by the workers; the plan reads them once more). */
  invoices: number;
  /** Ranges the plan cut the index into (one Map item each), swept SWEEP_WORKERS at a time. */
  ranges?: number;
  /** Seconds of the plan: the pass over the index and the listing of the running executions. */
  planSeconds?: number;
  started: number;
  untouched: number;
  failed: number;
  pages: number;
  wallSeconds: number;
  /** CPU of this process (the sweep and the SDK); DynamoDB Local's JVM is not in it. */
  cpuSeconds: number;
  invoicesPerSecond: number;
  startsPerSecond: number;
  dynamodb: CapacityUnits;
  dynamodbPerInvoice: CapacityUnits;
  dynamodbByOperation: Record<string, CapacityUnits>;
}

export interface SweepScaleResult {
  invoices: number;
  debtors: number;
  pageSize: number;
  /** Invoices of a page in flight, per worker. */
  concurrency: number;
  /** Invoices per range, and ranges swept at once (the Map's MaxConcurrency). */
  rangeSize?: number;
  workers?: number;
  /** Due invoices that fell due on the day measured (the rest were running already). */
  fallingDue?: number;
  /** The day they fell due: each of `fallingDue` gets its execution. */
  fellDue: SweepPass;
  /** The next day: every execution runs, nothing to start; the sweep's daily cost at rest. */
  nextDay: SweepPass;
}

/**
 * The daily sweep, fanned out as statemachines/daily-sweep.asl.json runs it (the plan, the ranges
 * SWEEP_WORKERS at a time, the finish: the real use cases and DynamoDB store), over `count` due
 * invoices in DynamoDB Local behind the capacity proxy. Step Functions is a stand-in that answers
 * at once and lists what it started as running: StartExecution in AWS is bounded by the account's
 * quota, which the model in docs/benchmarks.md applies, not by anything this machine could show.
 * The workers are not paced here (the Lambda paces them at their share of that quota).
 */
export async function measureSweep(
  count: number,
  dynamodb: CapacityProxy,
  progress: ProgressBar,
): Promise<SweepScaleResult> {
  const tableName = `bench-sweep-${count}-${Date.now()}`;
  const client = new DynamoDBClient({
    endpoint: dynamodb.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await ensureTable(client, tableName);
    const store = new DynamoDbCreditStore(client, tableName);
    const debtors = Math.ceil(count / INVOICES_PER_DEBTOR);
    const fallingDue = count <= ALL_FALL_DUE_UP_TO ? count : Math.round(count * BUSY_DAY_SHARE);
    const workflow = new StartedAtOnce();
    await seed(store, { count, debtors, running: count - fallingDue, workflow }, progress);

    let now = FIRST_DAY;
    const deps = { store, workflow, clock: { now: () => now } };
    const pass = async (label: string): Promise<SweepPass> => {
      dynamodb.reset();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const options = {
        restoreLimit: 3,
        pageSize: PAGE_SIZE,
        concurrency: CONCURRENCY,
        rangeSize: DEFAULT_RANGE_SIZE,
      };
      const plan = await planSweep(deps, options);
      const planSeconds = (performance.now() - started) / 1000;
      progress.start(`sweep · ${count.toLocaleString('en')} · ${label}`, plan.ranges.length, 'ranges');
      const reports = await inPool(plan.ranges, SWEEP_WORKERS, async (item) => {
        const swept = await sweepRange(deps, options, item);
        progress.advance();
        return swept;
      });
      const finish = await finishSweep(deps);
      if (!finish.complete) throw new Error(`ranges ${finish.unfinished.join(', ')} were not swept`);
      const report = {
        started: sum(reports, (r) => r.started),
        untouched: sum(reports, (r) => r.untouched),
        failed: reports.flatMap((r) => r.failed),
        pages: sum(reports, (r) => r.pages),
      };
      const wallSeconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const swept = report.started + report.untouched + report.failed.length;
      const result: SweepPass = {
        invoices: swept,
        ranges: plan.ranges.length,
        planSeconds,
        started: report.started,
        untouched: report.untouched,
        failed: report.failed.length,
        pages: report.pages,
        wallSeconds,
        cpuSeconds: (used.user + used.system) / 1e6,
        invoicesPerSecond: swept / wallSeconds,
        startsPerSecond: report.started / wallSeconds,
        dynamodb: dynamodb.units,
        dynamodbPerInvoice: { read: dynamodb.units.read / swept, write: dynamodb.units.write / swept },
        dynamodbByOperation: { ...dynamodb.byOperation },
      };
      progress.finish(
        `${swept} invoices, ${report.started} started, ${result.invoicesPerSecond.toFixed(0)} invoices/s, ${result.dynamodb.read.toFixed(0)} RCU / ${result.dynamodb.write.toFixed(0)} WCU`,
      );
      return result;
    };

    const fellDue = await pass('fell due');
    now = new Date(FIRST_DAY.getTime() + DAY_MS);
    const nextDay = await pass('next day');
    return {
      invoices: count,
      debtors,
      pageSize: PAGE_SIZE,
      concurrency: CONCURRENCY,
      rangeSize: DEFAULT_RANGE_SIZE,
      workers: SWEEP_WORKERS,
      fallingDue,
      fellDue,
      nextDay,
    };
  } finally {
    client.destroy();
  }
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

interface Book {
  count: number;
  debtors: number;
  /** Invoices whose dunning was started before (the first ones), listed as running by `workflow`. */
  running: number;
  workflow: StartedAtOnce;
}

/** Debtors, then invoices due on 1 March, the first `running` of them dunned already, 100 to a transaction. */
async function seed(
  store: DynamoDbCreditStore,
  { count, debtors, running, workflow }: Book,
  progress: ProgressBar,
) {
  progress.start(`sweep · seeding ${count.toLocaleString('en')} invoices`, count + debtors, 'items');
  const debtorIds = Array.from({ length: debtors }, (_, i) => `deb-sweep-${i}`);
  await inPool(chunks(debtorIds, SEED_BATCH), 8, async (ids) => {
    await store.commit(ids.map((id) => ({ kind: 'putDebtor', debtor: debtor(id), expectedVersion: null })));
    progress.advance(ids.length);
  });
  const invoiceIds = Array.from({ length: count }, (_, i) => `inv-sweep-${String(i).padStart(7, '0')}`);
  await inPool(chunks(invoiceIds, SEED_BATCH), 8, async (ids) => {
    await store.commit(
      ids.map((id) => {
        const n = Number(id.slice(-7));
        const dunning = n < running ? runningDunning(id) : undefined;
        if (dunning) workflow.listAsRunning(dunning.execution);
        return {
          kind: 'putInvoice',
          invoice: { ...invoice(id, debtorIds[n % debtors] as string), ...(dunning ? { dunning } : {}) },
          expectedVersion: null,
        };
      }),
    );
    progress.advance(ids.length);
  });
  progress.finish(`${count} invoices of ${debtors} debtors`);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

function debtor(id: string): DebtorRecord {
  return {
    id,
    name: `Debtor ${id}`,
    kind: 'business',
    email: `${id}@debtor.example`,
    language: 'nl',
    creditHold: false,
    credits: {},
    behaviour: { invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0, escalations: 0 },
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

function invoice(id: string, debtorId: string): InvoiceRecord {
  return {
    id,
    number: `F2026-${id.slice(-7)}`,
    debtorId,
    currency: 'EUR',
    totalAmount: 1_250_00,
    openAmount: 1_250_00,
    issueDate: '2026-01-15',
    dueDate: '2026-03-01',
    paymentReference: `RF18${id.slice(-7)}`,
    status: 'open',
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

/** A dunning started on 2 March (its first execution runs): what a start writes, in shape and size. */
function runningDunning(id: string): DunningState {
  return {
    status: 'running',
    policyId: 'default-business',
    policyVersion: 1,
    segmentReason: 'business debtor',
    execution: executionName(id, 0),
    attempt: 0,
    schedule: Object.fromEntries(
      DUNNING_SLOTS.map((slot, i) => [slot, addDays('2026-03-08', 7 * i)]),
    ) as DunningState['schedule'],
    callWindowSeconds: 432_000,
  };
}

/** Step Functions as the sweep sees it, answering at once: what it started runs. */
class StartedAtOnce implements DunningWorkflow {
  private readonly names = new Set<string>();

  /** An execution started before the bench: it runs. */
  listAsRunning(execution: string): void {
    this.names.add(execution);
  }

  async start(input: DunningExecutionInput): Promise<{ started: boolean }> {
    if (this.names.has(input.execution)) return { started: false };
    this.names.add(input.execution);
    return { started: true };
  }

  async stop(): Promise<void> {}

  async describe(execution: string): Promise<ExecutionSummary | undefined> {
    return this.names.has(execution) ? { name: execution, status: 'RUNNING', startedAt: CREATED } : undefined;
  }

  async running(): Promise<Set<string>> {
    return new Set(this.names);
  }

  async completeTask(): Promise<'completed' | 'gone'> {
    return 'gone';
  }
}

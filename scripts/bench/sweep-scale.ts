import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCreditStore } from '../../functions/adapters/dynamodb/dynamodb-credit-store';
import type { DebtorRecord, InvoiceRecord } from '../../functions/ports/credit-store';
import type {
  DunningExecutionInput,
  DunningWorkflow,
  ExecutionSummary,
} from '../../functions/ports/workflow';
import { sweepDueInvoices } from '../../functions/use-cases/sweep/due-invoice-sweep';
import { ensureTable } from '../../local/dynamodb/create-table';
import type { CapacityProxy } from './capacity-proxy';
import type { CapacityUnits } from './consumed-capacity';
import { inPool } from './pool';
import type { ProgressBar } from './progress-bar';

/** The sweep's production settings (functions/handlers/sweep-due-invoices.ts). */
const PAGE_SIZE = 200;
const CONCURRENCY = 16;
const INVOICES_PER_DEBTOR = 5;
/** Writes per seeding transaction: DynamoDB's limit is 100. */
const SEED_BATCH = 100;
const CREATED = '2026-01-15T09:00:00.000Z';
/** The sweep of Thursday 5 March 2026, 06:00 in Amsterdam: invoices due on 1 March fell due. */
const FIRST_DAY = new Date('2026-03-05T05:00:00Z');
const DAY_MS = 86_400_000;

export interface SweepPass {
  /** Invoices read from the due-invoice index. */
  invoices: number;
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
  concurrency: number;
  /** The day they all fell due: every invoice gets its execution. */
  fellDue: SweepPass;
  /** The next day: every execution runs, nothing to start; the sweep's daily cost at rest. */
  nextDay: SweepPass;
}

/**
 * The daily sweep (the real use case and DynamoDB store) over `count` due invoices in DynamoDB
 * Local behind the capacity proxy. Step Functions is a stand-in that answers at once and lists
 * what it started as running: StartExecution in AWS is bounded by the account's quota, which the
 * model in docs/benchmarks.md applies, not by anything this machine could show.
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
    await seed(store, count, debtors, progress);

    const workflow = new StartedAtOnce();
    let now = FIRST_DAY;
    const deps = { store, workflow, clock: { now: () => now } };
    const pass = async (label: string): Promise<SweepPass> => {
      dynamodb.reset();
      progress.start(
        `sweep · ${count.toLocaleString('en')} · ${label}`,
        Math.ceil(count / PAGE_SIZE),
        'pages',
      );
      const cpu = process.cpuUsage();
      const started = performance.now();
      const report = await sweepDueInvoices(
        deps,
        { restoreLimit: 3, pageSize: PAGE_SIZE, concurrency: CONCURRENCY },
        { mayBeginPage: () => (progress.advance(), true) },
      );
      const wallSeconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const swept = report.started + report.untouched + report.failed.length;
      const result: SweepPass = {
        invoices: swept,
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
    return { invoices: count, debtors, pageSize: PAGE_SIZE, concurrency: CONCURRENCY, fellDue, nextDay };
  } finally {
    client.destroy();
  }
}

/** Debtors, then invoices due on 1 March without dunning, 100 to a transaction. */
async function seed(store: DynamoDbCreditStore, count: number, debtors: number, progress: ProgressBar) {
  progress.start(`sweep · seeding ${count.toLocaleString('en')} invoices`, count + debtors, 'items');
  const debtorIds = Array.from({ length: debtors }, (_, i) => `deb-sweep-${i}`);
  await inPool(chunks(debtorIds, SEED_BATCH), 8, async (ids) => {
    await store.commit(ids.map((id) => ({ kind: 'putDebtor', debtor: debtor(id), expectedVersion: null })));
    progress.advance(ids.length);
  });
  const invoiceIds = Array.from({ length: count }, (_, i) => `inv-sweep-${String(i).padStart(7, '0')}`);
  await inPool(chunks(invoiceIds, SEED_BATCH), 8, async (ids) => {
    await store.commit(
      ids.map((id, i) => ({
        kind: 'putInvoice',
        invoice: invoice(id, debtorIds[i % debtors] as string),
        expectedVersion: null,
      })),
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

/** Step Functions as the sweep sees it, answering at once: what it started runs. */
class StartedAtOnce implements DunningWorkflow {
  private readonly names = new Set<string>();

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

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCreditStore } from '../../functions/adapters/dynamodb/dynamodb-credit-store';
import { openTask } from '../../functions/core/tasks/collection-task';
import type { DebtorRecord, InvoiceRecord, StoreWrite, TaskRecord } from '../../functions/ports/credit-store';
import { worklist } from '../../functions/use-cases/worklist/worklist';
import { ensureTable } from '../../local/dynamodb/create-table';
import type { CapacityProxy } from './capacity-proxy';
import { inPool } from './pool';
import type { ProgressBar } from './progress-bar';
import { textTable } from './text-table';

/** The controller whose worklist is read, and a colleague who owns the rest of a larger book. */
const OWNER = 'bench-controller';
const COLLEAGUE = 'bench-colleague';
const CREATED = '2026-02-01T09:00:00.000Z';
/** Monday 23 March 2026, 09:00 in Amsterdam: every seeded invoice is 22 days overdue. */
const NOW = new Date('2026-03-23T08:00:00Z');
/** Four writes a debtor (debtor, invoice, task, its overdue amount): 25 fill a transaction of 100. */
const DEBTORS_PER_COMMIT = 25;

/** One book: how many debtors the controller owns, and how many their colleagues own. */
export interface WorklistCase {
  ownerDebtors: number;
  otherDebtors: number;
}

export interface WorklistReadsResult extends WorklistCase {
  /** Each debtor has one overdue invoice and one open call task. */
  entries: number;
  /** DynamoDB requests the worklist sent, by operation (a Query page is one request). */
  requests: Record<string, number>;
  totalRequests: number;
  /** Items DynamoDB returned, by operation (Query `Count`, GetItem 1 when found). */
  items: Record<string, number>;
  totalItems: number;
  /** Read units DynamoDB reported (ReturnConsumedCapacity), as read on the wire by the capacity proxy. */
  readUnits: number;
  wallMs: number;
}

/**
 * GET /worklist for one controller (the use case the handler runs, on the real DynamoDB store) in
 * DynamoDB Local, in a book of `ownerDebtors` debtors of theirs and `otherDebtors` of a colleague,
 * each with an overdue invoice and an open call task. Counts the requests and items with an SDK
 * middleware on the store's client, and the read units with the capacity proxy: whether the reads
 * are bounded or grow with the debtors shows by comparing the cases.
 */
export async function measureWorklistReads(
  cases: readonly WorklistCase[],
  dynamodb: CapacityProxy,
  progress: ProgressBar,
): Promise<Record<string, WorklistReadsResult>> {
  const results: Record<string, WorklistReadsResult> = {};
  for (const book of cases) results[caseName(book)] = await measureCase(book, dynamodb, progress);
  return results;
}

function caseName(book: WorklistCase): string {
  return book.otherDebtors === 0 ? `${book.ownerDebtors}` : `${book.ownerDebtors}+${book.otherDebtors}`;
}

async function measureCase(
  book: WorklistCase,
  dynamodb: CapacityProxy,
  progress: ProgressBar,
): Promise<WorklistReadsResult> {
  const tableName = `bench-worklist-${book.ownerDebtors}-of-${book.ownerDebtors + book.otherDebtors}-${Date.now()}`;
  const client = new DynamoDBClient({
    endpoint: dynamodb.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const requests: Record<string, number> = {};
  const items: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const answer = await next(args);
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const output = answer.output as { Count?: number; Item?: unknown; Responses?: unknown[] };
      requests[operation] = (requests[operation] ?? 0) + 1;
      const returned = output.Count ?? (output.Item ? 1 : 0);
      items[operation] = (items[operation] ?? 0) + returned;
      return answer;
    },
    { step: 'initialize', name: 'benchReadCounter' },
  );
  try {
    await ensureTable(client, tableName);
    const store = new DynamoDbCreditStore(client, tableName);
    await seed(store, book, progress);
    for (const key of Object.keys(requests)) delete requests[key];
    for (const key of Object.keys(items)) delete items[key];

    progress.start(`worklist · ${caseName(book)} debtors · GET /worklist`, 1, 'reads');
    dynamodb.reset();
    const started = performance.now();
    const list = await worklist(
      { store, clock: { now: () => NOW } },
      { caller: { sub: OWNER, roles: ['controller'] } },
    );
    const wallMs = performance.now() - started;
    if (list.entries.length !== book.ownerDebtors) {
      throw new Error(`the worklist has ${list.entries.length} entries, not ${book.ownerDebtors}`);
    }
    const totalRequests = Object.values(requests).reduce((a, b) => a + b, 0);
    const totalItems = Object.values(items).reduce((a, b) => a + b, 0);
    progress.advance();
    progress.finish(
      `${list.entries.length} entries: ${totalRequests} requests, ${totalItems} items, ${dynamodb.units.read.toFixed(1)} RCU`,
    );
    return {
      ...book,
      entries: list.entries.length,
      requests: { ...requests },
      totalRequests,
      items: { ...items },
      totalItems,
      readUnits: dynamodb.units.read,
      wallMs,
    };
  } finally {
    client.destroy();
  }
}

/** Each debtor with its invoice and call task, a transaction of 25 debtors at a time. */
async function seed(store: DynamoDbCreditStore, book: WorklistCase, progress: ProgressBar): Promise<void> {
  const total = book.ownerDebtors + book.otherDebtors;
  progress.start(`worklist · seeding ${total.toLocaleString('en')} debtors`, total, 'debtors');
  const numbers = Array.from({ length: total }, (_, i) => i);
  const batches = Array.from({ length: Math.ceil(total / DEBTORS_PER_COMMIT) }, (_, i) =>
    numbers.slice(i * DEBTORS_PER_COMMIT, (i + 1) * DEBTORS_PER_COMMIT),
  );
  await inPool(batches, 8, async (batch) => {
    await store.commit(batch.flatMap((n) => account(n, n < book.ownerDebtors ? OWNER : COLLEAGUE)));
    progress.advance(batch.length);
  });
  progress.finish(`${book.ownerDebtors} of ${OWNER}, ${book.otherDebtors} of ${COLLEAGUE}`);
}

function account(n: number, owner: string): StoreWrite[] {
  const id = `deb-wl-${String(n).padStart(6, '0')}`;
  const debtor: DebtorRecord = {
    id,
    name: `Debtor ${String(n).padStart(6, '0')} B.V.`,
    kind: 'business',
    email: `${id}@debtor.example`,
    language: 'nl',
    creditHold: false,
    credits: {},
    behaviour: { invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0, escalations: 0 },
    owner: { sub: owner, email: `${owner}@creditor.example`, since: CREATED, by: 'bench' },
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
  const invoice: InvoiceRecord = {
    id: `inv-wl-${String(n).padStart(6, '0')}`,
    number: `F2026-WL${String(n).padStart(6, '0')}`,
    debtorId: id,
    currency: 'EUR',
    totalAmount: 1_250_00 + n,
    openAmount: 1_250_00 + n,
    issueDate: '2026-01-01',
    dueDate: '2026-03-01',
    paymentReference: `RF18WL${String(n).padStart(6, '0')}`,
    status: 'overdue',
    // As the intake stamps it from the debtor; the task raised on it inherits the stamp.
    accountOwner: owner,
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
  const task: TaskRecord = {
    ...openTask({
      id: `call--bench-${n}`,
      kind: 'call',
      invoice,
      today: '2026-03-23',
      summary: `invoice ${invoice.number}`,
    }),
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
  return [
    { kind: 'putDebtor', debtor, expectedVersion: null },
    { kind: 'putInvoice', invoice, expectedVersion: null },
    { kind: 'putTask', task, expectedVersion: null },
  ];
}

/** The bench's table of this section. */
export function worklistSection(results: Record<string, WorklistReadsResult> = {}): string {
  const rows = Object.values(results).map((r) => [
    r.ownerDebtors.toLocaleString('en'),
    r.otherDebtors.toLocaleString('en'),
    String(r.entries),
    String(r.totalRequests),
    Object.entries(r.requests)
      .map(([operation, n]) => `${operation} ${n}`)
      .join(', '),
    r.totalItems.toLocaleString('en'),
    r.readUnits.toFixed(1),
    r.wallMs.toFixed(0),
  ]);
  return [
    "5. Worklist of one controller (GET /worklist's use case) — DynamoDB Local, one overdue invoice and one call task per debtor",
    textTable(
      [
        'their debtors',
        "colleagues' debtors",
        'entries',
        'requests',
        'by operation',
        'items read',
        'RCU',
        'wall ms',
      ],
      rows,
    ),
  ].join('\n');
}

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalCloud } from '../../local/cloud/local-cloud';
import { InvoicingClient } from '../../local/invoicing/invoicing-client';
import { BENCH_START } from './bench-start';
import { benchDebtor, benchInvoice } from './bench-events';
import { Executions, invoiceIdOf, invoicesByStem } from './executions';
import { inPool } from './pool';
import type { ProgressBar } from './progress-bar';
import type { IngestionResult } from './results';
import { percentile, sum } from './statistics';
import type { CapacityProxy } from './capacity-proxy';
import { isRead, type PartTime, type TimedParts, timeWebhookParts } from './ingestion-parts';
import { InvocationMeter } from './invocation-meter';
import { WEBHOOK_FUNCTION } from './path-count';

const CONCURRENCY = 50;
const DEBTOR_CONCURRENCY = 8;
/** Five invoices per debtor: the debtor is read for every invoice, as in a real portfolio. */
const INVOICES_PER_DEBTOR = 5;
/** Executions start inside the webhook's invocation; this only covers a slow machine. */
const EXECUTIONS_DEADLINE_MS = 30_000;

/**
 * Posts invoice.created events, all overdue on arrival, to the local API at a fixed concurrency
 * and times each request; then checks through ListExecutions that every accepted invoice got
 * exactly one execution. The clock is frozen, so the executions wait at their first step and the
 * measure is the intake alone. The debtors are posted first, at the same concurrency, and are
 * not in the figures.
 */
export async function measureIngestion(
  dynamodb: CapacityProxy,
  count: number,
  progress: ProgressBar,
  log: (line: string) => void,
): Promise<IngestionResult> {
  const cloud = await startLocalCloud({
    daySeconds: null,
    start: BENCH_START,
    dynamodbEndpoint: dynamodb.url,
    tableName: `bench-ingestion-${Date.now()}`,
    dailySweep: false,
    log,
  });
  const executions = new Executions(cloud.endpoints.sfn, cloud.stateMachineArn);
  try {
    const poster = new InvoicingClient({ apiUrl: cloud.endpoints.api, secret: cloud.webhookSecret });
    const DEBTORS = Math.ceil(count / INVOICES_PER_DEBTOR);
    const debtors = Array.from({ length: DEBTORS }, () => `deb-${randomUUID().slice(0, 13)}`);
    // Fewer at once than the timed requests: they are set-up, and a loaded DynamoDB Local drops some at 50.
    await inPool(debtors, DEBTOR_CONCURRENCY, (id) => poster.accepted(benchDebtor(id)));

    const dueDate = new Date(BENCH_START.getTime() - 86_400_000).toISOString().slice(0, 10);
    const invoices = Array.from({ length: count }, (_, i) => ({
      id: `inv-${randomUUID().slice(0, 13)}`,
      debtorId: debtors[i % DEBTORS] as string,
    }));
    progress.start('ingestion', count, 'requests');
    const meter = new InvocationMeter();
    await meter.instrument();
    const parts = await timeWebhookParts();
    dynamodb.reset();
    const started = performance.now();
    const answers = await inPool(invoices, CONCURRENCY, async (invoice) => {
      const answer = await poster.post(benchInvoice(invoice.id, invoice.debtorId, dueDate));
      progress.advance();
      return { invoice, ...answer };
    });
    const elapsedMs = performance.now() - started;
    const timed = parts.parts();
    parts.restore();
    const handlerMs = sum(meter.timings().get(WEBHOOK_FUNCTION) ?? []);
    const byPart = partsOfHandlerTime(timed, dynamodb.timeByOperation);
    const shares = Object.fromEntries(
      Object.entries(byPart).map(([part, time]) => [part, handlerMs > 0 ? time.ms / handlerMs : 0]),
    );

    const accepted = new Set(answers.filter((a) => a.status === 200).map((a) => a.invoice.id));
    const counts = await executionCounts(executions, accepted);
    const latencies = answers.map((a) => a.ms);
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const exactlyOne = [...counts.values()].filter((n) => n === 1).length;
    const result: IngestionResult = {
      concurrency: CONCURRENCY,
      requests: answers.length,
      accepted: accepted.size,
      perSecond: answers.length / (elapsedMs / 1000),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: Math.max(...latencies),
      debtors: DEBTORS,
      executionsPerInvoice: accepted.size ? total / accepted.size : 0,
      invoicesWithExactlyOneExecution: exactlyOne,
      everyInvoiceHasExactlyOneExecution: accepted.size === answers.length && exactlyOne === accepted.size,
      handlerMs,
      parts: byPart,
      readsPerRequest: readsOf(timed.dynamodb) / answers.length,
      dynamodbCalls: timed.dynamodb,
      shareOfHandlerTime: { ...shares, rest: Math.max(0, 1 - sum(Object.values(shares))) },
    };
    progress.finish(
      `${result.perSecond.toFixed(0)} requests/s, p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(
        0,
      )} ms, ${result.readsPerRequest?.toFixed(1)} reads a request, ${exactlyOne}/${answers.length} invoices with exactly one execution`,
    );
    return result;
  } finally {
    executions.destroy();
    await cloud.stop();
  }
}

/** Executions per accepted invoice, once every one of them has at least one (or the deadline passed). */
async function executionCounts(executions: Executions, invoiceIds: ReadonlySet<string>) {
  const deadline = Date.now() + EXECUTIONS_DEADLINE_MS;
  for (;;) {
    const counts = new Map([...invoiceIds].map((id) => [id, 0]));
    const byStem = invoicesByStem(invoiceIds);
    for (const execution of await executions.list()) {
      const id = invoiceIdOf(execution.name ?? '', byStem);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if ([...counts.values()].every((n) => n > 0) || Date.now() > deadline) return counts;
    await sleep(250);
  }
}

/**
 * The parts the shares are taken of: the signature and the validation as timed in-process, the
 * DynamoDB calls as DynamoDB Local took them on the wire (the capacity proxy), and StartExecution
 * as the handler awaited it (the local Step Functions server runs in this process: its time
 * includes waiting for the event loop).
 */
function partsOfHandlerTime(
  timed: TimedParts,
  onTheWire: Readonly<Record<string, PartTime>>,
): Record<string, PartTime> {
  const total = (operations: readonly string[]) =>
    operations.reduce(
      (acc, op) => ({
        calls: acc.calls + (onTheWire[op]?.calls ?? 0),
        ms: acc.ms + (onTheWire[op]?.ms ?? 0),
      }),
      { calls: 0, ms: 0 },
    );
  return {
    signature: timed.signature,
    validation: timed.validation,
    dynamodbTransaction: total(['TransactWriteItems']),
    dynamodbWrites: total(['PutItem', 'UpdateItem', 'DeleteItem']),
    dynamodbReads: total(['GetItem', 'Query', 'BatchGetItem']),
    startExecution: timed.startExecution,
  };
}

/** DynamoDB reads the handler made, by their labels (`GetItem DELIVERY`, `Query PARKED`, …). */
function readsOf(calls: Readonly<Record<string, PartTime>>): number {
  return sum(Object.entries(calls).flatMap(([label, time]) => (isRead(label) ? [time.calls] : [])));
}

import { appendFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { startInspectingProxy } from '../../local/http/inspecting-proxy';
import {
  type CapacityUnits,
  consumedSplit,
  consumedUnits,
  isMetered,
  operationOf,
} from './consumed-capacity';

export interface CapacityProxy {
  url: string;
  /** Units reported since the last reset. */
  readonly units: CapacityUnits;
  /** Units by operation since the last reset, e.g. { TransactWriteItems: { read: 0, write: 84 } }. */
  readonly byOperation: Readonly<Record<string, CapacityUnits>>;
  /** Calls and the time DynamoDB took to answer them, by operation, since the last reset. */
  readonly timeByOperation: Readonly<Record<string, { calls: number; ms: number }>>;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * A proxy in front of DynamoDB Local that reads the ConsumedCapacity out of every
 * answer. The store asks for it on every call (ReturnConsumedCapacity TOTAL); reading it on the
 * wire lets the bench count the units of the real handlers without any change to their code.
 */
export async function startCapacityProxy(target: string): Promise<CapacityProxy> {
  // BENCH_WRITE_TRACE=<file>: one line per write, with the kinds of item it wrote and its units, split
  // into the table's and each index's.
  const traceFile = process.env.BENCH_WRITE_TRACE;
  let units: CapacityUnits = { read: 0, write: 0 };
  let byOperation: Record<string, CapacityUnits> = {};
  let timeByOperation: Record<string, { calls: number; ms: number }> = {};

  const count = (operation: string, body: Buffer, encoding: string | undefined) => {
    const text = (encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8');
    const reported = consumedUnits(operation, JSON.parse(text));
    units = { read: units.read + reported.read, write: units.write + reported.write };
    const before = byOperation[operation] ?? { read: 0, write: 0 };
    byOperation[operation] = { read: before.read + reported.read, write: before.write + reported.write };
  };

  const proxy = await startInspectingProxy({
    name: 'capacity proxy',
    target,
    // Counted before the answer goes back, so the units are in when the caller moves on.
    inspect: (exchange) => {
      const operation = operationOf(exchange.requestHeaders['x-amz-target'] as string | undefined);
      if (exchange.status === 200 && operation && isMetered(operation)) {
        count(operation, exchange.responseBody, exchange.responseHeaders['content-encoding']);
        if (traceFile) trace(traceFile, operation, exchange.requestBody, decoded(exchange));
      }
      if (operation) {
        const before = timeByOperation[operation] ?? { calls: 0, ms: 0 };
        timeByOperation[operation] = { calls: before.calls + 1, ms: before.ms + exchange.upstreamMs };
      }
    },
  });
  return {
    url: proxy.url,
    get units() {
      return units;
    },
    get byOperation() {
      return byOperation;
    },
    get timeByOperation() {
      return timeByOperation;
    },
    reset() {
      units = { read: 0, write: 0 };
      byOperation = {};
      timeByOperation = {};
    },
    stop: () => proxy.stop(),
  };
}

/** Which kinds of item a write touched (the first part of each key), with its units and bytes. */
function decoded(exchange: { responseBody: Buffer; responseHeaders: Record<string, unknown> }): unknown {
  const { responseBody: body } = exchange;
  return JSON.parse(
    (exchange.responseHeaders['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8'),
  );
}

function trace(file: string, operation: string, requestBody: Buffer, answer: unknown): void {
  if (!/Write|Put|Update|Delete/.test(operation)) return;
  const request = JSON.parse(requestBody.toString('utf8')) as {
    Item?: Record<string, { S?: string }>;
    Key?: Record<string, { S?: string }>;
    TransactItems?: Record<
      string,
      { Item?: Record<string, { S?: string }>; Key?: Record<string, { S?: string }> }
    >[];
  };
  const kind = (item: Record<string, { S?: string }> | undefined) =>
    `${item?.pk?.S?.split('#')[0] ?? '?'}/${item?.sk?.S?.split('#')[0] ?? '?'}:${JSON.stringify(item ?? {}).length}`;
  const items = request.TransactItems
    ? request.TransactItems.map((t) => {
        const [op, body] = Object.entries(t)[0] ?? ['?', {}];
        return `${op}:${kind(body.Item ?? body.Key)}`;
      })
    : [kind(request.Item ?? request.Key)];
  const units = consumedUnits(operation, answer);
  const { table, indexes } = consumedSplit(answer);
  appendFileSync(file, `${JSON.stringify({ operation, write: units.write, table, indexes, items })}\n`);
}

import type { IngestionResult } from './results';
import { textTable } from './text-table';

const PART_NAMES: Record<string, string> = {
  signature: 'signature (Standard Webhooks HMAC)',
  validation: "validation (the route's zod schema)",
  dynamodbTransaction: 'DynamoDB transactions',
  dynamodbWrites: 'DynamoDB single writes',
  dynamodbReads: 'DynamoDB reads (GetItem, Query)',
  startExecution: 'StartExecution',
  rest: 'the rest',
};

/** The ingestion's latencies, where the handler's time goes, and which DynamoDB calls it makes. */
export function ingestionSection(i: IngestionResult | undefined): string {
  if (!i) return '';
  const perRequest = (calls: number) => (calls / i.requests).toFixed(2);
  return [
    `3. Ingestion — ${i.requests} invoice.created events at concurrency ${i.concurrency} to the local API`,
    textTable(
      ['requests/s', 'p50 ms', 'p99 ms', 'max ms', 'accepted', 'executions / invoice', 'exactly one each'],
      [
        [
          i.perSecond.toFixed(0),
          i.p50Ms.toFixed(0),
          i.p99Ms.toFixed(0),
          i.maxMs.toFixed(0),
          `${i.accepted}/${i.requests}`,
          i.executionsPerInvoice.toFixed(3),
          i.everyInvoiceHasExactlyOneExecution ? 'yes' : 'NO',
        ],
      ],
    ),
    i.shareOfHandlerTime
      ? textTable(
          ["Share of the webhook handler's time", 'calls / request', 'ms / call', 'share'],
          Object.entries(i.shareOfHandlerTime).map(([part, share]) => {
            const time = i.parts?.[part];
            return [
              PART_NAMES[part] ?? part,
              time ? perRequest(time.calls) : '',
              time && time.calls > 0 ? (time.ms / time.calls).toFixed(2) : '',
              `${(share * 100).toFixed(1)}%`,
            ];
          }),
        )
      : '',
    i.dynamodbCalls
      ? textTable(
          [
            `DynamoDB calls (${i.readsPerRequest?.toFixed(1) ?? '?'} reads a request)`,
            'calls / request',
            'ms / call as awaited',
          ],
          Object.entries(i.dynamodbCalls)
            .sort(([, a], [, b]) => b.calls - a.calls)
            .map(([label, time]) => [label, perRequest(time.calls), (time.ms / time.calls).toFixed(1)]),
        )
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

import { ROLES } from '../../functions/api/routes';
import { type LocalCloud, startLocalCloud } from '../../local/cloud/local-cloud';
import { InvoicingClient } from '../../local/invoicing/invoicing-client';
import { benchDebtor, benchInvoice } from './bench-events';
import { BENCH_START } from './bench-start';
import type { CapacityProxy } from './capacity-proxy';
import { measureAlone, type MemoryMeter } from './memory-meter';
import type { ProgressBar } from './progress-bar';

const DAY_MS = 86_400_000;
/** Long enough for the invoice's first reminder and its call task: a timeline and a task to read. */
const DUNNED_DAYS = 12;
/** Each request this many times, one after another, after a first that warms the function. */
const ROUNDS = 5;

/**
 * The reads of the API that the path groups do not make, one representative request each (the
 * route table's functions that only read; each capability function that also runs scheduled jobs
 * is not a middy handler and cannot be timed). `{invoice}` and `{debtor}` are the one dunned
 * invoice and its debtor.
 */
const READS = [
  '/me',
  '/openapi.json',
  '/invoices/{invoice}',
  '/invoices/{invoice}/claim',
  '/invoices/{invoice}/promises',
  '/invoices',
  '/debtors/{debtor}',
  '/debtors/{debtor}/timeline',
  '/debtors/{debtor}/payment-plans',
  '/debtors',
  '/tasks',
  '/worklist',
  '/worklist/rules',
  '/policies',
  '/policies/business-standard',
  '/rates',
  '/disputes',
  '/settings/dispute-causes',
  '/settings/sending',
  '/outbox',
  '/payments/unapplied',
];

/**
 * Runs each of the API's reads on a local cloud of its own, in which one invoice has been dunned
 * for some days, with `meter` measuring: the representative events of the functions that serve
 * them. Each request is made with the first role the route lets in.
 */
export async function measureReadRequests(
  dynamodb: CapacityProxy,
  meter: MemoryMeter,
  progress: ProgressBar,
  warn: (line: string) => void,
): Promise<void> {
  // The events of every invocation the local cloud makes, for the functions the meter cannot time.
  const events = new Map<string, unknown[]>();
  const cloud = await startLocalCloud({
    daySeconds: null,
    start: BENCH_START,
    dynamodbEndpoint: dynamodb.url,
    tableName: 'bench-memory-reads',
    dailySweep: false,
    onInvoke: (name, event) => events.set(name, [...(events.get(name) ?? []), event].slice(-ROUNDS)),
  });
  try {
    await meter.instrument();
    const poster = new InvoicingClient({ apiUrl: cloud.endpoints.api, secret: cloud.webhookSecret });
    const debtor = 'deb-memory-reads';
    const invoice = 'inv-memory-reads';
    await poster.accepted(benchDebtor(debtor));
    const dueDate = new Date(BENCH_START.getTime() - DAY_MS).toISOString().slice(0, 10);
    await poster.accepted(benchInvoice(invoice, debtor, dueDate));
    await cloud.advance(DUNNED_DAYS * DAY_MS);

    const tokens = new Map<string, string>();
    for (const role of ROLES) tokens.set(role, await cloud.issuer.issueToken({ group: role }));
    const get = (path: string, token: string) =>
      fetch(`${cloud.endpoints.api}${path.replace('{invoice}', invoice).replace('{debtor}', debtor)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    // The first request of each finds the role and warms the function; it is not measured.
    const allowed: [string, string][] = [];
    for (const path of READS) {
      let answered = false;
      for (const token of tokens.values()) {
        const response = await get(path, token);
        await response.arrayBuffer();
        if (response.status === 403) continue;
        if (response.ok) allowed.push([path, token]);
        else warn(`memory: GET ${path} answered ${response.status}; not measured`);
        answered = true;
        break;
      }
      if (!answered) warn(`memory: GET ${path} let no role in; not measured`);
    }
    await cloud.idle();
    meter.reset();
    progress.start('memory · API reads', ROUNDS * allowed.length, 'requests');
    for (let round = 0; round < ROUNDS; round++) {
      for (const [path, token] of allowed) {
        await (await get(path, token)).arrayBuffer();
        progress.advance();
      }
    }
    progress.finish(`${allowed.length} reads, ${ROUNDS} times each`);
    await replayUntimed(cloud, meter, events, warn);
  } finally {
    await cloud.stop();
  }
}

/**
 * A function whose handler only dispatches (record-email-event: SES events and replies) has no
 * middleware chain to time: its events, as the local cloud delivered them, are invoked again one at
 * a time with nothing else running and timed around the call. A replayed event is one the function
 * has seen, so it takes the path of a repeated delivery, which reads what the first did and writes
 * nothing new: its CPU time is at most the first's.
 */
async function replayUntimed(
  cloud: LocalCloud,
  meter: MemoryMeter,
  events: ReadonlyMap<string, readonly unknown[]>,
  warn: (line: string) => void,
): Promise<void> {
  for (const name of meter.untimed) {
    const seen = events.get(name) ?? [];
    if (seen.length === 0) continue;
    for (let round = 0; round < ROUNDS; round++) {
      for (const event of seen) {
        await cloud.idle();
        meter.record(name, await measureAlone(() => cloud.invoke(name, event)));
      }
    }
    warn(`memory: ${name} only dispatches; measured by replaying ${seen.length} of its events`);
  }
}

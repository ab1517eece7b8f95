import { randomUUID } from 'node:crypto';
import { type LocalCloud, startLocalCloud } from '../../local/cloud/local-cloud';
import { InvoicingClient } from '../../local/invoicing/invoicing-client';
import { BENCH_START } from './bench-start';
import type { CapacityProxy } from './capacity-proxy';
import { Executions } from './executions';
import type { InvocationMeter } from './invocation-meter';
import type { PathGroup, Payment } from './invoice-paths';
import { paymentReceived } from '../../local/invoicing/invoicing-events';
import { benchDebtor, benchInvoice, benchPayment } from './bench-events';
import { countPathGroup, WEBHOOK_FUNCTION } from './path-count';
import { inPool } from './pool';
import type { ProgressBar } from './progress-bar';
import type { PathResult } from './results';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The clock moves in steps of six hours: arrivals and payments land on that grid. */
const STEP_MS = 6 * HOUR_MS;
/**
 * Invoices arrive over this many days rather than all at once, so that only a few tasks run at
 * the same moment: in Lambda each runs alone, and the handler times are the duration estimate.
 */
const ARRIVAL_DAYS = 20;
/**
 * business-standard hands over to the agency 60 days after the due date; a broken promise adds
 * about two weeks; a plan agreed after the first reminder ends with its third instalment, 74 days on.
 */
const LONGEST_PATH_DAYS = 100;
const POST_CONCURRENCY = 8;
/** A kept promise is paid this many days after it was taken, before its date. */
const PROMISE_PAID_AFTER_DAYS = 2;
const PROMISE_FUNCTION = 'take-invoice-promise';
const PLAN_FUNCTION = 'create-payment-plan';
/** What benchInvoice bills, in cents: a plan's instalments add up to it. */
const INVOICE_CENTS = 1_250_00;

export interface PathRunContext {
  dynamodb: CapacityProxy;
  meter: InvocationMeter;
  /** Memory of each function as synthesized, for the Lambda duration estimate. */
  memoryMb: (functionName: string) => number;
  progress: ProgressBar;
  /** The local cloud's own log: request lines and failures. */
  log: (line: string) => void;
  /** Something the reader of the results should know. */
  warn: (line: string) => void;
}

interface BenchInvoice {
  id: string;
  debtorId: string;
  payment: Payment;
  arrival: number;
  arrived: boolean;
  /** The dunning step its payment (or promise) waits for has run. */
  stepRan: boolean;
  /** The collection agency's step ran: a never-paid invoice is done. */
  handedOver: boolean;
  /** A promise to pay was taken on it. */
  promised: boolean;
  /** The payment plan agreed on it, once it is: its id and each instalment's payment. */
  plan?: { id: string; instalments: { payAt: number; amount: number; paid: boolean }[] };
  /** Virtual time from which the payment is due, once known. */
  payAt?: number;
  paid: boolean;
}

/**
 * Drives one group of invoices through a local cloud of its own on a frozen virtual clock, moved
 * forward in six-hour steps (timer to timer within each), until every execution has ended; then
 * counts what the group used
 * (path-count.ts).
 * Debtors, and a warm-up invoice that seeds the policy, come before the counters start: they are
 * not costs of the group's invoices.
 */
export async function runPathGroup(group: PathGroup, context: PathRunContext): Promise<PathResult> {
  const { dynamodb, meter, progress } = context;
  const perDay = Math.ceil(group.payments.length / ARRIVAL_DAYS);
  const invoices: BenchInvoice[] = group.payments.map((payment, i) => {
    const arrival = BENCH_START.getTime() + Math.floor(i / perDay) * DAY_MS;
    return {
      id: `inv-${randomUUID().slice(0, 13)}`,
      debtorId: `deb-${randomUUID().slice(0, 13)}`,
      payment,
      arrival,
      arrived: false,
      stepRan: false,
      handedOver: false,
      promised: false,
      ...(payment.kind === 'daysAfterArrival' ? { payAt: arrival + payment.days * DAY_MS } : {}),
      paid: false,
    };
  });
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));

  const onInvoke = (name: string, event: unknown) => {
    meter.countInvocation(name);
    // A step's Lambda ran for an invoice: a payment due some days after that step can be dated.
    const { invoiceId, step } = (event ?? {}) as { invoiceId?: string; step?: string };
    const invoice = invoiceId === undefined ? undefined : byId.get(invoiceId);
    if (!invoice) return;
    if ('step' in invoice.payment && invoice.payment.step === step) invoice.stepRan = true;
    if (step === 'collectionAgency') invoice.handedOver = true;
  };
  const cloud = await startLocalCloud({
    daySeconds: null,
    start: BENCH_START,
    dynamodbEndpoint: dynamodb.url,
    tableName: `bench-${group.name}`,
    dailySweep: group.dailySweep ?? false,
    onInvoke,
    log: context.log,
  });
  const executions = new Executions(cloud.endpoints.sfn, cloud.stateMachineArn);
  const planExecutions = new Executions(cloud.endpoints.sfn, cloud.paymentPlanStateMachineArn);
  try {
    for (const failure of await meter.instrument())
      context.warn(`handler not importable or not timed: ${failure}`);
    const controller = await cloud.issuer.issueToken({ group: 'controller' });
    const poster = new InvoicingClient({
      apiUrl: cloud.endpoints.api,
      secret: cloud.webhookSecret,
      onRequest: () => meter.countInvocation(WEBHOOK_FUNCTION),
    });
    // Every invocation, request and due timer done: the work of the last clock move is over.
    const settle = () => cloud.idle(60_000);

    await inPool(invoices, POST_CONCURRENCY, (invoice) => poster.accepted(benchDebtor(invoice.debtorId)));
    await warmUp(poster, cloud);
    await settle();
    dynamodb.reset();
    meter.reset();
    const emailsBefore = (await cloud.emails()).length;
    const notificationsBefore = cloud.notifications().length;

    const lastArrival = invoices.at(-1)?.arrival ?? BENCH_START.getTime();
    const horizon = lastArrival + LONGEST_PATH_DAYS * DAY_MS;
    progress.start(`paths · ${group.name}`, Math.ceil((horizon - BENCH_START.getTime()) / STEP_MS), 'steps');
    for (let step = 0; ; step++) {
      const now = cloud.clock.nowMs();
      for (const invoice of invoices) {
        // The step ran during the last settle, at this step's virtual time.
        if (invoice.stepRan && invoice.payAt === undefined && invoice.payment.kind === 'daysAfterStep') {
          invoice.payAt = now + invoice.payment.days * DAY_MS;
        }
      }
      const promising = invoices.filter(
        (invoice) => invoice.stepRan && !invoice.promised && invoice.payment.kind === 'promise',
      );
      await inPool(promising, POST_CONCURRENCY, async (invoice) => {
        const promise = invoice.payment as Extract<Payment, { kind: 'promise' }>;
        await takePromise(cloud, controller, invoice.id, dayAfter(now, promise.promiseDays));
        // An API request the local cloud does not report as an invocation: counted as the webhook's are.
        meter.countInvocation(PROMISE_FUNCTION);
        invoice.promised = true;
        if (promise.kept) invoice.payAt = now + PROMISE_PAID_AFTER_DAYS * DAY_MS;
      });
      const planning = invoices.filter(
        (invoice) => invoice.stepRan && !invoice.plan && invoice.payment.kind === 'plan',
      );
      await inPool(planning, POST_CONCURRENCY, async (invoice) => {
        const terms = invoice.payment as Extract<Payment, { kind: 'plan' }>;
        invoice.plan = await agreePlan(cloud, controller, invoice, now, terms);
        meter.countInvocation(PLAN_FUNCTION);
      });
      const instalmentsDue = invoices.flatMap((invoice) =>
        (invoice.plan?.instalments ?? [])
          .filter((i) => !i.paid && i.payAt <= now)
          .map((i) => ({ invoice, i })),
      );
      await inPool(instalmentsDue, POST_CONCURRENCY, async ({ invoice, i }) => {
        await poster.accepted(
          paymentReceived(
            { invoiceId: invoice.id },
            { amount: i.amount, receivedAt: cloud.clock.now().toISOString() },
          ),
        );
        i.paid = true;
        if (invoice.plan?.instalments.every((each) => each.paid)) invoice.paid = true;
      });
      const arriving = invoices.filter((invoice) => !invoice.arrived && invoice.arrival <= now);
      await inPool(arriving, POST_CONCURRENCY, async (invoice) => {
        await poster.accepted(benchInvoice(invoice.id, invoice.debtorId, dayBefore(invoice.arrival)));
        invoice.arrived = true;
      });
      const paying = invoices.filter(
        (invoice) => !invoice.paid && invoice.payAt !== undefined && invoice.payAt <= now,
      );
      await inPool(paying, POST_CONCURRENCY, async (invoice) => {
        await poster.accepted(benchPayment(invoice.id, cloud.clock.now()));
        invoice.paid = true;
      });
      await settle();
      // Once a virtual day is often enough to ask whether anything still runs.
      if (step % 4 === 0 && (await finished(invoices, executions, planExecutions))) break;
      if (now > horizon) throw new Error(`${group.name}: executions still running after the longest path`);
      // From timer to timer within the step, as in AWS: a Wait or a time limit ends on time, and
      // what a step does at its window's end sees that instant, not the end of the six hours.
      await cloud.advance(STEP_MS);
      await settle();
      progress.advance();
    }
    await settle();

    const result = await countPathGroup({
      group,
      invoiceIds: new Set(invoices.map((invoice) => invoice.id)),
      cloud,
      executions,
      planExecutions,
      planIds: new Set(invoices.flatMap((invoice) => (invoice.plan ? [invoice.plan.id] : []))),
      meter,
      dynamodb,
      memoryMb: context.memoryMb,
      warn: context.warn,
      before: { emails: emailsBefore, notifications: notificationsBefore },
    });
    progress.finish(
      `${result.invoices} invoices, ${result.transitionsPerInvoice.toFixed(2)} transitions/invoice, executions ${Object.entries(
        result.executionEndStates,
      )
        .map(([status, n]) => `${n} ${status.toLowerCase()}`)
        .join(', ')}`,
    );
    return result;
  } finally {
    executions.destroy();
    planExecutions.destroy();
    await cloud.stop();
  }
}

/** A controller records the debtor's promise to pay the invoice by `promisedDate`. */
async function takePromise(cloud: LocalCloud, token: string, invoiceId: string, promisedDate: string) {
  const response = await fetch(`${cloud.endpoints.api}/invoices/${encodeURIComponent(invoiceId)}/promises`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ promisedDate }),
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`promise on ${invoiceId} refused: ${response.status} ${await response.text()}`);
  }
}

/**
 * A controller agrees a plan of equal instalments over the invoice (the last takes the cents
 * left over); the debtor will pay each the day before it is due.
 */
async function agreePlan(
  cloud: LocalCloud,
  token: string,
  invoice: BenchInvoice,
  now: number,
  terms: Extract<Payment, { kind: 'plan' }>,
): Promise<NonNullable<BenchInvoice['plan']>> {
  const part = Math.floor(INVOICE_CENTS / terms.instalments);
  const schedule = Array.from({ length: terms.instalments }, (_, k) => ({
    dueDate: dayAfter(now, terms.firstAfterDays + k * terms.everyDays),
    amount: k === terms.instalments - 1 ? INVOICE_CENTS - part * k : part,
  }));
  const response = await fetch(
    `${cloud.endpoints.api}/debtors/${encodeURIComponent(invoice.debtorId)}/payment-plans`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ invoiceIds: [invoice.id], instalments: schedule }),
    },
  );
  if (response.status !== 201) {
    throw new Error(`plan on ${invoice.id} refused: ${response.status} ${await response.text()}`);
  }
  const { id } = (await response.json()) as { id: string };
  return {
    id,
    instalments: schedule.map((s, k) => ({
      payAt: now + (terms.firstAfterDays + k * terms.everyDays - 1) * DAY_MS,
      amount: s.amount,
      paid: false,
    })),
  };
}

function dayAfter(at: number, days: number): string {
  return new Date(at + days * DAY_MS).toISOString().slice(0, 10);
}

/** An invoice arriving on day d fell due the day before: overdue on arrival, dunned at once. */
function dayBefore(arrival: number): string {
  return new Date(arrival - DAY_MS).toISOString().slice(0, 10);
}

/**
 * One invoice through intake, dunning start and payment before counting starts: it seeds the
 * business-standard policy (stored on first use) and warms the SDK clients, one-off costs that
 * are not an invoice's.
 */
async function warmUp(poster: InvoicingClient, cloud: LocalCloud): Promise<void> {
  const debtorId = `deb-warm-up-${randomUUID().slice(0, 8)}`;
  const invoiceId = `inv-warm-up-${randomUUID().slice(0, 8)}`;
  await poster.accepted(benchDebtor(debtorId));
  await poster.accepted(benchInvoice(invoiceId, debtorId, dayBefore(cloud.clock.nowMs())));
  await poster.accepted(benchPayment(invoiceId, cloud.clock.now()));
}

/**
 * Every invoice has arrived, no payment or promise is still to come, a broken promise's dunning
 * reached the agency, and no execution is running.
 */
async function finished(
  invoices: readonly BenchInvoice[],
  executions: Executions,
  planExecutions: Executions,
): Promise<boolean> {
  const waiting = invoices.some(
    (invoice) =>
      !invoice.arrived ||
      (!invoice.paid && invoice.payAt !== undefined) ||
      (invoice.payment.kind === 'promise' &&
        (!invoice.promised || (!invoice.payment.kept && !invoice.handedOver))) ||
      (invoice.payment.kind === 'plan' && !invoice.paid),
  );
  return (
    !waiting &&
    (await executions.list('RUNNING')).length === 0 &&
    (await planExecutions.list('RUNNING')).length === 0
  );
}

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimPaidOn, paidOn } from '../../../functions/core/ledger/invoice-money';
import { paymentReferenceForInvoice } from '../../../functions/core/payments/payment-reference';
import {
  creditNoteCreated,
  debtorUpserted,
  type Envelope,
  invoiceCancelled,
  invoiceCreated,
  invoiceUpdated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { clock } from '../../../functions/adapters/clock/system-clock';
import { createPlan } from '../../../functions/use-cases/plans/create-plan';
import { writeOffInvoice } from '../../../functions/use-cases/special/write-off';
import { type Answer, type IntakeWorld, intakeWorld } from './webhook-harness';

// Business time is frozen on 10 March 2025: invoices due on 28 February are overdue on arrival.
const TODAY = '2025-03-10';
const OVERDUE = '2025-02-28';
const NOT_DUE = '2025-04-30';
const DEBTORS = 2;

interface InvoiceSpec {
  debtor: number;
  currency: 'EUR' | 'GBP';
  total: number;
  overdue: boolean;
  /** Invoices of one currency with the same key get numbers that collide after normalisation. */
  numberKey: number;
  upperCase: boolean;
}

type EventSpec =
  | { kind: 'update'; invoice: number; total: number }
  | { kind: 'cancel'; invoice: number }
  | { kind: 'creditNote'; invoice: number; amount: number }
  | { kind: 'payInvoice'; invoice: number; amount: number }
  | { kind: 'payReference'; invoice: number; amount: number }
  | { kind: 'payDebtor'; debtor: number; currency: 'EUR' | 'GBP'; amount: number };

/** How an event is sent: once, twice as the same delivery, or again under a fresh webhook id. */
type Resend = 'once' | 'same-delivery' | 'fresh-webhook-id';

// Totals above what one payment brings, so that partly paid invoices are common.
const total = fc.integer({ min: 100_00, max: 500_00 });
const cents = fc.integer({ min: 1, max: 300_00 });
const invoiceSpec: fc.Arbitrary<InvoiceSpec> = fc.record({
  debtor: fc.integer({ min: 0, max: DEBTORS - 1 }),
  currency: fc.constantFrom('EUR' as const, 'GBP' as const),
  total,
  overdue: fc.boolean(),
  numberKey: fc.integer({ min: 0, max: 2 }),
  upperCase: fc.boolean(),
});

function eventSpec(invoices: number): fc.Arbitrary<EventSpec> {
  const invoice = fc.integer({ min: 0, max: invoices - 1 });
  return fc.oneof(
    fc.record({ kind: fc.constant('update' as const), invoice, total }),
    fc.record({ kind: fc.constant('cancel' as const), invoice }),
    fc.record({ kind: fc.constant('creditNote' as const), invoice, amount: cents }),
    fc.record({ kind: fc.constant('payInvoice' as const), invoice, amount: cents }),
    fc.record({ kind: fc.constant('payReference' as const), invoice, amount: cents }),
    fc.record({
      kind: fc.constant('payDebtor' as const),
      debtor: fc.integer({ min: 0, max: DEBTORS - 1 }),
      currency: fc.constantFrom('EUR' as const, 'GBP' as const),
      amount: cents,
    }),
  );
}

/** A history: the invoices, the events about them, the order they arrive in and how they are sent. */
const history = fc
  .array(invoiceSpec, { minLength: 1, maxLength: 4 })
  .chain((invoices) =>
    fc.record({
      invoices: fc.constant(invoices),
      events: fc.array(eventSpec(invoices.length), { minLength: 2, maxLength: 12 }),
    }),
  )
  .chain(({ invoices, events }) => {
    const count = DEBTORS + invoices.length + events.length;
    return fc.record({
      invoices: fc.constant(invoices),
      events: fc.constant(events),
      // Every delivery's place in the order of arrival: any event may come before its subject.
      order: fc.shuffledSubarray(
        Array.from({ length: count }, (_, i) => i),
        { minLength: count, maxLength: count },
      ),
      resend: fc.array(fc.constantFrom<Resend>('once', 'once', 'same-delivery', 'fresh-webhook-id'), {
        minLength: count,
        maxLength: count,
      }),
      // Deliveries in a group arrive at the same moment.
      groups: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: count, maxLength: count }),
    });
  });

type HistoryValue = typeof history extends fc.Arbitrary<infer H> ? H : never;

/** The ids of one run, fresh each time, so that runs sharing the table do not see each other. */
function ids(value: HistoryValue) {
  const run = newId('r').slice(2, 8).toUpperCase();
  const numbers = value.invoices.map((invoice) => {
    const number = `${run}-${invoice.currency}-${invoice.numberKey}`;
    return invoice.upperCase ? number : number.toLowerCase().replaceAll('-', '/');
  });
  return {
    debtors: Array.from({ length: DEBTORS }, () => newId('deb')),
    invoices: value.invoices.map(() => newId('inv')),
    numbers,
  };
}

/** The envelopes of a history, each with the payment it carries (if any). */
function envelopes(value: HistoryValue, run: ReturnType<typeof ids>) {
  const invoiceFields = (i: number) => {
    const spec = value.invoices[i] as InvoiceSpec;
    return {
      id: run.invoices[i] as string,
      number: run.numbers[i] as string,
      debtorId: run.debtors[spec.debtor] as string,
      currency: spec.currency,
      issueDate: '2025-01-31',
      dueDate: spec.overdue ? OVERDUE : NOT_DUE,
      totalAmount: spec.total,
    };
  };
  const all: { envelope: Envelope; payment?: { id: string } }[] = [
    ...run.debtors.map((id) => ({ envelope: debtorUpserted({ id }) })),
    ...value.invoices.map((_, i) => ({ envelope: invoiceCreated(invoiceFields(i)) })),
  ];
  for (const event of value.events) {
    const paymentId = newId('pay');
    switch (event.kind) {
      case 'update':
        all.push({ envelope: invoiceUpdated({ ...invoiceFields(event.invoice), totalAmount: event.total }) });
        break;
      case 'cancel':
        all.push({ envelope: invoiceCancelled(run.invoices[event.invoice] as string) });
        break;
      case 'creditNote':
        all.push({
          envelope: creditNoteCreated({
            invoiceId: run.invoices[event.invoice] as string,
            amount: event.amount,
          }),
        });
        break;
      case 'payInvoice': {
        const { id: invoiceId, currency } = invoiceFields(event.invoice);
        all.push({
          envelope: paymentReceived({ invoiceId }, { id: paymentId, amount: event.amount, currency }),
          payment: { id: paymentId },
        });
        break;
      }
      case 'payReference': {
        const { number, currency } = invoiceFields(event.invoice);
        const reference = paymentReferenceForInvoice(number).printed;
        all.push({
          envelope: paymentReceived({ reference }, { id: paymentId, amount: event.amount, currency }),
          payment: { id: paymentId },
        });
        break;
      }
      case 'payDebtor':
        all.push({
          envelope: paymentReceived(
            { debtorId: run.debtors[event.debtor] as string },
            { id: paymentId, amount: event.amount, currency: event.currency },
          ),
          payment: { id: paymentId },
        });
        break;
    }
  }
  return all;
}

describe('the books balance whatever the invoicing system sends, in whatever order', () => {
  let world: IntakeWorld;

  beforeAll(async () => {
    world = await intakeWorld(TODAY);
  });

  afterAll(() => world.close());

  /** Delivers as the invoicing system does: a 5xx (a conflict retried too often) is sent again. */
  async function send(envelope: Envelope, webhookId: string): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      const answer = await world.deliver(envelope, { id: webhookId });
      if (answer.status < 500 || attempt === 8) return answer;
    }
  }

  async function replay(value: HistoryValue) {
    const run = ids(value);
    const all = envelopes(value, run);
    const deliveries = value.order.flatMap((index) => {
      const item = all[index] as (typeof all)[number];
      const webhookId = newId('msg');
      const mode = value.resend[index];
      return [
        { ...item, webhookId, first: true },
        ...(mode === 'same-delivery' ? [{ ...item, webhookId, first: false }] : []),
        ...(mode === 'fresh-webhook-id' ? [{ ...item, webhookId: newId('msg'), first: true }] : []),
      ];
    });
    const answers = new Map<string, Answer>();
    for (let at = 0, g = 0; at < deliveries.length; g++) {
      const group = deliveries.slice(at, at + (value.groups[g % value.groups.length] ?? 1));
      at += group.length;
      const answered = await Promise.all(group.map((d) => send(d.envelope, d.webhookId)));
      group.forEach((delivery, i) => {
        const answer = answered[i] as Answer;
        expect([200, 202], JSON.stringify(answer.body)).toContain(answer.status);
        // The same delivery twice is answered the same: it was handled once.
        const before = answers.get(delivery.webhookId);
        if (before) expect(answer).toEqual(before);
        else answers.set(delivery.webhookId, answer);
      });
    }
    return { run, payments: all.flatMap((item) => (item.payment ? [item.payment.id] : [])) };
  }

  async function assertBooksBalance(run: ReturnType<typeof ids>, paymentIds: string[]) {
    const received = new Map<string, number>();
    for (const id of paymentIds) {
      const payment = await world.store.getPayment(id);
      // Every subject arrived in the end, so no payment is left waiting.
      expect(payment, `payment ${id} was never booked`).toBeDefined();
      if (!payment) continue;
      const key = `${payment.debtorId}#${payment.currency}`;
      received.set(key, (received.get(key) ?? 0) + payment.amount);
    }
    for (const debtorId of run.debtors) {
      const debtor = await world.store.getDebtor(debtorId);
      const invoices = await world.store.listInvoicesOfDebtor(debtorId);
      for (const currency of ['EUR', 'GBP']) {
        const held = invoices
          .filter((i) => i.currency === currency)
          .reduce((sum, i) => sum + paidOn(i) + claimPaidOn(i), 0);
        const credit = debtor?.credits[currency] ?? 0;
        expect(credit, `credit of ${debtorId} in ${currency}`).toBeGreaterThanOrEqual(0);
        expect(held + credit, `money of ${debtorId} in ${currency}`).toBe(
          received.get(`${debtorId}#${currency}`) ?? 0,
        );
      }
      for (const invoice of invoices) {
        expect(invoice.openAmount).toBeGreaterThanOrEqual(0);
        expect(invoice.openAmount).toBeLessThanOrEqual(invoice.totalAmount);
        expect(paidOn(invoice)).toBeGreaterThanOrEqual(0);
      }
    }
    for (const subject of [
      ...run.invoices.map((id) => `invoice:${id}`),
      ...run.debtors.map((id) => `debtor:${id}`),
    ]) {
      expect(await world.store.parked(subject), `still parked for ${subject}`).toEqual([]);
    }
  }

  async function assertEveryOverdueInvoiceIsDunnedOnce(run: ReturnType<typeof ids>) {
    const running = await world.workflow.running();
    for (const id of run.invoices) {
      const invoice = await world.store.getInvoice(id);
      expect(invoice, `invoice ${id} was never stored`).toBeDefined();
      if (!invoice) continue;
      const executions = world.workflow.startedFor(id).map((s) => s.execution);
      const mine = [...new Set(executions)].filter((name) => running.has(name));
      const collecting = invoice.status === 'open' || invoice.status === 'overdue';
      if (collecting && invoice.dueDate < TODAY) {
        expect(invoice.dunning?.status).toBe('running');
        expect(mine).toEqual([invoice.dunning?.execution]);
      } else {
        // Settled, cancelled or not due: nothing runs, and a stopped dunning says why.
        expect(mine, `executions still running for ${invoice.status} invoice ${id}`).toEqual([]);
        if (invoice.dunning) expect(invoice.dunning.status).not.toBe('running');
      }
    }
  }

  it('keeps money received = money on invoices + credit on account, per debtor and currency; no open amount below zero; one execution per overdue invoice', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (value) => {
        const { run, payments } = await replay(value);
        await assertBooksBalance(run, payments);
        await assertEveryOverdueInvoiceIsDunnedOnce(run);
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });

  it('keeps money received = money on invoices + credit on account when payments go to a payment plan, by its reference, its invoices or its debtor', async () => {
    const planHistory = fc.record({
      totals: fc.array(fc.integer({ min: 100_00, max: 500_00 }), { minLength: 1, maxLength: 3 }),
      instalments: fc.integer({ min: 2, max: 4 }),
      payments: fc.array(
        fc.record({
          to: fc.constantFrom('reference' as const, 'invoice' as const, 'debtor' as const),
          invoice: fc.nat(),
          amount: cents,
        }),
        { minLength: 1, maxLength: 8 },
      ),
    });
    const deps = {
      store: world.store,
      workflow: world.workflow,
      clock,
      plans: { start: async () => ({ started: true }), stop: async () => {}, status: async () => undefined },
      mailer: { send: async () => ({ messageId: 'plan-email' }) },
      creditor: {
        name: 'Voorbeeld Groothandel B.V.',
        iban: 'NL91 ABNA 0417 1643 00',
        ibanElectronic: 'NL91ABNA0417164300',
        referenceScheme: 'rf' as const,
      },
    };
    await fc.assert(
      fc.asyncProperty(planHistory, async (value) => {
        const debtorId = newId('deb');
        const invoiceIds = value.totals.map(() => newId('inv'));
        await send(debtorUpserted({ id: debtorId }), newId('msg'));
        for (const [i, id] of invoiceIds.entries()) {
          const totalAmount = value.totals[i] as number;
          await send(invoiceCreated({ id, debtorId, dueDate: OVERDUE, totalAmount }), newId('msg'));
        }
        const total = value.totals.reduce((sum, t) => sum + t, 0);
        const share = Math.floor(total / value.instalments);
        const plan = await createPlan(deps, {
          debtorId,
          invoiceIds,
          instalments: Array.from({ length: value.instalments }, (_, i) => ({
            dueDate: `2025-0${i + 3}-2${i}`,
            amount: i === value.instalments - 1 ? total - share * (value.instalments - 1) : share,
          })),
          by: 'controller',
          isManager: false,
        });
        const paymentIds: string[] = [];
        for (const payment of value.payments) {
          const id = newId('pay');
          paymentIds.push(id);
          const target =
            payment.to === 'reference'
              ? { reference: plan.printedReference }
              : payment.to === 'invoice'
                ? { invoiceId: invoiceIds[payment.invoice % invoiceIds.length] as string }
                : { debtorId };
          const answer = await send(paymentReceived(target, { id, amount: payment.amount }), newId('msg'));
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        }
        await assertBooksBalance({ debtors: [debtorId], invoices: invoiceIds, numbers: [] }, paymentIds);
        const stored = await world.store.getPlan(plan.id);
        const paidToPlan = stored?.instalments.reduce((sum, i) => sum + i.paidAmount, 0) ?? 0;
        const invoices = await world.store.listInvoicesOfDebtor(debtorId);
        // Without interest and costs in the plan, what the plan received is what its invoices hold.
        expect(invoices.reduce((sum, i) => sum + paidOn(i), 0)).toBe(paidToPlan);
        expect(stored?.status).toBe(paidToPlan === total ? 'completed' : 'active');
      }),
      { numRuns: 15, endOnFailure: true },
    );
  });

  it('keeps money received = money on invoices + credit on account with write-offs, which are neither; what an invoice is owed is paid, open or written off', async () => {
    const steps = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('pay' as const), invoice: fc.nat(), amount: cents }),
        fc.record({
          kind: fc.constant('writeOff' as const),
          invoice: fc.nat(),
          part: fc.boolean(),
          fraction: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        }),
      ),
      { minLength: 1, maxLength: 10 },
    );
    const deps = {
      store: world.store,
      workflow: world.workflow,
      clock,
      adminAbove: 10 ** 13,
      vatPeriod: 'quarter' as const,
    };
    await fc.assert(
      fc.asyncProperty(fc.array(total, { minLength: 1, maxLength: 3 }), steps, async (totals, sequence) => {
        const debtorId = newId('deb');
        const invoiceIds = totals.map(() => newId('inv'));
        await send(debtorUpserted({ id: debtorId }), newId('msg'));
        for (const [i, id] of invoiceIds.entries()) {
          await send(
            invoiceCreated({
              id,
              debtorId,
              dueDate: OVERDUE,
              totalAmount: totals[i] as number,
              vatAmount: 0,
            }),
            newId('msg'),
          );
        }
        const paymentIds: string[] = [];
        for (const step of sequence) {
          const invoiceId = invoiceIds[step.invoice % invoiceIds.length] as string;
          if (step.kind === 'pay') {
            const id = newId('pay');
            paymentIds.push(id);
            const answer = await send(
              paymentReceived({ invoiceId }, { id, amount: step.amount }),
              newId('msg'),
            );
            expect(answer.status, JSON.stringify(answer.body)).toBe(200);
            continue;
          }
          const open = (await world.store.getInvoice(invoiceId))?.openAmount ?? 0;
          if (open === 0) continue;
          const amount = step.part ? Math.max(1, Math.floor(open * step.fraction)) : open;
          await writeOffInvoice(deps, invoiceId, {
            reason: 'property',
            amount,
            by: 'user:s',
            isAdmin: false,
          });
        }
        await assertBooksBalance({ debtors: [debtorId], invoices: invoiceIds, numbers: [] }, paymentIds);
        for (const id of invoiceIds) {
          const invoice = await world.store.getInvoice(id);
          if (!invoice) throw new Error(`invoice ${id} was never stored`);
          const written = invoice.writtenOff;
          const writtenOpen = (written?.amount ?? 0) - (written?.recovered ?? 0);
          expect(writtenOpen).toBeGreaterThanOrEqual(0);
          expect(paidOn(invoice) + invoice.openAmount + writtenOpen, `owed on ${id}`).toBe(
            invoice.totalAmount,
          );
          if (invoice.status === 'written_off') expect(invoice.openAmount).toBe(0);
        }
      }),
      { numRuns: 15, endOnFailure: true },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import {
  addDays,
  type CalendarDate,
  daysBetween,
  inclusiveDayCount,
} from '../../../functions/core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../../functions/core/calendar/time-zone';
import { hasOpenBalance } from '../../../functions/core/ledger/invoice';
import { DUNNING_SLOTS } from '../../../functions/core/dunning/dunning-slot';
import { agingBucket } from '../../../functions/core/reports/aging';
import { daysSalesOutstanding } from '../../../functions/core/reports/days-sales-outstanding';
import { periodEndingAt, type PortfolioDay } from '../../../functions/core/reports/portfolio-day';
import type { DisputeRecord, InvoiceRecord, PaymentRecord } from '../../../functions/ports/credit-store';
import { resolveDispute } from '../../../functions/use-cases/disputes/resolve-dispute';
import { withReportCounters } from '../../../functions/use-cases/reports/report-counters';
import { recordStep } from '../../../functions/use-cases/steps/record-step';
import {
  disputesReport,
  dunningReport,
  forecastReport,
  promisesReport,
} from '../../../functions/use-cases/reports/fact-reports';
import { expectedFactReports, type ReachedStep } from './fact-reports-brute-force';
import { raiseDispute } from '../../../functions/use-cases/disputes/raise-dispute';
import { placeInvoiceHold } from '../../../functions/use-cases/holds/place-hold';
import { takePromise } from '../../../functions/use-cases/promises/take-promise';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { withPortfolioLedger } from '../../../functions/use-cases/reports/portfolio-ledger';
import { portfolioHistory, portfolioOnDay } from '../../../functions/use-cases/reports/portfolio-on-day';
import { closePortfolioDays } from '../../../functions/use-cases/reports/portfolio-snapshots';
import { writeOffInvoice } from '../../../functions/use-cases/special/write-off';
import { sweepDueInvoices } from '../../../functions/use-cases/sweep/due-invoice-sweep';
import { Refusal } from '../../../functions/use-cases/refusal';
import {
  creditNoteCreated,
  debtorUpserted,
  invoiceCancelled,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const START = new Date('2025-03-03T09:00:00Z');
const DAY_MS = 86_400_000;

const action = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('invoice' as const),
      currency: fc.constantFrom('EUR', 'EUR', 'USD'),
      amount: fc.integer({ min: 1, max: 900_000_00 }),
      issuedDaysAgo: fc.integer({ min: 0, max: 200 }),
      termDays: fc.integer({ min: 0, max: 60 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('pay' as const, 'credit' as const),
      pick: fc.nat(),
      percent: fc.integer({ min: 1, max: 120 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'cancel' as const,
        'hold' as const,
        'sweep' as const,
        'promise' as const,
        'dispute' as const,
      ),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('writeOff' as const), pick: fc.nat(), part: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('step' as const), pick: fc.nat(), skipped: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      pick: fc.nat(),
      outcome: fc.constantFrom('rejected' as const, 'withdrawn' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('days' as const),
      days: fc.integer({ min: 1, max: 40 }),
      sweepCloses: fc.boolean(),
    }),
  },
);

const FORECAST_WEEKS = 3;

describe('the portfolio report adds up to what the invoices say', () => {
  it('gives, for every day and currency, the figures a brute-force recomputation from the invoices gives, to the cent; and the dunning, promise, dispute and forecast reports those of the records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 45 }), async (actions) => {
        const world = await portfolioWorld();
        for (const step of actions) await world.perform(step);
        await world.recordToday();

        const days = [...world.invoicesAtEndOf.keys()];
        const first = days[0] as CalendarDate;
        const today = world.today();
        const sample = [first, today, ...days.filter((_, i) => i % 17 === 5)];
        for (const asOf of sample) {
          const report = await portfolioOnDay(world.reportDeps, { asOf });
          expect(report.currencies, `as of ${asOf}`).toEqual(world.expectedOn(asOf));
        }
        const from = days.length > 366 ? (days.at(-366) as CalendarDate) : first;
        const history = await portfolioHistory(world.reportDeps, { from, to: today });
        for (const day of history.days)
          expect(day.currencies, `history ${day.asOf}`).toEqual(world.expectedOn(day.asOf));

        // The dunning, promise, dispute and forecast reports of the last year, against the records.
        const expected = await world.expectedFactReports(from, FORECAST_WEEKS);
        const period = { from, to: today };
        expect(await dunningReport(world.reportDeps, period)).toMatchObject(expected.dunning);
        expect(await promisesReport(world.reportDeps, period)).toMatchObject(expected.promises);
        expect(await disputesReport(world.reportDeps, period)).toMatchObject(expected.disputes);
        expect(await forecastReport(world.reportDeps, { weeks: FORECAST_WEEKS })).toMatchObject(
          expected.forecast,
        );
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

/** Intake, holds, write-offs and the sweep on one in-memory store with the ledger kept in it. */
async function portfolioWorld() {
  let now = START;
  const clock = { now: () => now };
  const raw = new InMemoryCreditStore();
  const store = withPortfolioLedger(withReportCounters(raw), clock);
  const workflow = new RecordingWorkflow();
  const deps = { store, workflow, clock, referenceScheme: 'rf' as const };
  const writeOffDeps = { ...deps, adminAbove: 10 ** 13, vatPeriod: 'quarter' as const };
  const debtorId = newId('deb');
  const invoiceIds: string[] = [];
  const invoicesAtEndOf = new Map<CalendarDate, InvoiceRecord[]>();
  const stepsReached: ReachedStep[] = [];
  const paymentIds: string[] = [];
  const disputeIds: string[] = [];
  const today = () => localDate(now, BUSINESS_TIME_ZONE);
  const deliver = (event: unknown) =>
    receiveDelivery(deps, { id: newId('msg'), event: webhookEvent.parse(event) });
  const pick = (n: number) => invoiceIds[n % Math.max(1, invoiceIds.length)];
  const allInvoices = async () => {
    const all: InvoiceRecord[] = [];
    for await (const invoice of raw.listInvoices()) all.push(invoice);
    return all;
  };
  await deliver(debtorUpserted({ id: debtorId }));

  const recordToday = async () => invoicesAtEndOf.set(today(), await allInvoices());

  async function perform(step: Action): Promise<void> {
    const refusedOrDone = (promise: Promise<unknown>) =>
      promise.catch((error: unknown) => {
        if (!(error instanceof Refusal)) throw error;
      });
    switch (step.kind) {
      case 'invoice': {
        const id = newId('inv');
        const issueDate = addDays(today(), -step.issuedDaysAgo);
        await deliver(
          invoiceCreated({
            id,
            debtorId,
            currency: step.currency,
            totalAmount: step.amount,
            issueDate,
            dueDate: addDays(issueDate, step.termDays),
          }),
        );
        invoiceIds.push(id);
        return;
      }
      case 'pay':
      case 'credit': {
        const invoiceId = pick(step.pick);
        const invoice = invoiceId ? await raw.getInvoice(invoiceId) : undefined;
        if (!invoice) return;
        const amount = Math.max(1, Math.round((invoice.totalAmount * step.percent) / 100));
        if (step.kind === 'pay') {
          const id = newId('pay');
          paymentIds.push(id);
          await deliver(
            paymentReceived(
              { invoiceId: invoice.id },
              { id, amount, currency: invoice.currency, receivedAt: now.toISOString() },
            ),
          );
        } else {
          await deliver(
            creditNoteCreated({ invoiceId: invoice.id, amount: Math.min(amount, invoice.totalAmount) }),
          );
        }
        return;
      }
      case 'cancel': {
        const invoiceId = pick(step.pick);
        if (invoiceId) await deliver(invoiceCancelled(invoiceId));
        return;
      }
      case 'hold': {
        const invoiceId = pick(step.pick);
        if (invoiceId)
          await refusedOrDone(
            placeInvoiceHold(deps, invoiceId, { until: addDays(today(), 10), reason: 'checking', by: 'sub' }),
          );
        return;
      }
      case 'promise': {
        const invoiceId = pick(step.pick);
        if (invoiceId)
          await refusedOrDone(
            takePromise(deps, {
              invoiceIds: [invoiceId],
              promisedDate: addDays(today(), 7),
              by: 'sub',
              isManager: true,
            }),
          );
        return;
      }
      case 'dispute': {
        const invoiceId = pick(step.pick);
        if (invoiceId)
          await refusedOrDone(
            raiseDispute(
              { ...deps, notifier: { publish: async () => ({ messageId: 'm' }) } },
              { invoiceId, cause: 'quantity', note: 'two boxes short', by: 'sub' },
            ).then((dispute) => disputeIds.push(dispute.id)),
          );
        return;
      }
      case 'resolve': {
        const disputeId = disputeIds[step.pick % Math.max(1, disputeIds.length)];
        if (disputeId)
          await refusedOrDone(
            resolveDispute(deps, { disputeId, outcome: step.outcome, note: 'checked', by: 'sub' }),
          );
        return;
      }
      case 'step': {
        // The next step of a running dunning goes out (or is skipped), as its task records it.
        const invoice = await raw.getInvoice(pick(step.pick) ?? '');
        const dunning = invoice?.dunning;
        if (!invoice || dunning?.status !== 'running') return;
        const slot = DUNNING_SLOTS[dunning.lastStep ? DUNNING_SLOTS.indexOf(dunning.lastStep.slot) + 1 : 0];
        if (!slot) return;
        const recorded = await recordStep(
          deps,
          { invoiceId: invoice.id, execution: dunning.execution, step: slot },
          {
            status: step.skipped ? 'skipped' : 'sent',
            event: { type: 'invoice_updated', summary: `step ${slot}` },
          },
        );
        if (recorded === 'recorded' && !step.skipped)
          stepsReached.push({ day: today(), segment: dunning.policyId, slot });
        return;
      }
      case 'writeOff': {
        const invoiceId = pick(step.pick);
        const invoice = invoiceId ? await raw.getInvoice(invoiceId) : undefined;
        if (!invoice || !hasOpenBalance(invoice)) return;
        await refusedOrDone(
          writeOffInvoice(writeOffDeps, invoice.id, {
            reason: 'uncollectable',
            amount: step.part ? Math.max(1, Math.floor(invoice.openAmount / 2)) : invoice.openAmount,
            by: 'user:sub',
            isAdmin: true,
          }),
        );
        return;
      }
      case 'sweep':
        await sweepDueInvoices(deps);
        return;
      case 'days':
        for (let i = 0; i < step.days; i++) {
          await recordToday();
          now = new Date(now.getTime() + DAY_MS);
          // Some mornings the sweep closes yesterday; on others it does not run, and the
          // report rolls the ledger forward itself.
          if (step.sweepCloses) await closePortfolioDays({ store, clock });
        }
        return;
    }
  }

  return {
    perform,
    today,
    invoicesAtEndOf,
    recordToday,
    reportDeps: { store, clock },
    expectedFactReports: async (from: CalendarDate, weeks: number) => {
      const payments = (await Promise.all(paymentIds.map((id) => raw.getPayment(id)))).filter(
        (payment): payment is PaymentRecord => payment !== undefined,
      );
      const disputes = (await Promise.all([...new Set(disputeIds)].map((id) => raw.getDispute(id)))).filter(
        (dispute): dispute is DisputeRecord => dispute !== undefined,
      );
      return expectedFactReports({
        from,
        today: today(),
        weeks,
        stepsReached,
        invoices: await allInvoices(),
        promises: await raw.listPromisesOfDebtor(debtorId),
        disputes,
        payments,
      });
    },
    expectedOn: (asOf: CalendarDate) =>
      bruteForce(
        asOf,
        invoicesAtEndOf.get(asOf) ?? [],
        invoicesAtEndOf.get(addDays(periodEndingAt(asOf).from, -1)) ?? [],
      ),
  };
}

const BUCKET_NAMES = {
  'not yet due': 'current',
  '1–30': '1-30',
  '31–60': '31-60',
  '61–90': '61-90',
  '91–120': '91-120',
  'over 120': '120+',
} as const;

/** Every figure of the report worked out from the invoices as they stood, one by one. */
function bruteForce(asOf: CalendarDate, closing: InvoiceRecord[], opening: InvoiceRecord[]): PortfolioDay[] {
  const currencies = [...new Set([...closing, ...opening].map((invoice) => invoice.currency))].sort();
  const period = periodEndingAt(asOf);
  return currencies.map((currency) => {
    const now = closing.filter((invoice) => invoice.currency === currency);
    const before = opening.filter((invoice) => invoice.currency === currency);
    const open = now.filter(hasOpenBalance);
    const sum = (invoices: InvoiceRecord[]) => ({
      amount: invoices.reduce((total, invoice) => total + invoice.openAmount, 0),
      count: invoices.length,
    });
    const aging = Object.fromEntries(
      Object.entries(BUCKET_NAMES).map(([name, bucket]) => [
        bucket,
        sum(open.filter((invoice) => agingBucket(daysBetween(invoice.dueDate, asOf)) === name)),
      ]),
    ) as PortfolioDay['aging'];
    const overdueInvoices = open.filter((invoice) => daysBetween(invoice.dueDate, asOf) > 0);
    const overdue = sum(overdueInvoices);
    const total = sum(open);
    const current = aging.current.amount;
    const openingReceivables = sum(before.filter(hasOpenBalance)).amount;
    const sold = now
      .filter((i) => i.status !== 'cancelled' && i.issueDate >= period.from && i.issueDate <= asOf)
      .reduce((s, i) => s + i.totalAmount, 0);
    const collectable = openingReceivables + sold - current;
    const byReason = {
      held: sum(overdueInvoices.filter((i) => reasonNobodyChases(i) === 'held')),
      paused: sum(overdueInvoices.filter((i) => reasonNobodyChases(i) === 'paused')),
      dispute: sum(overdueInvoices.filter((i) => reasonNobodyChases(i) === 'dispute')),
      no_execution: sum(overdueInvoices.filter((i) => reasonNobodyChases(i) === 'no_execution')),
    };
    const unchased = sum(overdueInvoices.filter((i) => reasonNobodyChases(i) !== undefined));
    const writtenOff = (invoices: InvoiceRecord[]) => ({
      amount: invoices.reduce((s, i) => s + (i.writtenOff?.amount ?? 0), 0),
      count: invoices.reduce((s, i) => s + (i.writtenOff?.writeOffs.length ?? 0), 0),
    });
    const oneDecimal = (value: number) => Math.round(value * 10) / 10;
    return {
      asOf,
      currency,
      period,
      open: total,
      overdue,
      aging,
      dso: daysSalesOutstanding(now, asOf)[currency] ?? { standard: null, countback: null },
      cei:
        collectable > 0 ? oneDecimal(((openingReceivables + sold - total.amount) / collectable) * 100) : null,
      averageDaysDelinquent:
        sold > 0
          ? Math.round(((total.amount - current) * inclusiveDayCount(period.from, asOf)) / sold)
          : null,
      unchased: {
        ...unchased,
        share: overdue.amount > 0 ? oneDecimal((unchased.amount / overdue.amount) * 100) : null,
        byReason,
      },
      writeOffs: {
        amount: writtenOff(now).amount - writtenOff(before).amount,
        count: writtenOff(now).count - writtenOff(before).count,
      },
    };
  });
}

function reasonNobodyChases(invoice: InvoiceRecord): string | undefined {
  if (invoice.status === 'in_collection' || invoice.dunning?.status === 'running') return undefined;
  if (invoice.dunning?.status !== 'paused') return 'no_execution';
  const pausedFor = invoice.dunning.pausedFor;
  if (pausedFor === 'hold' || pausedFor === 'special_management') return 'held';
  return pausedFor === 'dispute' ? 'dispute' : 'paused';
}

import {
  addDays,
  type CalendarDate,
  daysBetween,
  isoWeekday,
} from '../../../functions/core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../../functions/core/calendar/time-zone';
import { DUNNING_SLOTS } from '../../../functions/core/dunning/dunning-slot';
import { hasOpenBalance, isCollecting } from '../../../functions/core/ledger/invoice';
import type {
  DisputeRecord,
  InvoiceRecord,
  PaymentRecord,
  PromiseRecord,
} from '../../../functions/ports/credit-store';

/** A step that went out, as the random history recorded it. */
export interface ReachedStep {
  day: CalendarDate;
  segment: string;
  slot: string;
}

const dayOf = (at: string) => localDate(new Date(at), BUSINESS_TIME_ZONE);
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * The dunning, promise, dispute and forecast reports worked out from the records one by one (and
 * from the steps the history sent), without the counters: what the reports must say, to the cent.
 */
export function expectedFactReports(input: {
  from: CalendarDate;
  today: CalendarDate;
  weeks: number;
  stepsReached: readonly ReachedStep[];
  invoices: readonly InvoiceRecord[];
  promises: readonly PromiseRecord[];
  disputes: readonly DisputeRecord[];
  payments: readonly PaymentRecord[];
}) {
  const { from, today } = input;
  const inPeriod = (day: CalendarDate) => day >= from && day <= today;
  return {
    dunning: { from, to: today, segments: dunning() },
    promises: { from, to: today, currencies: promises() },
    disputes: { from, to: today, causes: disputes() },
    forecast: { asOf: today, weeks: input.weeks, currencies: forecast() },
  };

  function dunning() {
    const count = new Map<string, number>();
    const add = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
    for (const step of input.stepsReached)
      if (inPeriod(step.day)) add(`reached|${step.segment}|${step.slot}`);
    for (const invoice of input.invoices) {
      const dunning = invoice.dunning;
      if (!dunning || isCollecting(invoice)) continue;
      const closedOn = dayOf(invoice.closedAt ?? invoice.updatedAt);
      const last = dunning.lastStep && dunning.lastStep.status !== 'skipped' ? dunning.lastStep : undefined;
      if (inPeriod(closedOn)) add(`ended|${dunning.policyId}|${last?.slot ?? 'none'}`);
      if (last && invoice.status === 'paid') {
        const stepOn = dayOf(last.at);
        const after = daysBetween(stepOn, closedOn);
        if (inPeriod(stepOn) && after >= 0 && after <= 14) add(`cured|${dunning.policyId}|${last.slot}`);
      }
    }
    const segments = [...new Set([...count.keys()].map((key) => key.split('|')[1] as string))].sort();
    return segments.map((segment) => {
      const of = (kind: string, slot: string) => count.get(`${kind}|${segment}|${slot}`) ?? 0;
      return {
        segment,
        steps: DUNNING_SLOTS.map((step) => ({
          step,
          reached: of('reached', step),
          cured: of('cured', step),
          cureRate: rate(of('cured', step), of('reached', step)),
          ended: of('ended', step),
        })).filter((step) => step.reached > 0 || step.cured > 0 || step.ended > 0),
        endedBeforeFirstStep: of('ended', 'none'),
      };
    });
  }

  function promises() {
    const currencies = [...new Set(input.promises.map((promise) => promise.currency))].sort();
    return currencies
      .map((currency) => {
        const mine = input.promises.filter((promise) => promise.currency === currency);
        const tally = (list: readonly PromiseRecord[]) => ({
          count: list.length,
          amount: list.reduce((sum, promise) => sum + promise.amount, 0),
        });
        const decided = (status: string) =>
          tally(
            mine.filter(
              (promise) =>
                promise.status === status && inPeriod(dayOf(promise.resolvedAt ?? promise.updatedAt)),
            ),
          );
        const kept = decided('kept');
        const broken = decided('broken');
        return {
          currency,
          taken: tally(mine.filter((promise) => inPeriod(dayOf(promise.takenAt)))),
          kept,
          broken,
          cancelled: decided('cancelled'),
          keptRate: rate(kept.count, kept.count + broken.count),
        };
      })
      .filter(
        (figures) =>
          figures.taken.count + figures.kept.count + figures.broken.count + figures.cancelled.count > 0,
      );
  }

  function disputes() {
    const causes = [...new Set(input.disputes.map((dispute) => dispute.cause))].sort();
    return causes
      .map((cause) => {
        const mine = input.disputes.filter((dispute) => dispute.cause === cause);
        const raised = mine.filter((dispute) => inPeriod(dispute.raisedOn));
        const resolvedIn = mine
          .filter((dispute) => dispute.status !== 'open')
          .map((dispute) => ({
            dispute,
            on: dayOf(dispute.resolution?.at ?? dispute.closedAt ?? dispute.updatedAt),
          }))
          .filter(({ on }) => inPeriod(on));
        const days = resolvedIn
          .map(({ dispute, on }) => Math.max(0, daysBetween(dispute.raisedOn, on)))
          .sort((a, b) => a - b);
        const open = mine.filter((dispute) => dispute.status === 'open');
        const money = (list: readonly DisputeRecord[]) =>
          [...new Set(list.map((dispute) => dispute.currency))]
            .sort()
            .map((currency) => ({
              currency,
              amount: list.filter((d) => d.currency === currency).reduce((sum, d) => sum + d.amount, 0),
            }))
            .filter((entry) => entry.amount !== 0);
        const middle =
          days.length % 2 === 1
            ? (days[(days.length - 1) / 2] as number)
            : ((days[days.length / 2 - 1] as number) + (days[days.length / 2] as number)) / 2;
        return {
          cause,
          raised: raised.length,
          amount: money(raised),
          resolved: resolvedIn.length,
          medianDaysToResolve: days.length === 0 ? null : middle,
          openNow: open.length,
          openAmount: money(open),
        };
      })
      .filter((figures) => figures.raised + figures.resolved + figures.openNow > 0);
  }

  function forecast() {
    const expected: {
      currency: string;
      source: 'promises' | 'instalments' | 'invoices';
      day: CalendarDate;
      amount: number;
    }[] = [];
    for (const invoice of input.invoices) {
      const paused = invoice.dunning?.status === 'paused' ? invoice.dunning.pausedFor : undefined;
      if (
        !isCollecting(invoice) ||
        !hasOpenBalance(invoice) ||
        paused === 'promise' ||
        paused === 'payment_plan'
      )
        continue;
      const weight = invoice.expectedPayment ?? { onTimePercent: 100, lateDays: 0 };
      const onTime = Math.round((invoice.openAmount * weight.onTimePercent) / 100);
      expected.push({ currency: invoice.currency, source: 'invoices', day: invoice.dueDate, amount: onTime });
      expected.push({
        currency: invoice.currency,
        source: 'invoices',
        day: addDays(invoice.dueDate, weight.lateDays),
        amount: invoice.openAmount - onTime,
      });
    }
    for (const promise of input.promises)
      if (promise.status === 'open')
        expected.push({
          currency: promise.currency,
          source: 'promises',
          day: promise.promisedDate,
          amount: promise.amount,
        });
    const monday = addDays(today, 1 - isoWeekday(today));
    const currencies = [
      ...new Set([...expected.map((e) => e.currency), ...input.payments.map((p) => p.currency)]),
    ].sort();
    return currencies
      .map((currency) => ({
        currency,
        weeks: Array.from({ length: 2 * input.weeks }, (_, i) => {
          const weekFrom = addDays(monday, 7 * (i - input.weeks));
          const weekTo = addDays(weekFrom, 6);
          const within = (day: CalendarDate) => day >= weekFrom && day <= weekTo;
          const received = input.payments
            .filter(
              (p) => p.currency === currency && within(dayOf(p.receivedAt)) && dayOf(p.receivedAt) <= today,
            )
            .reduce((sum, p) => sum + p.amount, 0);
          const ahead = (source: string) =>
            expected
              .filter(
                (e) => e.currency === currency && e.source === source && within(e.day) && e.day >= today,
              )
              .reduce((sum, e) => sum + e.amount, 0);
          const sources = {
            promises: ahead('promises'),
            instalments: ahead('instalments'),
            invoices: ahead('invoices'),
          };
          return {
            from: weekFrom,
            to: weekTo,
            received: weekFrom <= today ? received : null,
            expected:
              weekTo >= today
                ? { ...sources, total: sources.promises + sources.instalments + sources.invoices }
                : null,
          };
        }),
      }))
      .filter(({ weeks }) =>
        weeks.some((week) => (week.received ?? 0) !== 0 || (week.expected?.total ?? 0) !== 0),
      );
  }
}

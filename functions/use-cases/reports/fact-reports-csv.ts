import { type CsvCell, euros, toCsv } from '../../core/reports/csv';
import type { DisputesReport, DunningReport, ForecastReport, PromisesReport } from './fact-reports';

/**
 * The dunning, promise, dispute and forecast reports as CSV: a header row, one row per step, status,
 * cause or week, amounts in the currency's major unit with two decimals.
 */

export function dunningCsv(report: DunningReport): string {
  const rows: CsvCell[][] = [];
  for (const segment of report.segments) {
    for (const step of segment.steps)
      rows.push([
        report.from,
        report.to,
        segment.segment,
        step.step,
        step.reached,
        step.cured,
        step.cureRate,
        step.ended,
      ]);
    rows.push([
      report.from,
      report.to,
      segment.segment,
      'none',
      null,
      null,
      null,
      segment.endedBeforeFirstStep,
    ]);
  }
  return toCsv(['from', 'to', 'segment', 'step', 'reached', 'cured', 'cure_rate', 'ended'], rows);
}

export function promisesCsv(report: PromisesReport): string {
  const rows: CsvCell[][] = [];
  for (const figures of report.currencies)
    for (const status of ['taken', 'kept', 'broken', 'cancelled'] as const)
      rows.push([
        report.from,
        report.to,
        figures.currency,
        status,
        figures[status].count,
        euros(figures[status].amount),
        status === 'kept' ? figures.keptRate : null,
      ]);
  return toCsv(['from', 'to', 'currency', 'status', 'count', 'amount', 'kept_rate'], rows);
}

export function disputesCsv(report: DisputesReport): string {
  const rows: CsvCell[][] = [];
  for (const cause of report.causes) {
    const currencies = [...new Set([...cause.amount, ...cause.openAmount].map((money) => money.currency))];
    for (const currency of currencies.length > 0 ? currencies : [null]) {
      const of = (list: { currency: string; amount: number }[]) =>
        euros(list.find((money) => money.currency === currency)?.amount ?? 0);
      rows.push([
        report.from,
        report.to,
        cause.cause,
        currency,
        cause.raised,
        of(cause.amount),
        cause.resolved,
        cause.medianDaysToResolve,
        cause.openNow,
        of(cause.openAmount),
      ]);
    }
  }
  return toCsv(
    [
      'from',
      'to',
      'cause',
      'currency',
      'raised',
      'amount',
      'resolved',
      'median_days_to_resolve',
      'open_now',
      'open_amount',
    ],
    rows,
  );
}

export function forecastCsv(report: ForecastReport): string {
  const rows: CsvCell[][] = [];
  for (const { currency, weeks } of report.currencies)
    for (const week of weeks)
      rows.push([
        week.from,
        week.to,
        currency,
        week.received === null ? null : euros(week.received),
        week.expected ? euros(week.expected.promises) : null,
        week.expected ? euros(week.expected.instalments) : null,
        week.expected ? euros(week.expected.invoices) : null,
        week.expected ? euros(week.expected.total) : null,
      ]);
  return toCsv(
    [
      'week_from',
      'week_to',
      'currency',
      'received',
      'expected_promises',
      'expected_instalments',
      'expected_invoices',
      'expected_total',
    ],
    rows,
  );
}

import type { CalendarDate } from '../../core/calendar/calendar-date';
import { type CsvCell, euros, toCsv } from '../../core/reports/csv';
import { PORTFOLIO_BUCKETS, type PortfolioDay } from '../../core/reports/portfolio-day';
import { UNCHASED_REASONS } from '../../core/reports/invoice-position';
import type { Tally } from '../../core/reports/portfolio-position';

const HEADER = ['as_of', 'currency', 'figure', 'bucket', 'amount', 'count', 'value'];

/**
 * The portfolio of one or more days as CSV: one row per figure, bucket or reason, so that a
 * spreadsheet can filter and pivot it. Amounts in the currency's major unit with two decimals;
 * `value` holds the days of a DSO, the percent of the CEI and of the share nobody chases.
 */
export function portfolioCsv(days: readonly { asOf: CalendarDate; currencies: PortfolioDay[] }[]): string {
  const rows: CsvCell[][] = [];
  for (const day of days) {
    for (const figures of day.currencies) {
      const row = (figure: string, bucket: string, tally: Tally | null, value: number | null = null) =>
        rows.push([
          day.asOf,
          figures.currency,
          figure,
          bucket,
          tally ? euros(tally.amount) : null,
          tally?.count,
          value,
        ]);
      row('open', '', figures.open);
      row('overdue', '', figures.overdue);
      for (const bucket of PORTFOLIO_BUCKETS) row('aging', bucket, figures.aging[bucket]);
      row('unchased', 'all', figures.unchased, figures.unchased.share);
      for (const reason of UNCHASED_REASONS) row('unchased', reason, figures.unchased.byReason[reason]);
      row('write-offs', `${figures.period.from}..${figures.period.to}`, figures.writeOffs);
      row('dso', 'standard', null, figures.dso.standard);
      row('dso', 'countback', null, figures.dso.countback);
      row('cei', `${figures.period.from}..${figures.period.to}`, null, figures.cei);
      row(
        'average days delinquent',
        `${figures.period.from}..${figures.period.to}`,
        null,
        figures.averageDaysDelinquent,
      );
    }
  }
  return toCsv(HEADER, rows);
}

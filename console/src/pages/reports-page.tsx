import { useState } from 'preact/hooks';
import { ErrorMessage } from '../errors';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { CsvDownload } from './csv-download';
import type { PortfolioHistory, PortfolioReportOnDay } from './page-responses';
import { usePageWords } from './page-words';
import { AgingBars, BUCKETS, DsoLine } from './report-charts';
import {
  ControllersSection,
  DisputesSection,
  DunningSection,
  ForecastSection,
  PromisesSection,
} from './report-sections';

/** A calendar day `days` after (or before) another, as the API writes days (YYYY-MM-DD). */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days of DSO the line shows: a quarter, as the standard DSO itself measures. */
const DSO_LINE_DAYS = 90;
/** The period the other reports show until the user picks one: the 30 days up to today. */
const DEFAULT_PERIOD_DAYS = 30;

/**
 * The manager's reports: the portfolio today with its aging and the DSO of the last quarter, then
 * the dunning, promise, dispute and controller figures of a period and the forecast, each as the
 * API computes it (no figure is computed here) and each downloadable as the API's CSV.
 */
export function ReportsPage() {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const portfolio = useLoad(
    () => api.call<PortfolioReportOnDay, 'get', '/reports/portfolio'>('get', '/reports/portfolio'),
    'portfolio',
  );
  const today = portfolio.data?.asOf;
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{p.reports.title}</h1>
      <ErrorMessage error={portfolio.error} />
      {portfolio.loading && !portfolio.data && <p role="status">{words.t.loading}</p>}
      {portfolio.data && today && (
        <>
          <Portfolio report={portfolio.data} />
          <Periodic today={today} />
        </>
      )}
    </section>
  );
}

function Portfolio({ report }: { report: PortfolioReportOnDay }) {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const from = addDays(report.asOf, -(DSO_LINE_DAYS - 1));
  const history = useLoad(
    () =>
      api.call<PortfolioHistory, 'get', '/reports/portfolio/history'>('get', '/reports/portfolio/history', {
        query: { from, to: report.asOf },
      }),
    `${from}:${report.asOf}`,
  );
  const percent = (value: number | null) => (value === null ? '—' : p.reports.percent(words.number(value)));
  const days = (value: number | null) => (value === null ? '—' : words.number(value));
  return (
    <section aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">{p.reports.portfolio}</h2>
      <p>{p.reports.asOf(words.date(report.asOf))}</p>
      <CsvDownload
        path="/reports/portfolio"
        query={{ asOf: report.asOf }}
        what={p.reports.portfolio}
        fileName={`portfolio-${report.asOf}.csv`}
      />
      {report.currencies.length === 0 ? (
        <p>{p.reports.noPortfolio}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{p.reports.portfolio}</caption>
            <thead>
              <tr>
                <th scope="col">{p.reports.currency}</th>
                <th scope="col" class="num">
                  {p.reports.open}
                </th>
                <th scope="col" class="num">
                  {p.reports.overdue}
                </th>
                <th scope="col" class="num">
                  {p.reports.dsoStandard}
                </th>
                <th scope="col" class="num">
                  {p.reports.dsoCountback}
                </th>
                <th scope="col" class="num">
                  {p.reports.cei}
                </th>
                <th scope="col" class="num">
                  {p.reports.add}
                </th>
                <th scope="col" class="num">
                  {p.reports.unchased}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.currencies.map((day) => (
                <tr key={day.currency}>
                  <th scope="row">{day.currency}</th>
                  <td class="num">{words.money(day.open.amount, day.currency)}</td>
                  <td class="num">{words.money(day.overdue.amount, day.currency)}</td>
                  <td class="num">{days(day.dso.standard)}</td>
                  <td class="num">{days(day.dso.countback)}</td>
                  <td class="num">{percent(day.cei)}</td>
                  <td class="num">{days(day.averageDaysDelinquent)}</td>
                  <td class="num">{words.money(day.unchased.amount, day.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.currencies.map((day) => (
        <div key={day.currency} class="report-currency">
          <h3 id={`aging-title-${day.currency}`}>{p.reports.aging(day.currency)}</h3>
          <div class="chart-and-table">
            <AgingBars
              id={`aging-chart-${day.currency}`}
              title={p.reports.aging(day.currency)}
              aging={day.aging}
              currency={day.currency}
            />
            <div class="table-scroll">
              <table aria-labelledby={`aging-title-${day.currency}`} data-testid={`aging-${day.currency}`}>
                <thead>
                  <tr>
                    <th scope="col">{p.reports.bucket}</th>
                    <th scope="col" class="num">
                      {p.reports.invoices}
                    </th>
                    <th scope="col" class="num">
                      {p.reports.amount}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {BUCKETS.map((bucket) => (
                    <tr key={bucket} data-bucket={bucket}>
                      <th scope="row">{p.reports.buckets[bucket]}</th>
                      <td class="num">{words.number(day.aging[bucket].count)}</td>
                      <td class="num">{words.money(day.aging[bucket].amount, day.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <ErrorMessage error={history.error} />
          {history.data && (
            <DsoLine
              id={`dso-${day.currency}`}
              title={p.reports.dsoLine(day.currency, words.date(from), words.date(report.asOf))}
              days={history.data.days.map((entry) => ({
                asOf: entry.asOf,
                dso: entry.currencies.find((c) => c.currency === day.currency)?.dso.standard ?? null,
              }))}
            />
          )}
        </div>
      ))}
    </section>
  );
}

/** The reports of a period the user picks (the 30 days up to today at first), and the forecast. */
function Periodic({ today }: { today: string }) {
  const { p } = usePageWords();
  const [period, setPeriod] = useState({ from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today });
  const [draft, setDraft] = useState(period);
  return (
    <>
      <form
        class="filters"
        aria-labelledby="period-legend"
        onSubmit={(event) => {
          event.preventDefault();
          setPeriod(draft);
        }}
      >
        <h2 id="period-legend">{p.reports.period}</h2>
        <label>
          {p.reports.from}{' '}
          <input
            type="date"
            value={draft.from}
            max={today}
            onInput={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
          />
        </label>
        <label>
          {p.reports.to}{' '}
          <input
            type="date"
            value={draft.to}
            max={today}
            onInput={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
          />
        </label>
        <button type="submit">{p.reports.show}</button>
      </form>
      <DunningSection period={period} />
      <PromisesSection period={period} />
      <DisputesSection period={period} />
      <ControllersSection period={period} />
      <ForecastSection />
    </>
  );
}

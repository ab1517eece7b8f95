import type { ComponentChildren } from 'preact';
import { ErrorMessage } from '../errors';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { CsvDownload } from './csv-download';
import type {
  ControllersReport,
  DisputesReport,
  DunningReport,
  ForecastReport,
  PromisesReport,
} from './page-responses';
import { usePageWords } from './page-words';

/** The days a period report covers, both included. */
interface Period {
  from: string;
  to: string;
}

/** A report's section: its heading, its CSV when the API gives one, what went wrong, its table. */
function Section(props: {
  id: string;
  title: string;
  error: unknown;
  loading: boolean;
  csv?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const words = usePageWords();
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.csv ?? <p class="hint">{words.p.reports.noCsv}</p>}
      <ErrorMessage error={props.error} />
      {props.loading ? <p role="status">{words.t.loading}</p> : props.children}
    </section>
  );
}

function Table(props: { caption: string; head: string[]; numeric?: number; children: ComponentChildren }) {
  const numeric = props.numeric ?? 1;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((label, i) => (
              <th key={label} scope="col" class={i >= numeric ? 'num' : undefined}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

const periodKey = (period: Period) => `${period.from}:${period.to}`;

export function DunningSection({ period }: { period: Period }) {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const report = useLoad(
    () => api.call<DunningReport, 'get', '/reports/dunning'>('get', '/reports/dunning', { query: period }),
    periodKey(period),
  );
  const rows = (report.data?.segments ?? []).flatMap((segment) =>
    segment.steps.filter((step) => step.reached > 0 || step.ended > 0).map((step) => ({ segment, step })),
  );
  return (
    <Section
      id="dunning-report"
      title={p.reports.dunning}
      error={report.error}
      loading={report.loading}
      csv={
        <CsvDownload
          path="/reports/dunning"
          query={{ ...period }}
          what={p.reports.dunning}
          fileName={`dunning-${period.from}-${period.to}.csv`}
        />
      }
    >
      {rows.length === 0 ? (
        <p>{p.reports.nothing}</p>
      ) : (
        <Table
          caption={p.reports.dunning}
          head={[
            p.reports.segment,
            p.reports.step,
            p.reports.reached,
            p.reports.cured,
            p.reports.cureRate,
            p.reports.ended,
          ]}
          numeric={2}
        >
          {rows.map(({ segment, step }) => (
            <tr key={`${segment.segment}/${step.step}`}>
              <th scope="row">{segment.segment}</th>
              <td>{step.step}</td>
              <td class="num">{words.number(step.reached)}</td>
              <td class="num">{words.number(step.cured)}</td>
              <td class="num">
                {step.cureRate === null ? '—' : p.reports.percent(words.number(step.cureRate))}
              </td>
              <td class="num">{words.number(step.ended)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

export function PromisesSection({ period }: { period: Period }) {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const report = useLoad(
    () => api.call<PromisesReport, 'get', '/reports/promises'>('get', '/reports/promises', { query: period }),
    periodKey(period),
  );
  const currencies = report.data?.currencies ?? [];
  const tally = (value: { count: number; amount: number }, currency: string) =>
    `${words.number(value.count)} · ${words.money(value.amount, currency)}`;
  return (
    <Section
      id="promises-report"
      title={p.reports.promises}
      error={report.error}
      loading={report.loading}
      csv={
        <CsvDownload
          path="/reports/promises"
          query={{ ...period }}
          what={p.reports.promises}
          fileName={`promises-${period.from}-${period.to}.csv`}
        />
      }
    >
      {currencies.length === 0 ? (
        <p>{p.reports.nothing}</p>
      ) : (
        <Table
          caption={p.reports.promises}
          head={[
            p.reports.currency,
            p.reports.taken,
            p.reports.kept,
            p.reports.broken,
            p.reports.cancelled,
            p.reports.keptRate,
          ]}
        >
          {currencies.map((row) => (
            <tr key={row.currency}>
              <th scope="row">{row.currency}</th>
              <td class="num">{tally(row.taken, row.currency)}</td>
              <td class="num">{tally(row.kept, row.currency)}</td>
              <td class="num">{tally(row.broken, row.currency)}</td>
              <td class="num">{tally(row.cancelled, row.currency)}</td>
              <td class="num">
                {row.keptRate === null ? '—' : p.reports.percent(words.number(row.keptRate))}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

export function DisputesSection({ period }: { period: Period }) {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const report = useLoad(
    () => api.call<DisputesReport, 'get', '/reports/disputes'>('get', '/reports/disputes', { query: period }),
    periodKey(period),
  );
  const causes = (report.data?.causes ?? []).filter(
    (cause) => cause.raised > 0 || cause.resolved > 0 || cause.openNow > 0,
  );
  const amounts = (values: readonly { amount: number; currency: string }[]) =>
    values.map((value) => words.money(value.amount, value.currency)).join(', ') || '—';
  return (
    <Section
      id="disputes-report"
      title={p.reports.disputes}
      error={report.error}
      loading={report.loading}
      csv={
        <CsvDownload
          path="/reports/disputes"
          query={{ ...period }}
          what={p.reports.disputes}
          fileName={`disputes-${period.from}-${period.to}.csv`}
        />
      }
    >
      {causes.length === 0 ? (
        <p>{p.reports.nothing}</p>
      ) : (
        <Table
          caption={p.reports.disputes}
          head={[
            p.reports.cause,
            p.reports.raised,
            p.reports.amount,
            p.reports.resolved,
            p.reports.medianDays,
            p.reports.openNow,
          ]}
        >
          {causes.map((row) => (
            <tr key={row.cause}>
              <th scope="row">{row.cause}</th>
              <td class="num">{words.number(row.raised)}</td>
              <td class="num">{amounts(row.amount)}</td>
              <td class="num">{words.number(row.resolved)}</td>
              <td class="num">
                {row.medianDaysToResolve === null ? '—' : words.number(row.medianDaysToResolve)}
              </td>
              <td class="num">{`${words.number(row.openNow)} · ${amounts(row.openAmount)}`}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

export function ControllersSection({ period }: { period: Period }) {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const report = useLoad(
    () =>
      api.call<ControllersReport, 'get', '/reports/controllers'>('get', '/reports/controllers', {
        query: period,
      }),
    periodKey(period),
  );
  const controllers = report.data?.controllers ?? [];
  const pair = (all: number, some: number) => `${words.number(all)} (${words.number(some)})`;
  return (
    <Section
      id="controllers-report"
      title={p.reports.controllers}
      error={report.error}
      loading={report.loading}
    >
      {controllers.length === 0 ? (
        <p>{p.reports.nothing}</p>
      ) : (
        <Table
          caption={p.reports.controllers}
          head={[
            p.reports.controller,
            p.reports.tasksDone,
            p.reports.calls,
            p.reports.promisesTakenKept,
            p.reports.collected,
          ]}
        >
          {controllers.map((row) => (
            <tr key={row.owner.sub}>
              <th scope="row">{row.owner.email ?? row.owner.sub}</th>
              <td class="num">{pair(row.tasksDone, row.tasksDoneOnTime)}</td>
              <td class="num">{pair(row.callsMade, row.callsReached)}</td>
              <td class="num">{pair(row.promisesTaken, row.promisesKept)}</td>
              <td class="num">
                {row.collectedAfterContact
                  .map((money) => words.money(money.amount, money.currency))
                  .join(', ') || '—'}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

export function ForecastSection() {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const report = useLoad(
    () => api.call<ForecastReport, 'get', '/reports/forecast'>('get', '/reports/forecast'),
    'forecast',
  );
  const currencies = report.data?.currencies ?? [];
  return (
    <Section
      id="forecast-report"
      title={p.reports.forecast}
      error={report.error}
      loading={report.loading}
      csv={
        <CsvDownload
          path="/reports/forecast"
          query={{}}
          what={p.reports.forecast}
          fileName={`forecast-${report.data?.asOf ?? 'today'}.csv`}
        />
      }
    >
      {currencies.length === 0 ? (
        <p>{p.reports.nothing}</p>
      ) : (
        currencies.map((currency) => (
          <Table
            key={currency.currency}
            caption={`${p.reports.forecast} (${currency.currency})`}
            head={[
              `${p.reports.week} (${currency.currency})`,
              p.reports.received,
              p.reports.expectedPromises,
              p.reports.expectedInstalments,
              p.reports.expectedInvoices,
              p.reports.expected,
            ]}
          >
            {currency.weeks.map((week) => {
              const money = (cents: number | undefined | null) =>
                cents === undefined || cents === null ? '—' : words.money(cents, currency.currency);
              return (
                <tr key={week.from}>
                  <th scope="row">{`${words.date(week.from)} – ${words.date(week.to)}`}</th>
                  <td class="num">{money(week.received)}</td>
                  <td class="num">{money(week.expected?.promises)}</td>
                  <td class="num">{money(week.expected?.instalments)}</td>
                  <td class="num">{money(week.expected?.invoices)}</td>
                  <td class="num">{money(week.expected?.total)}</td>
                </tr>
              );
            })}
          </Table>
        ))
      )}
    </Section>
  );
}

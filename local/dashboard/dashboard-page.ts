import { BUSINESS_TIME_ZONE } from '../../functions/core/calendar/time-zone';
import { formatMoney } from '../../functions/core/money';
import {
  PORTFOLIO_BUCKETS,
  type PortfolioBucket,
  type PortfolioDay,
} from '../../functions/core/reports/portfolio-day';
import { escapeHtml } from '../../functions/templates/escape-html';
import type { AgencyReport } from '../../functions/use-cases/collection-agency/agency-report';
import type {
  PortfolioHistory,
  PortfolioReportOnDay,
} from '../../functions/use-cases/reports/portfolio-on-day';
import { barChart, lineChart } from './dashboard-charts';
import type { DashboardFigures, OpenWork } from './dashboard-figures';

const REFRESH_SECONDS = 5;
const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: BUSINESS_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});

const STYLE = `
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2733; }
  header { background: #1d2733; color: #fff; padding: 12px 24px; display: flex; justify-content: space-between; }
  main { padding: 8px 24px 24px; display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); }
  section { background: #fff; border-radius: 6px; padding: 12px 16px; box-shadow: 0 1px 2px #0002; }
  h1 { font-size: 18px; margin: 0; } h2 { font-size: 16px; margin: 4px 0 8px; } h3 { font-size: 14px; margin: 12px 0 4px; }
  table { border-collapse: collapse; width: 100%; } td, th { padding: 3px 6px; text-align: left; border-bottom: 1px solid #e3e6ea; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  .tiles { display: flex; gap: 12px; flex-wrap: wrap; } .tile { flex: 1; min-width: 110px; background: #f4f5f7; border-radius: 4px; padding: 6px 8px; }
  .tile b { display: block; font-size: 18px; } .problems { background: #fde8e8; color: #8a1c1c; } .problems, .wide { grid-column: 1 / -1; }
  .muted { color: #5a6572; } .tile span.muted { display: block; }
  caption { text-align: left; font-size: 12px; }
  .figure { display: grid; gap: 12px; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
  svg.chart { width: 100%; height: auto; font-size: 10px; fill: #1d2733; }
  svg .bar { fill: #3b6fb6; } svg .line { stroke: #3b6fb6; stroke-width: 2; } svg .dot { fill: #3b6fb6; }
  svg .axis { stroke: #6b7785; } svg .grid { stroke: #e3e6ea; stroke-dasharray: 4 3; }
`;

/** The dashboard as one self-contained page (no external assets), reloading itself every few seconds. */
export function renderDashboard(figures: DashboardFigures): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>Credit control – local dashboard</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Credit control – local dashboard</h1><span>virtual date <b>${escapeHtml(figures.today)}</b> ${escapeHtml(AMSTERDAM_TIME.format(new Date(figures.virtualNow)))} in Amsterdam</span></header>
<main>
${figures.problems.length > 0 ? `<section class="problems"><h2>Could not read</h2>${list(figures.problems)}</section>` : ''}
${portfolioSections(figures.portfolio, figures.history)}
${agencySection(figures.agency)}
${workSection(figures.tasks)}
${operationsSection(figures)}
</main>
</body>
</html>
`;
}

/** Words for the report's bucket names, as a reader says them. */
const BUCKET_LABELS: Record<PortfolioBucket, string> = {
  current: 'not yet due',
  '1-30': '1–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '91-120': '91–120 days',
  '120+': 'over 120 days',
};

/** One section per currency: amounts of different currencies are never added up. */
function portfolioSections(portfolio: PortfolioReportOnDay | null, history: PortfolioHistory | null): string {
  if (!portfolio) return '<section><h2>Portfolio</h2><p class="muted">unavailable</p></section>';
  if (portfolio.currencies.length === 0)
    return '<section><h2>Portfolio</h2><p class="muted">no invoices yet</p></section>';
  return portfolio.currencies.map((day) => portfolioSection(day, history)).join('\n');
}

function portfolioSection(day: PortfolioDay, history: PortfolioHistory | null): string {
  const { currency } = day;
  return `<section class="wide" aria-labelledby="portfolio-${currency}"><h2 id="portfolio-${currency}">Portfolio in ${escapeHtml(currency)} on ${escapeHtml(day.asOf)}</h2>
<div class="tiles">
  ${tile('open', currency, 'Receivables (open, overdue and at the agency)', money(day.open.amount, currency), invoices(day.open.count))}
  ${tile('overdue', currency, 'Overdue', money(day.overdue.amount, currency), invoices(day.overdue.count))}
  ${tile('dso', currency, 'DSO (90 days)', days(day.dso.standard))}
  ${tile('dso-countback', currency, 'DSO (countback)', days(day.dso.countback))}
  ${tile('cei', currency, 'CEI (month)', day.cei === null ? '–' : `${day.cei}%`)}
  ${tile('add', currency, 'Average days delinquent (month)', days(day.averageDaysDelinquent))}
  ${tile('unchased', currency, 'Overdue nobody chases', money(day.unchased.amount, currency), day.unchased.share === null ? '' : `${day.unchased.share}% of overdue`)}
  ${tile('write-offs', currency, 'Written off (month)', money(day.writeOffs.amount, currency), invoices(day.writeOffs.count))}
</div>
${agingFigure(day)}
${history ? dsoFigure(currency, history) : '<p class="muted">DSO history unavailable</p>'}
</section>`;
}

/** The aging as bars of the open amount per bucket, with the same figures as a table beside it. */
function agingFigure(day: PortfolioDay): string {
  const { currency } = day;
  const largest = Math.max(0, ...PORTFOLIO_BUCKETS.map((bucket) => day.aging[bucket].amount));
  const bars = PORTFOLIO_BUCKETS.map((bucket) => ({
    key: bucket,
    label: BUCKET_LABELS[bucket],
    value: day.aging[bucket].amount,
    tip: `${BUCKET_LABELS[bucket]}: ${money(day.aging[bucket].amount, currency)}, ${invoices(day.aging[bucket].count)}`,
  }));
  const chart = barChart(
    {
      id: `aging-${currency}`,
      title: `Aging of the ${currency} receivables`,
      desc: `Open amount by days past the due date: ${bars.map((bar) => bar.tip).join('; ')}.`,
    },
    bars,
    money(largest, currency),
  );
  const rows = PORTFOLIO_BUCKETS.map(
    (bucket) =>
      `<tr data-bucket="${bucket}"><th scope="row">${escapeHtml(BUCKET_LABELS[bucket])}</th><td class="n">${escapeHtml(money(day.aging[bucket].amount, currency))}</td><td class="n">${day.aging[bucket].count}</td></tr>`,
  );
  return `<h3>Aging (open amount and invoices by days past due)</h3>
<div class="figure">${chart}
<table id="aging-${currency}-table"><caption class="muted">The bars' figures</caption><tr><th scope="col">Days past due</th><th scope="col" class="n">Open amount</th><th scope="col" class="n">Invoices</th></tr>${rows.join('')}</table></div>`;
}

/** The standard DSO of each of the last 90 days as a line, broken on days without sales to measure by. */
function dsoFigure(currency: string, history: PortfolioHistory): string {
  const points = history.days.map(({ asOf, currencies }) => {
    const dso = currencies.find((each) => each.currency === currency)?.dso.standard ?? null;
    return { key: asOf, value: dso, tip: `${asOf}: ${days(dso)}` };
  });
  const measured = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const chart = lineChart(
    {
      id: `dso-${currency}`,
      title: `DSO of the ${currency} receivables, ${history.from} to ${history.to}`,
      desc:
        measured.length === 0
          ? 'No day of the period had sales to measure by.'
          : `Standard DSO per day, from ${measured.at(0)} to ${measured.at(-1)} days; lowest ${Math.min(...measured)}, highest ${Math.max(...measured)}.`,
    },
    points,
    { top: days(Math.max(0, ...measured)), first: history.from, last: history.to },
  );
  const rows = points.map(
    (point) =>
      `<tr data-day="${point.key}"><th scope="row">${point.key}</th><td class="n">${escapeHtml(days(point.value))}</td></tr>`,
  );
  return `<h3>DSO over the last ${history.days.length} days</h3>
<div class="figure">${chart}
<details><summary>DSO per day</summary><table id="dso-${currency}-table"><tr><th scope="col">Day</th><th scope="col" class="n">DSO (90 days)</th></tr>${rows.join('')}</table></details></div>`;
}

/**
 * Claims at the collection agency: part of the receivables above, but the agency chases them,
 * not the controllers; shown apart from the open work.
 */
function agencySection(agency: AgencyReport | null): string {
  if (!agency) return '<section><h2>At the collection agency</h2><p class="muted">unavailable</p></section>';
  const rows = agency.totals.map(
    (total) =>
      `<tr data-currency="${escapeHtml(total.currency)}">${[
        total.currency,
        String(total.atAgency),
        String(total.claims),
        money(total.handedOverAmount, total.currency),
        money(total.collected, total.currency),
        money(total.fees, total.currency),
      ]
        .map((cell, i) => `<td${i > 0 ? ' class="n"' : ''}>${escapeHtml(cell)}</td>`)
        .join('')}</tr>`,
  );
  const ended = Object.entries(agency.results)
    .filter(([, n]) => n > 0)
    .map(([result, n]) => `${result === 'recalled' ? 'recalled' : `closed: ${result}`} ${n}`);
  return `<section><h2>At the collection agency</h2>
<p class="muted">Claims handed over: still in the receivables, chased by the agency rather than by us.</p>
${
  rows.length === 0
    ? '<p class="muted">no claims handed over</p>'
    : `<table><tr><th>Currency</th><th class="n">At the agency now</th><th class="n">Handed over</th><th class="n">Amount handed over</th><th class="n">Collected</th><th class="n">Fees</th></tr>${rows.join('')}</table>`
}
${ended.length > 0 ? `<p>Ended: ${escapeHtml(ended.join(', '))}</p>` : ''}
</section>`;
}

/** The credit controllers' open tasks, the stale ones (past their due day) apart. */
function workSection(tasks: OpenWork | null): string {
  return `<section><h2>Open work</h2>
<div class="tiles">
  ${tile('tasks-open', '', 'Open tasks', tasks ? String(tasks.total) : '–')}
  ${tile('tasks-overdue', '', 'Stale: open past their due day', tasks ? String(tasks.overdue) : '–')}
</div>
<h3>Open tasks by kind</h3>
${counts(tasks?.byKind ?? null)}
</section>`;
}

function operationsSection(figures: DashboardFigures): string {
  const { executions, emails, snsMessages } = figures.operations;
  return `<section><h2>Operations</h2>
<div class="tiles">
  ${tile('emails', '', 'Emails sent', emails ? String(emails.sent) : '–')}
  ${tile('executions-running', '', 'Running executions', executions ? String(executions.running ?? 0) : '–')}
</div>
<h3>Dunning executions by status</h3>
${counts(executions)}
<h3>SNS messages by topic</h3>
${counts(snsMessages)}
<h3>Last emails</h3>
${
  emails && emails.latest.length > 0
    ? `<table><tr><th>To</th><th>Subject</th></tr>${emails.latest.map((e) => row([e.to, e.subject])).join('')}</table>`
    : '<p class="muted">none yet</p>'
}
</section>`;
}

function counts(values: Record<string, number> | null): string {
  if (!values) return '<p class="muted">unavailable</p>';
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return '<p class="muted">none yet</p>';
  return `<table>${entries.map(([name, n]) => row([name, String(n)], [1])).join('')}</table>`;
}

/** A headline figure, named for the machine by `data-figure` (and `data-currency`) and for a reader by its label. */
function tile(figure: string, currency: string, label: string, value: string, note = ''): string {
  return `<div class="tile" data-figure="${figure}"${currency ? ` data-currency="${escapeHtml(currency)}"` : ''}><span class="muted">${escapeHtml(label)}</span><b>${escapeHtml(value)}</b>${note ? `<span class="muted">${escapeHtml(note)}</span>` : ''}</div>`;
}

/** A table row; the cells at `numeric` are right-aligned figures. Cells are escaped here. */
function row(cells: readonly string[], numeric: readonly number[] = []): string {
  return `<tr>${cells.map((cell, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`;
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function money(cents: number, currency: string): string {
  return formatMoney({ amount: cents, currency }, 'en');
}

function invoices(count: number): string {
  return `${count} ${count === 1 ? 'invoice' : 'invoices'}`;
}

function days(value: number | null): string {
  return value === null ? '–' : `${value} ${value === 1 ? 'day' : 'days'}`;
}

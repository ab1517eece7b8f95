import { BUSINESS_TIME_ZONE } from '../../functions/core/calendar/time-zone';
import { formatMoney } from '../../functions/core/money';
import { AGING_BUCKETS } from '../../functions/core/reports/aging';
import type { Dso } from '../../functions/core/reports/days-sales-outstanding';
import type { PerCurrency } from '../../functions/core/reports/receivables';
import type { PortfolioReport } from '../../functions/use-cases/reports/portfolio-report';
import { escapeHtml } from '../../functions/templates/escape-html';
import type { DashboardFigures } from './dashboard-figures';

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
  .tile b { display: block; font-size: 18px; } .problems { background: #fde8e8; color: #8a1c1c; grid-column: 1 / -1; }
  .muted { color: #6b7785; }
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
${figures.portfolio ? portfolioSection(figures.portfolio) : '<section><h2>Portfolio</h2><p class="muted">unavailable</p></section>'}
${operationsSection(figures)}
</main>
</body>
</html>
`;
}

function portfolioSection(p: PortfolioReport): string {
  const statusRows = Object.entries(p.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, { count, openAmount }]) => row([status, String(count), amounts(openAmount)], [1, 2]));
  const agingRows = Object.entries(p.aging).map(([currency, buckets]) =>
    row(
      [
        currency,
        ...AGING_BUCKETS.map((b) => `${money(buckets[b], currency)} (${p.agingCounts[currency]?.[b] ?? 0})`),
      ],
      [1, 2, 3, 4, 5, 6],
    ),
  );
  return `<section><h2>Portfolio</h2>
<div class="tiles">
  ${tile('Debtors', String(p.debtors))}${tile('Invoices', String(p.invoices))}
  ${tile('Open', ...amountLines(p.openAmount))}${tile('Overdue', ...amountLines(p.overdueAmount))}
  ${tile('DSO (90 days)', ...dsoLines(p.dso, 'standard'))}${tile('DSO (countback)', ...dsoLines(p.dso, 'countback'))}
</div>
<h3>Invoices by status</h3>
<table><tr><th>Status</th><th class="n">Count</th><th class="n">Open amount</th></tr>${statusRows.join('')}</table>
<h3>Aging (open amount and invoices by days past due)</h3>
<table><tr><th></th>${AGING_BUCKETS.map((b) => `<th class="n">${escapeHtml(b)}</th>`).join('')}</tr>${agingRows.join('')}</table>
</section>`;
}

function dsoLines(dso: Record<string, Dso>, method: keyof Dso): string[] {
  return Object.entries(dso).map(([currency, figures]) => {
    const days = figures[method];
    return days === null ? `– (${currency})` : `${days} days (${currency})`;
  });
}

function operationsSection(figures: DashboardFigures): string {
  const { executions, emails, snsMessages } = figures.operations;
  const tasks = figures.portfolio?.openTasks;
  return `<section><h2>Operations</h2>
<div class="tiles">
  ${tile('Emails sent', emails ? String(emails.sent) : '–')}
  ${tile('Open tasks', tasks ? String(tasks.total) : '–')}
  ${tile('Running executions', executions ? String(executions.RUNNING ?? 0) : '–')}
</div>
<h3>Dunning executions by status</h3>
${counts(executions)}
<h3>Open tasks by kind</h3>
${counts(tasks?.byKind ?? null)}
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

/** A headline figure; several lines when it is given per currency. */
function tile(label: string, ...lines: string[]): string {
  const value = lines.length === 0 ? '–' : lines.map(escapeHtml).join('<br>');
  return `<div class="tile"><span class="muted">${escapeHtml(label)}</span><b>${value}</b></div>`;
}

/** A table row; the cells at `numeric` are right-aligned figures. Cells are escaped here. */
function row(cells: readonly string[], numeric: readonly number[] = []): string {
  return `<tr>${cells.map((cell, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`;
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function amountLines(perCurrency: PerCurrency): string[] {
  return Object.entries(perCurrency).map(([currency, cents]) => money(cents, currency));
}

function amounts(perCurrency: PerCurrency): string {
  return amountLines(perCurrency).join(' + ') || '–';
}

function money(cents: number, currency: string): string {
  return formatMoney({ amount: cents, currency }, 'en');
}

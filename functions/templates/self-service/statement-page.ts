import { formatMoney } from '../../core/money';
import type { Statement } from '../../use-cases/self-service/statement';
import { escapeHtml as e } from '../escape-html';
import { formatCalendarDate } from '../letter-document';
import { pageDocument } from './page-layout';
import { pageWording } from './page-wording';

const HEADINGS = {
  nl: [
    'Factuur',
    'Factuurdatum',
    'Vervaldatum',
    'Valuta',
    'Factuurbedrag',
    'Open',
    'Betwist',
    'Dagen te laat',
    'Betalingskenmerk',
  ],
  en: [
    'Invoice',
    'Invoice date',
    'Due date',
    'Currency',
    'Invoice amount',
    'Open',
    'Disputed',
    'Days overdue',
    'Payment reference',
  ],
} as const;

/** The statement as a printable page: one table, readable at 360 px by scrolling sideways. */
export function renderStatementPage(statement: Statement, creditorName: string): string {
  const words = pageWording(statement.language);
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, statement.language);
  const date = (value: string) => formatCalendarDate(value, words.locale);
  const headings = HEADINGS[statement.language];
  const rows = statement.lines.map(
    (line) =>
      `<tr><th scope="row">${e(line.number)}</th><td>${e(date(line.issueDate))}</td><td>${e(date(line.dueDate))}</td><td>${e(line.currency)}</td><td class="number">${e(money(line.totalAmount, line.currency))}</td><td class="number">${e(money(line.openAmount, line.currency))}</td><td class="number">${e(money(line.disputedAmount, line.currency))}</td><td class="number">${line.daysOverdue}</td><td>${e(line.reference)}</td></tr>`,
  );
  return pageDocument({
    language: statement.language,
    title: words.statementTitle,
    body: `<h1>${e(words.statementTitle)}</h1>
<p>${e(statement.debtorName)} · ${e(creditorName)}<br>${e(words.asOf(date(statement.asOf)))}</p>
<div style="overflow-x:auto" tabindex="0" role="region" aria-label="${e(words.statementTitle)}">
<table>
<thead><tr>${headings.map((heading, index) => `<th scope="col"${index >= 4 && index <= 7 ? ' class="number"' : ''}>${e(heading)}</th>`).join('')}</tr></thead>
<tbody>${rows.length > 0 ? rows.join('\n') : `<tr><td colspan="9">${e(words.nothingOpen)}</td></tr>`}</tbody>
</table>
</div>
<p class="help">${e(words.print)}</p>`,
  });
}

/**
 * The statement as CSV (RFC 4180): amounts in decimal units with a point, dates ISO, so that a
 * spreadsheet in any language reads them. A text cell that a spreadsheet would run as a formula
 * is prefixed with an apostrophe.
 */
export function renderStatementCsv(statement: Statement): string {
  const headings = HEADINGS[statement.language];
  const amount = (cents: number) => (cents / 100).toFixed(2);
  const lines = statement.lines.map((line) =>
    [
      line.number,
      line.issueDate,
      line.dueDate,
      line.currency,
      amount(line.totalAmount),
      amount(line.openAmount),
      amount(line.disputedAmount),
      String(line.daysOverdue),
      line.reference,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[headings.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

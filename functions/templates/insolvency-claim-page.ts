import { formatMoney } from '../core/money';
import type { InsolvencyClaimStatement } from '../use-cases/special/insolvency-claim';
import { escapeHtml as e } from './escape-html';

/**
 * The claim statement as a printable page (no script, no external resources): what is filed
 * with the trustee or administrator, in Dutch as the court's language, with the amounts per
 * invoice and the total per currency.
 */
export function renderInsolvencyClaimPage(statement: InsolvencyClaimStatement, creditorName: string): string {
  const { insolvency } = statement;
  const money = (amount: number | null, currency: string) =>
    amount === null ? 'onbekend' : e(formatMoney({ amount, currency }, 'nl'));
  const rows = statement.invoices
    .map(
      (line) => `<tr>
  <td>${e(line.number)}</td><td>${e(line.issueDate)}</td><td>${e(line.dueDate)}</td>
  <td class="n">${money(line.principal, line.currency)}</td>
  <td class="n">${money(line.vatInPrincipal, line.currency)}</td>
  <td class="n">${money(line.interest, line.currency)}</td>
  <td class="n">${money(line.costs + line.costsVat, line.currency)}</td>
  <td class="n">${money(line.total, line.currency)}</td>
</tr>`,
    )
    .join('\n');
  const totals = Object.entries(statement.totals)
    .map(
      ([currency, sum]) => `<tr class="total">
  <th colspan="3" scope="row">Totaal ${e(currency)}</th>
  <td class="n">${money(sum.principal, currency)}</td>
  <td class="n">${money(sum.vatInPrincipal, currency)}</td>
  <td class="n">${money(sum.interest, currency)}</td>
  <td class="n">${money(sum.costs + sum.costsVat, currency)}</td>
  <td class="n">${money(sum.total, currency)}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Vordering ter verificatie – ${e(statement.debtor.name)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; }
td.n { text-align: right; white-space: nowrap; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #111; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<main>
<h1>Vordering ter verificatie</h1>
<dl>
<dt>Schuldeiser</dt><dd>${e(creditorName)}</dd>
<dt>Schuldenaar</dt><dd>${e(statement.debtor.name)} (${e(statement.debtor.id)})</dd>
<dt>Procedure</dt><dd>${e(kindInDutch(insolvency.kind))}, ${e(insolvency.court)}, ${e(insolvency.caseNumber)}, sinds ${e(insolvency.date)}</dd>
<dt>Curator / bewindvoerder</dt><dd>${e(insolvency.administrator.name)}</dd>
<dt>In te dienen vóór</dt><dd>${e(insolvency.claimDeadline)}</dd>
</dl>
<p>Rente berekend tot en met de datum van de uitspraak, ${e(statement.asOf)} (art. 128 Fw); incassokosten voor zover op die datum verschuldigd.</p>
<table>
<thead><tr>
  <th scope="col">Factuur</th><th scope="col">Datum</th><th scope="col">Vervaldatum</th>
  <th scope="col">Hoofdsom</th><th scope="col">Waarvan btw</th><th scope="col">Rente</th>
  <th scope="col">Kosten (incl. btw)</th><th scope="col">Totaal</th>
</tr></thead>
<tbody>
${rows}
${totals}
</tbody>
</table>
</main>
</body>
</html>
`;
}

function kindInDutch(kind: InsolvencyClaimStatement['insolvency']['kind']): string {
  return kind === 'bankruptcy'
    ? 'Faillissement'
    : kind === 'wsnp'
      ? 'Schuldsanering (WSNP)'
      : 'Surseance van betaling';
}

import { formatMoney } from '../../core/money';
import type { SummaryFigure, SummaryFigureName, WeeklySummary } from '../../core/reports/weekly-summary';
import { escapeHtml as e } from '../escape-html';
import type { ColleagueLanguage } from './colleague-words';

interface Words {
  subject: (from: string, to: string) => string;
  intro: (to: string, previousTo: string) => string;
  figure: Record<SummaryFigureName, string>;
  columns: { figure: string; now: string; lastWeek: string; change: string };
  invoices: (count: number) => string;
  movements: string;
  noMovements: string;
  debtor: string;
  empty: string;
  days: string;
  source: (asOf: string) => string;
}

const WORDS: Record<ColleagueLanguage, Words> = {
  nl: {
    subject: (from, to) => `Debiteurenbeheer: weekoverzicht ${from} t/m ${to}`,
    intro: (to, previousTo) =>
      `De belangrijkste cijfers van de portefeuille aan het eind van ${to}, met het verschil met ${previousTo}.`,
    figure: {
      open: 'Openstaand',
      overdue: 'Vervallen',
      dso: 'DSO (90 dagen)',
      cei: 'CEI (maand)',
      unchasedShare: 'Deel vervallen zonder opvolging',
      writeOffs: 'Afgeboekt (maand)',
    },
    columns: { figure: 'Cijfer', now: 'Nu', lastWeek: 'Vorige week', change: 'Verschil' },
    invoices: (count) => `${count} ${count === 1 ? 'factuur' : 'facturen'}`,
    movements: 'Grootste verschuivingen in het vervallen bedrag per debiteur deze week',
    noMovements: 'Geen debiteur van wie het vervallen bedrag deze week veranderde.',
    debtor: 'Debiteur',
    empty: 'Er staat niets open.',
    days: 'dagen',
    source: (asOf) => `Dezelfde cijfers, met hun definities: GET /reports/portfolio?asOf=${asOf}`,
  },
  en: {
    subject: (from, to) => `Credit control: weekly summary ${from} to ${to}`,
    intro: (to, previousTo) =>
      `The main figures of the portfolio at the end of ${to}, with their change since ${previousTo}.`,
    figure: {
      open: 'Open',
      overdue: 'Overdue',
      dso: 'DSO (90 days)',
      cei: 'CEI (month)',
      unchasedShare: 'Share of overdue nobody chases',
      writeOffs: 'Written off (month)',
    },
    columns: { figure: 'Figure', now: 'Now', lastWeek: 'Last week', change: 'Change' },
    invoices: (count) => `${count} ${count === 1 ? 'invoice' : 'invoices'}`,
    movements: "Largest movements in a debtor's overdue amount this week",
    noMovements: 'No debtor whose overdue amount changed this week.',
    debtor: 'Debtor',
    empty: 'Nothing is open.',
    days: 'days',
    source: (asOf) => `The same figures, with their definitions: GET /reports/portfolio?asOf=${asOf}`,
  },
};

/** The weekly summary to managers as an email: per currency, a table of figures and one of movements. */
export function renderWeeklySummary(
  summary: WeeklySummary,
  language: ColleagueLanguage,
): { subject: string; text: string; html: string } {
  const w = WORDS[language];
  const textParts = [w.intro(summary.to, summary.previousTo)];
  const htmlParts = [`<p>${e(w.intro(summary.to, summary.previousTo))}</p>`];
  if (summary.currencies.length === 0) {
    textParts.push(w.empty);
    htmlParts.push(`<p>${e(w.empty)}</p>`);
  }
  for (const { currency, figures, movements } of summary.currencies) {
    const rows = figures.map((figure) => [
      w.figure[figure.name],
      valueOf(figure, figure.value, currency, language, w, figure.count),
      valueOf(figure, figure.previous, currency, language, w),
      changeOf(figure, currency, language, w),
    ]);
    const moved = movements.map((m) => [m.debtorName, signed(money(m.delta, currency, language))]);
    textParts.push(
      [
        `${currency}`,
        ...rows.map(
          ([name, now, before, change]) =>
            `- ${name}: ${now} (${w.columns.lastWeek.toLowerCase()} ${before}; ${change})`,
        ),
        '',
        `${w.movements}:`,
        ...(moved.length === 0 ? [w.noMovements] : moved.map(([name, delta]) => `- ${name}: ${delta}`)),
      ].join('\n'),
    );
    htmlParts.push(
      `<h2 style="font-size:16px">${e(currency)}</h2>`,
      table([w.columns.figure, w.columns.now, w.columns.lastWeek, w.columns.change], rows),
      `<h3 style="font-size:14px">${e(w.movements)}</h3>`,
      moved.length === 0 ? `<p>${e(w.noMovements)}</p>` : table([w.debtor, w.columns.change], moved),
    );
  }
  const source = w.source(summary.to);
  textParts.push(source);
  htmlParts.push(`<p style="color:#6b7785">${e(source)}</p>`);
  return {
    subject: w.subject(summary.from, summary.to),
    text: textParts.join('\n\n'),
    html: `<!doctype html><html lang="${language}"><body style="font:14px/1.4 sans-serif">${htmlParts.join('\n')}</body></html>`,
  };
}

function valueOf(
  figure: SummaryFigure,
  value: number | null,
  currency: string,
  language: ColleagueLanguage,
  w: Words,
  count?: number,
): string {
  if (value === null) return '–';
  const shown = formatted(figure.unit, value, currency, language, w);
  return count === undefined ? shown : `${shown} (${w.invoices(count)})`;
}

function changeOf(figure: SummaryFigure, currency: string, language: ColleagueLanguage, w: Words): string {
  if (figure.change === null) return '–';
  return signed(formatted(figure.unit, figure.change, currency, language, w));
}

function formatted(
  unit: SummaryFigure['unit'],
  value: number,
  currency: string,
  language: ColleagueLanguage,
  w: Words,
): string {
  if (unit === 'money') return money(value, currency, language);
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(value);
  return unit === 'days' ? `${number} ${w.days}` : `${number}%`;
}

function money(cents: number, currency: string, language: ColleagueLanguage): string {
  return formatMoney({ amount: cents, currency }, language);
}

/** A change reads with its sign: +€ 10,00, −€ 5,00, ±0. */
function signed(shown: string): string {
  if (/^[-−]/.test(shown)) return shown;
  return /[1-9]/.test(shown) ? `+${shown}` : `±${shown}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (tag: 'th' | 'td', value: string, i: number) =>
    `<${tag} style="padding:3px 8px;text-align:${i === 0 ? 'left' : 'right'};border-bottom:1px solid #e3e6ea">${e(value)}</${tag}>`;
  return `<table style="border-collapse:collapse"><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr>${rows
    .map((row) => `<tr>${row.map((value, i) => cell('td', value, i)).join('')}</tr>`)
    .join('')}</table>`;
}

import { escapeHtml as e } from '../escape-html';

/** Which of the plan's emails: agreed (with the schedule), an instalment's reminder, broken, amended, lowered by a credit. */
export type PlanEmailKind = 'agreed' | 'reminder' | 'broken' | 'amended' | 'lowered';

export interface PlanEmailInput {
  kind: PlanEmailKind;
  /** The debtor's language; anything but Dutch gets English. */
  language: string;
  debtorName: string;
  /** The plan's reference, printed in groups of four. */
  reference: string;
  /** The invoice numbers the plan covers. */
  invoiceNumbers: string[];
  /** Every instalment, amounts formatted in the debtor's language. */
  schedule: { number: number; dueDate: string; amount: string; paid: boolean }[];
  /** The instalment to pay next (reminder) or first (agreed, amended). */
  due?: { number: number; dueDate: string; amount: string };
  /** What is still unpaid of the whole plan (broken). */
  rest?: string;
  creditor: { name: string; iban: string };
  /** `cid:` of the EPC QR image for the amount due, when there is one. */
  qrImage?: string;
  /** The manager's reason (amended). */
  reason?: string;
  /** By how much a credit lowered the plan, and whether nothing is left to pay (lowered). */
  lowered?: { amount: string; completed: boolean };
}

interface Wording {
  subject: Record<PlanEmailKind, string>;
  greeting: (name: string) => string;
  intro: Record<PlanEmailKind, (invoices: string) => string>;
  missedMakesRestDue: string;
  restDue: (rest: string) => string;
  reason: (reason: string) => string;
  lowered: (amount: string, completed: boolean) => string;
  pay: (amount: string, date: string, iban: string, name: string, reference: string) => string;
  scheduleHeading: string;
  columns: [string, string, string, string];
  paid: string;
  scanToPay: string;
  closing: string;
  signature: string;
}

const WORDING: Record<'nl' | 'en', Wording> = {
  nl: {
    subject: {
      agreed: 'Uw betalingsregeling',
      reminder: 'Herinnering: termijn van uw betalingsregeling',
      broken: 'Uw betalingsregeling is vervallen',
      amended: 'Uw betalingsregeling is gewijzigd',
      lowered: 'Uw betalingsregeling is verlaagd',
    },
    greeting: (name) => `Geachte ${name},`,
    intro: {
      agreed: (invoices) =>
        `Hierbij bevestigen wij de betalingsregeling voor factuur ${invoices}. Zolang u de termijnen op tijd betaalt, ontvangt u geen aanmaningen voor deze facturen.`,
      reminder: (invoices) =>
        `Binnenkort vervalt een termijn van uw betalingsregeling voor factuur ${invoices}.`,
      broken: (invoices) =>
        `Een termijn van uw betalingsregeling voor factuur ${invoices} is niet op tijd betaald. Daarmee is de regeling vervallen.`,
      amended: (invoices) => `Uw betalingsregeling voor factuur ${invoices} is gewijzigd.`,
      lowered: (invoices) =>
        `Wij hebben een creditering verwerkt op uw betalingsregeling voor factuur ${invoices}.`,
    },
    missedMakesRestDue:
      'Let op: wordt een termijn niet op tijd betaald, dan vervalt de regeling en is het hele restant direct opeisbaar.',
    restDue: (rest) =>
      `Het restant van ${rest} is nu direct opeisbaar. U ontvangt van ons een laatste aanmaning voor de facturen die nog openstaan.`,
    reason: (reason) => `Reden van de wijziging: ${reason}`,
    lowered: (amount, completed) =>
      completed
        ? `Uw regeling is met ${amount} verlaagd. Er staat niets meer open: de regeling is afgerond.`
        : `Uw regeling is met ${amount} verlaagd. Wij hebben de resterende termijnen verlaagd, te beginnen bij de laatste; de data blijven gelijk.`,
    pay: (amount, date, iban, name, reference) =>
      `Maak ${amount} uiterlijk ${date} over op ${iban} ten name van ${name}, met betalingskenmerk ${reference}.`,
    scheduleHeading: 'Termijnen',
    columns: ['Termijn', 'Datum', 'Bedrag', ''],
    paid: 'betaald',
    scanToPay: 'Scan de code met uw bankapp om te betalen.',
    closing: 'Met vriendelijke groet,',
    signature: 'Debiteurenbeheer',
  },
  en: {
    subject: {
      agreed: 'Your payment plan',
      reminder: 'Reminder: an instalment of your payment plan',
      broken: 'Your payment plan has ended',
      amended: 'Your payment plan has been changed',
      lowered: 'Your payment plan has been lowered',
    },
    greeting: (name) => `Dear ${name},`,
    intro: {
      agreed: (invoices) =>
        `We confirm the payment plan for invoice ${invoices}. As long as you pay the instalments on time, you will receive no reminders for these invoices.`,
      reminder: (invoices) => `An instalment of your payment plan for invoice ${invoices} falls due soon.`,
      broken: (invoices) =>
        `An instalment of your payment plan for invoice ${invoices} was not paid on time, so the plan has ended.`,
      amended: (invoices) => `Your payment plan for invoice ${invoices} has been changed.`,
      lowered: (invoices) => `We have applied a credit to your payment plan for invoice ${invoices}.`,
    },
    missedMakesRestDue:
      'Please note: if an instalment is not paid on time, the plan ends and the whole remaining amount is due at once.',
    restDue: (rest) =>
      `The remaining ${rest} is now due at once. You will receive a final notice for the invoices that are still open.`,
    reason: (reason) => `Why it was changed: ${reason}`,
    lowered: (amount, completed) =>
      completed
        ? `Your plan is lowered by ${amount}. Nothing is left to pay: the plan is complete.`
        : `Your plan is lowered by ${amount}. We reduced the remaining instalments, starting with the last one; the dates stay the same.`,
    pay: (amount, date, iban, name, reference) =>
      `Please transfer ${amount} by ${date} to ${iban} in the name of ${name}, with payment reference ${reference}.`,
    scheduleHeading: 'Instalments',
    columns: ['Instalment', 'Date', 'Amount', ''],
    paid: 'paid',
    scanToPay: 'Scan the code with your banking app to pay.',
    closing: 'Kind regards,',
    signature: 'Credit control',
  },
};

const CELL = 'padding:6px 8px;border-bottom:1px solid #dddddd;';

/** The emails of a payment plan: what is agreed, what to pay next, and what a missed instalment means. */
export function renderPlanEmail(input: PlanEmailInput): { subject: string; text: string; html: string } {
  const w = WORDING[input.language === 'nl' ? 'nl' : 'en'];
  const invoices = input.invoiceNumbers.join(', ');
  const before = [w.greeting(input.debtorName), w.intro[input.kind](invoices)];
  if (input.kind === 'amended' && input.reason) before.push(w.reason(input.reason));
  if (input.kind === 'broken' && input.rest) before.push(w.restDue(input.rest));
  if (input.kind === 'lowered' && input.lowered)
    before.push(w.lowered(input.lowered.amount, input.lowered.completed));
  const pay = input.due
    ? w.pay(input.due.amount, input.due.dueDate, input.creditor.iban, input.creditor.name, input.reference)
    : undefined;
  if (pay) before.push(pay);
  const over = input.kind === 'broken' || (input.kind === 'lowered' && input.lowered?.completed === true);
  const showSchedule = !over;
  const after = over ? [] : [w.missedMakesRestDue];

  const scheduleText = showSchedule
    ? [
        w.scheduleHeading,
        ...input.schedule.map(
          (row) => `${row.number}. ${row.dueDate}  ${row.amount}${row.paid ? ` (${w.paid})` : ''}`,
        ),
      ].join('\n')
    : '';
  const text = [...before, scheduleText, ...after, `${w.closing}\n${w.signature}`]
    .filter((part) => part !== '')
    .join('\n\n');

  const p = (line: string) => `<p style="margin:0 0 14px">${e(line)}</p>`;
  const rows = input.schedule
    .map(
      (row) =>
        `<tr><td style="${CELL}">${row.number}</td><td style="${CELL}">${e(row.dueDate)}</td>` +
        `<td style="${CELL}text-align:right">${e(row.amount)}</td><td style="${CELL}">${row.paid ? e(w.paid) : ''}</td></tr>`,
    )
    .join('\n');
  const table = showSchedule
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:0 0 14px">
<thead><tr>${w.columns.map((c) => `<th style="${CELL}text-align:left">${e(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '';
  const qr =
    input.qrImage && input.due
      ? `<p style="margin:0 0 14px"><img src="${e(input.qrImage)}" alt="EPC QR" width="180" height="180"><br>${e(w.scanToPay)}</p>`
      : '';
  const html = [
    ...before.map(p),
    qr,
    table,
    ...after.map(p),
    `<p style="margin:0 0 14px">${e(w.closing)}<br>${e(w.signature)}</p>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
  return { subject: `${w.subject[input.kind]} (${input.reference})`, text, html };
}

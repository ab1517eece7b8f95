import { formatMoney, type Money } from '../../core/money';
import type { SubmissionResult } from '../../ports/self-service-records';
import type { FieldIssue } from '../../use-cases/refusal';
import type { SelfServiceAction, SelfServicePage } from '../../use-cases/self-service/page-view';
import { escapeHtml as e } from '../escape-html';
import { formatCalendarDate } from '../letter-document';
import { isWebLink } from '../links';
import { pageDocument } from './page-layout';
import { type PageWording, pageWording, readableValues } from './page-wording';

export interface PageCreditor {
  name: string;
  iban: string;
  email?: string;
  phone?: string;
}

export interface PageExtras {
  /** The link's token: the forms and the statement are addressed relative to it. */
  token: string;
  creditor: PageCreditor;
  /** A form's result to show at the top (after POST-redirect-GET), or `pending`. */
  result?: SubmissionResult | 'pending';
  /** A form that was not recorded, with what to correct. */
  refused?: { action: SelfServiceAction | undefined; message: string; issues: readonly FieldIssue[] };
}

/** The debtor's page: open invoices with how to pay them, and the four forms. */
export function renderSelfServicePage(page: SelfServicePage, extras: PageExtras): string {
  const words = pageWording(page.language);
  const date = (value: string) => formatCalendarDate(value, words.locale);
  const money = (value: Money) => formatMoney(value, page.language);
  const parts = [
    `<h1>${e(words.greeting(page.debtor.name))}</h1>`,
    resultNotice(words, extras.result),
    refusedNotice(words, extras.refused),
    `<p>${e(words.intro)}</p>`,
    `<h2 id="invoices">${e(words.openInvoices)}</h2>`,
    page.invoices.length === 0
      ? `<div class="card"><p>${e(words.nothingOpen)}</p></div>`
      : page.invoices.map((invoice) => invoiceCard(words, invoice, extras.creditor, date, money)).join('\n'),
    page.totals.length > 0
      ? `<p><strong>${e(words.total)}:</strong> ${page.totals.map((total) => e(money(total))).join(' + ')}</p>`
      : '',
    `<p class="actions"><a href="${e(extras.token)}/statement">${e(words.statement)}</a><a href="${e(extras.token)}/statement?format=csv">${e(words.statementCsv)}</a></p>`,
    page.invoices.length > 0 ? forms(page, words, extras, date, money) : '',
    `<footer><p>${e(footer(words, extras.creditor))}</p></footer>`,
  ];
  return pageDocument({
    language: page.language,
    title: words.title,
    body: parts.filter(Boolean).join('\n'),
  });
}

function invoiceCard(
  words: PageWording,
  invoice: SelfServicePage['invoices'][number],
  creditor: PageCreditor,
  date: (value: string) => string,
  money: (value: Money) => string,
): string {
  const rows: string[] = [
    `<dt>${e(words.dueDate)}</dt><dd>${e(date(invoice.dueDate))}</dd>`,
    `<dt>${e(words.amount)}</dt><dd>${e(money(invoice.openAmount))}</dd>`,
    `<dt>${e(words.daysOverdue)}</dt><dd>${invoice.daysOverdue}</dd>`,
  ];
  if (invoice.reference) rows.push(`<dt>${e(words.reference)}</dt><dd>${e(invoice.reference)}</dd>`);
  const notes: string[] = [];
  if (invoice.disputedAmount) notes.push(words.disputedPart(money(invoice.disputedAmount)));
  if (invoice.promise) notes.push(words.promisedOn(date(invoice.promise.promisedDate)));
  else if (invoice.pausedFor && words.paused[invoice.pausedFor]) notes.push(words.paused[invoice.pausedFor]!);
  const links: string[] = [];
  if (invoice.paymentLink && isWebLink(invoice.paymentLink)) {
    links.push(
      `<a class="button" href="${e(invoice.paymentLink)}">${e(words.payNow)}<span class="help" style="color:#fff;display:inline"> – ${e(words.invoice)} ${e(invoice.number)}</span></a>`,
    );
  }
  if (invoice.pdfUrl && isWebLink(invoice.pdfUrl)) {
    links.push(`<a href="${e(invoice.pdfUrl)}">${e(words.download(invoice.number))}</a>`);
  }
  return `<section class="card" aria-labelledby="invoice-${e(invoice.id)}">
<h3 id="invoice-${e(invoice.id)}">${e(words.invoice)} ${e(invoice.number)}</h3>
<dl>${rows.join('')}</dl>
${notes.map((note) => `<p>${e(note)}</p>`).join('')}
${invoice.qrDataUrl ? `<img class="qr" src="${e(invoice.qrDataUrl)}" alt="${e(words.qrAlt(invoice.number))}" width="160" height="160"><p class="help">${e(words.scanQr)} ${e(words.payByTransfer(creditor.iban, creditor.name))}</p>` : ''}
${links.length > 0 ? `<p class="actions">${links.join('')}</p>` : ''}
</section>`;
}

function forms(
  page: SelfServicePage,
  words: PageWording,
  extras: PageExtras,
  date: (value: string) => string,
  money: (value: Money) => string,
): string {
  const form = (action: SelfServiceAction, heading: string, help: string, fields: string) => {
    const guard = page.forms[action];
    return `<section class="card" aria-labelledby="form-${action}">
<h3 id="form-${action}">${e(heading)}</h3>
<p class="help">${e(help)}</p>
<form method="post" action="${e(extras.token)}">
<input type="hidden" name="action" value="${action}">
<input type="hidden" name="nonce" value="${e(guard.nonce)}">
<input type="hidden" name="csrf" value="${e(guard.csrf)}">
${fields}
<button type="submit">${e(words.send[action])}</button>
</form>
</section>`;
  };
  const invoiceChoice = (action: string) =>
    `<label for="${action}-invoice">${e(words.chooseInvoice)}</label>
<select id="${action}-invoice" name="invoiceId" required>${page.invoices
      .map((invoice) => `<option value="${e(invoice.id)}">${e(invoice.number)}</option>`)
      .join('')}</select>`;
  const causeLabel = (cause: { cause: string; label: string }) => words.causes[cause.cause] ?? cause.label;
  const payable = new Set(page.pay?.invoiceIds ?? []);
  const sections = [
    `<h2 id="actions">${e(words.whatToDo)}</h2>`,
    page.pay
      ? form(
          'pay',
          words.payHeading,
          words.payHelp,
          `<fieldset><legend>${e(words.payInvoices)}</legend>${page.invoices
            .filter((invoice) => payable.has(invoice.id))
            .map(
              (invoice, index) =>
                `<label><input type="checkbox" name="invoiceIds" value="${e(invoice.id)}"${index === 0 ? ' checked' : ''}> ${e(words.invoice)} ${e(invoice.number)}: ${e(money(invoice.openAmount))}</label>`,
            )
            .join('')}</fieldset>
${
  page.pay.minimum
    ? `<label for="pay-amount">${e(words.payAmount)}</label>
<span class="help" id="pay-amount-help">${e(words.payAmountHelp(money(page.pay.minimum)))}</span>
<input id="pay-amount" name="amount" inputmode="decimal" aria-describedby="pay-amount-help">`
    : `<p class="help">${e(words.payAmountHelp(undefined))}</p>`
}`,
        )
      : '',
    form(
      'promise',
      words.promiseHeading,
      `${words.promiseHelp(date(page.latestPromiseDate))} ${words.promiseMoveHelp}`,
      `${invoiceChoice('promise')}
<label for="promise-date">${e(words.promiseDate)}</label>
<input id="promise-date" name="promisedDate" type="date" required min="${page.today}" max="${page.latestPromiseDate}">`,
    ),
    form(
      'dispute',
      words.disputeHeading,
      words.disputeHelp,
      `${invoiceChoice('dispute')}
<label for="dispute-cause">${e(words.cause)}</label>
<select id="dispute-cause" name="cause" required>${page.causes
        .map((cause) => `<option value="${e(cause.cause)}">${e(causeLabel(cause))}</option>`)
        .join('')}</select>
<label for="dispute-explanation">${e(words.explanation)}</label>
<textarea id="dispute-explanation" name="explanation" required maxlength="1000"></textarea>
<label for="dispute-amount">${e(words.disputeAmount)}</label>
<span class="help" id="dispute-amount-help">${e(words.disputeAmountHelp)}</span>
<input id="dispute-amount" name="amount" inputmode="decimal" aria-describedby="dispute-amount-help">`,
    ),
    page.plan.choices.length > 0
      ? form(
          'plan',
          words.planHeading,
          words.planHelp(page.plan.startsAtOnce),
          `<label for="plan-instalments">${e(words.instalments)}</label>
<select id="plan-instalments" name="instalments" required>${page.plan.choices
            .map((count) => `<option value="${count}">${count}</option>`)
            .join('')}</select>`,
        )
      : `<section class="card"><h3>${e(words.planHeading)}</h3><p>${e(words.noPlan)}</p></section>`,
    form(
      'call_back',
      words.callBackHeading,
      words.callBackHelp,
      `<label for="call-phone">${e(words.phone)}</label>
<input id="call-phone" name="phone" type="tel" autocomplete="tel" required value="${e(page.debtor.phone ?? '')}">
<label for="call-time">${e(words.preferredTime)}</label>
<span class="help" id="call-time-help">${e(words.preferredTimeHelp)}</span>
<input id="call-time" name="preferredTime" required maxlength="100" aria-describedby="call-time-help">`,
    ),
  ];
  return sections.join('\n');
}

function resultNotice(words: PageWording, result: PageExtras['result']): string {
  if (!result) return '';
  if (result === 'pending') return `<div class="card notice" role="status"><p>${e(words.pending)}</p></div>`;
  const text = words.outcomes[result.outcome]?.(readableValues(result.values, words.locale)) ?? words.done;
  const paymentNote = words.paymentNotes[result.outcome as keyof PageWording['paymentNotes']];
  const after =
    result.outcome === 'payment_started' ? words.paymentNote : (paymentNote ?? words.emailConfirmed);
  const unpaid = result.outcome === 'payment_canceled' || result.outcome === 'payment_failed';
  return `<div class="card ${unpaid ? 'problem' : 'notice'}" role="status"><h2 class="notice-heading">${e(unpaid ? words.notPaid : words.done)}</h2><p>${e(text)}</p><p>${e(after)}</p></div>`;
}

function refusedNotice(words: PageWording, refused: PageExtras['refused']): string {
  if (!refused) return '';
  const issues = refused.issues.length
    ? refused.issues.map(
        (issue) => `<li>${e(words.fieldNames[issue.path] ?? issue.path)}: ${e(issue.message)}</li>`,
      )
    : [`<li>${e(refused.message)}</li>`];
  return `<div class="card problem" role="alert"><h2 class="notice-heading">${e(words.notDone)}</h2><ul>${issues.join('')}</ul></div>`;
}

function footer(words: PageWording, creditor: PageCreditor): string {
  const reach = [creditor.phone, creditor.email].filter(Boolean).join(', ');
  return words.contact(reach ? `${creditor.name} (${reach})` : creditor.name);
}

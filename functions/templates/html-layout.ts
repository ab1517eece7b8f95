import { escapeHtml as e } from './escape-html';
import type { BodyPart, LetterDocument } from './letter-document';
import { isWebLink } from './links';
import { selfServiceLinkHtml } from './self-service/letter-link';

// Email clients ignore style sheets, so every style is inline and the layout is tables.
const CELL = 'padding:6px 8px;border-bottom:1px solid #dddddd;';
const DETAIL = 'font-size:12px;color:#555555;';
// On a phone (360 px) a long word (an email address, a link, a reference) breaks rather than
// widening the page; the margins stay narrow.
const WRAP = 'overflow-wrap:anywhere;word-break:break-word;';
// An amount is read whole: it never breaks over two lines, and its column takes the room it needs.
const AMOUNT = 'text-align:right;vertical-align:top;white-space:nowrap;';
const BUTTON =
  'display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:4px;font-weight:bold;';

function paragraphs(texts: readonly string[]): string {
  return texts.map((text) => `<p style="margin:0 0 14px">${e(text)}</p>`).join('\n');
}

/**
 * Two columns, so that the table fits a phone (360 px): the invoice with its due date, days overdue
 * and (in a letter of several) its own reference under its number, and the amount, which never
 * breaks.
 */
function invoiceTable(doc: LetterDocument): string {
  const { labels } = doc;
  const rows = doc.invoices
    .map((invoice) => {
      const details = [
        `${labels.dueDate}: ${invoice.dueDate}`,
        labels.daysOverdueCount(invoice.daysOverdue),
        ...(invoice.reference ? [`${labels.reference}: ${invoice.reference}`] : []),
      ];
      return (
        `<tr><td style="${CELL}">${e(invoice.number)}${details.map((detail) => `<br><span style="${DETAIL}">${e(detail)}</span>`).join('')}</td>` +
        `<td style="${CELL}${AMOUNT}">${e(invoice.openAmount)}</td></tr>`
      );
    })
    .join('\n');
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:0 0 14px">
<thead><tr><th style="${CELL}text-align:left">${e(labels.invoiceNumber)}</th><th style="${CELL}${AMOUNT}">${e(labels.openAmount)}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th style="${CELL}text-align:left">${e(labels.total)}</th><th style="${CELL}${AMOUNT}">${e(doc.total)}</th></tr></tfoot>
</table>`;
}

function claimTable(doc: LetterDocument): string {
  const { claim } = doc;
  if (!claim) return '';
  const rows = claim.rows
    .map(
      (row) =>
        `<tr><td style="${CELL}">${e(row.label)}${row.details.map((detail) => `<br><span style="${DETAIL}">${e(detail)}</span>`).join('')}</td>` +
        `<td style="${CELL}${AMOUNT}">${e(row.amount)}</td></tr>`,
    )
    .join('\n');
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:0 0 14px">
<thead><tr><th colspan="2" style="${CELL}text-align:left">${e(claim.heading)}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th style="${CELL}text-align:left">${e(claim.total.label)}</th><th style="${CELL}${AMOUNT}">${e(claim.total.amount)}</th></tr></tfoot>
</table>
${paragraphs(claim.notes)}`;
}

function payButtons(doc: LetterDocument): string {
  return doc.invoices
    .filter((invoice) => invoice.paymentLink)
    .map(
      (invoice) =>
        `<p style="margin:0 0 14px"><a href="${e(invoice.paymentLink ?? '')}" style="${BUTTON}">${e(doc.labels.payInvoice(invoice.number))}</a></p>`,
    )
    .join('\n');
}

function paymentBlock(doc: LetterDocument, withQr: boolean): string {
  if (!doc.payment) return '';
  const { reference, forTotal, transfer } = doc.payment;
  const label = forTotal ? doc.labels.referenceForTotal : doc.labels.reference;
  return [
    `<p style="margin:0 0 14px"><strong>${e(label)}:</strong> ${e(reference)}</p>`,
    forTotal ? `<p style="margin:0 0 14px">${e(forTotal.oneByOne)}</p>` : '',
    transfer ? `<p style="margin:0 0 14px">${e(transfer)}</p>` : '',
    withQr ? qrBlock(doc) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function qrBlock(doc: LetterDocument): string {
  const qrImage = doc.payment?.qrImage;
  return qrImage
    ? `<p style="margin:0 0 14px"><img src="${e(qrImage)}" alt="EPC QR" width="160" height="160" style="display:block"><br>${e(doc.labels.scanQr)}</p>`
    : '';
}

function selfServiceBlock(doc: LetterDocument): string {
  const url = doc.selfServiceUrl;
  if (doc.language === 'nl' || doc.language === 'en')
    return selfServiceLinkHtml({ language: doc.language, ...(url ? { selfServiceUrl: url } : {}) });
  if (!url || !isWebLink(url) || !doc.selfServiceSentence) return '';
  return `<p style="margin:0 0 14px">${e(doc.selfServiceSentence)}<br><a href="${e(url)}" style="color:#0b57d0">${e(url)}</a></p>`;
}

/** One part of the body: a paragraph of the template's words, or the block it names. */
function bodyPart(doc: LetterDocument, part: BodyPart): string {
  if ('text' in part) return paragraphs([part.text]);
  switch (part.block) {
    case 'invoiceTable':
      return [paragraphs(doc.disputed ?? []), invoiceTable(doc)].filter(Boolean).join('\n');
    case 'claimBlock':
      return [claimTable(doc), doc.offer ? paragraphs([doc.offer]) : ''].filter(Boolean).join('\n');
    case 'paymentBlock':
      return [payButtons(doc), paymentBlock(doc, !qrStandsApart(doc))].filter(Boolean).join('\n');
    case 'qr':
      return qrBlock(doc);
    case 'selfServiceBlock':
      return selfServiceBlock(doc);
  }
}

/** A template that places `{{qr}}` itself gets the QR code there, and not in the payment block. */
function qrStandsApart(doc: LetterDocument): boolean {
  return doc.words.body.some((part) => 'block' in part && part.block === 'qr');
}

function signature(doc: LetterDocument): string {
  if (!doc.creditor) return '';
  return `<p style="margin:0 0 14px">${e(doc.labels.signOff)}<br>${e(doc.creditor.name)}</p>`;
}

function footer(doc: LetterDocument): string {
  const { creditor, labels } = doc;
  if (!creditor) return '';
  const lines = [
    `<strong>${e(creditor.name)}</strong>`,
    ...(creditor.address ?? '').split('\n').filter(Boolean).map(e),
    creditor.email ? `${e(labels.email)}: ${e(creditor.email)}` : '',
    creditor.phone ? `${e(labels.phone)}: ${e(creditor.phone)}` : '',
    creditor.website ? `${e(labels.website)}: ${e(creditor.website)}` : '',
    creditor.iban ? `${e(labels.iban)}: ${e(creditor.iban)}` : '',
    creditor.kvkNumber ? `${e(labels.kvk)}: ${e(creditor.kvkNumber)}` : '',
    creditor.vatId ? `${e(labels.vatId)}: ${e(creditor.vatId)}` : '',
  ].filter(Boolean);
  return `<tr><td style="padding:16px;background:#f0f0f0;font-size:12px;color:#555555">${lines.join('<br>\n')}</td></tr>`;
}

export function htmlLetter(doc: LetterDocument): string {
  const { words } = doc;
  return `<!doctype html>
<html lang="${doc.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(words.subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222222">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:8px">
<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;max-width:640px;background:#ffffff;${WRAP}">
<tr><td style="padding:16px">
${doc.addressee ? `<p style="margin:0 0 14px">${doc.addressee.map(e).join('<br>')}</p>\n` : ''}<p style="margin:0 0 14px;color:#555555">${e(doc.labels.date)}: ${e(doc.date)}</p>
${words.body
  .map((part) => bodyPart(doc, part))
  .filter(Boolean)
  .join('\n')}
${signature(doc)}
</td></tr>
${footer(doc)}
</table>
</td></tr></table>
</body>
</html>
`;
}

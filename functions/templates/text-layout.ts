import type { BodyPart, LetterDocument } from './letter-document';
import { isWebLink } from './links';
import { selfServiceLinkText } from './self-service/letter-link';

function invoiceLines(doc: LetterDocument): string {
  const { labels } = doc;
  const lines = doc.invoices.map(
    (invoice) =>
      `- ${labels.invoiceNumber} ${invoice.number} | ${labels.dueDate} ${invoice.dueDate} | ` +
      `${labels.openAmount} ${invoice.openAmount} | ${labels.daysOverdueCount(invoice.daysOverdue)}` +
      (invoice.reference ? ` | ${labels.reference} ${invoice.reference}` : ''),
  );
  return [...lines, `${labels.total}: ${doc.total}`].join('\n');
}

function claimLines(doc: LetterDocument): string[] {
  const { claim } = doc;
  if (!claim) return [];
  const rows = claim.rows.flatMap((row) => [
    `- ${row.label}: ${row.amount}`,
    ...row.details.map((detail) => `  ${detail}`),
  ]);
  return [[claim.heading, ...rows, `${claim.total.label}: ${claim.total.amount}`].join('\n'), ...claim.notes];
}

function payLines(doc: LetterDocument): string[] {
  const links = doc.invoices
    .filter((invoice) => invoice.paymentLink)
    .map((invoice) => `${doc.labels.payInvoice(invoice.number)}: ${invoice.paymentLink}`);
  const payment = doc.payment
    ? [
        `${doc.payment.forTotal ? doc.labels.referenceForTotal : doc.labels.reference}: ${doc.payment.reference}`,
        doc.payment.forTotal?.oneByOne ?? '',
        doc.payment.transfer ?? '',
      ]
    : [];
  return [...links, ...payment].filter(Boolean);
}

function footerLines(doc: LetterDocument): string[] {
  const { creditor, labels } = doc;
  if (!creditor) return [];
  return [
    '--',
    creditor.name,
    ...(creditor.address ?? '').split('\n'),
    creditor.email ? `${labels.email}: ${creditor.email}` : '',
    creditor.phone ? `${labels.phone}: ${creditor.phone}` : '',
    creditor.website ? `${labels.website}: ${creditor.website}` : '',
    creditor.iban ? `${labels.iban}: ${creditor.iban}` : '',
    creditor.kvkNumber ? `${labels.kvk}: ${creditor.kvkNumber}` : '',
    creditor.vatId ? `${labels.vatId}: ${creditor.vatId}` : '',
  ].filter(Boolean);
}

function selfServiceLines(doc: LetterDocument): string {
  const url = doc.selfServiceUrl;
  if (doc.language === 'nl' || doc.language === 'en')
    return selfServiceLinkText({ language: doc.language, ...(url ? { selfServiceUrl: url } : {}) });
  if (!url || !isWebLink(url) || !doc.selfServiceSentence) return '';
  return `${doc.selfServiceSentence}\n${url}`;
}

/** The text blocks of one part of the body; the QR code has no text form. */
function bodyPart(doc: LetterDocument, part: BodyPart): string[] {
  if ('text' in part) return [part.text];
  switch (part.block) {
    case 'invoiceTable':
      return [...(doc.disputed ?? []), invoiceLines(doc)];
    case 'claimBlock':
      return [...claimLines(doc), doc.offer ?? ''];
    case 'paymentBlock':
      return [payLines(doc).join('\n')];
    case 'qr':
      return [];
    case 'selfServiceBlock':
      return [selfServiceLines(doc)];
  }
}

/** The same letter as the HTML, for mail clients that show text only; the QR image has no text form. */
export function textLetter(doc: LetterDocument): string {
  const { words } = doc;
  const blocks = [
    doc.addressee?.join('\n') ?? '',
    `${doc.labels.date}: ${doc.date}`,
    ...words.body.flatMap((part) => bodyPart(doc, part)),
    doc.creditor ? `${doc.labels.signOff}\n${doc.creditor.name}` : '',
    footerLines(doc).join('\n'),
  ];
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

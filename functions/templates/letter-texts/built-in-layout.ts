import type { LetterWords } from './letter-template';

/** Where version 1 puts the blocks: the invoices, the claim, how to pay, the debtor's own page. */
const ASKING_BLOCKS = ['{{invoiceTable}}', '{{claimBlock}}', '{{paymentBlock}}', '{{selfServiceBlock}}'];
/** A letter that asks no payment of us (the hand-over, the interruption letter) has no payment block. */
const TELLING_BLOCKS = ['{{invoiceTable}}', '{{claimBlock}}', '{{selfServiceBlock}}'];

/** A letter of version 1: the salutation, the opening paragraphs, the blocks, the closing paragraphs. */
export function asking(subject: string, intro: string[], closing: string[]): LetterWords {
  return { subject, body: ['{{salutation}}', ...intro, ...ASKING_BLOCKS, ...closing] };
}

export function telling(subject: string, intro: string[], closing: string[]): LetterWords {
  return { subject, body: ['{{salutation}}', ...intro, ...TELLING_BLOCKS, ...closing] };
}

/** `{{#name}}then{{/name}}{{^name}}otherwise{{/name}}`. */
export function either(name: string, then: string, otherwise: string): string {
  return `{{#${name}}}${then}{{/${name}}}{{^${name}}}${otherwise}{{/${name}}}`;
}

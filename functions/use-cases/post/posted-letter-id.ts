import type { LetterKey } from '../../ports/credit-store';

const SEPARATOR = '~';

/**
 * The id of a letter by post, which the print-and-mail service quotes back with its delivery:
 * the letter's day, step, currency and debtor, so that it finds the letter without an index.
 * The debtor's id comes last: whatever it holds, the first three separators split the rest.
 */
export function postedLetterId(key: LetterKey): string {
  return [key.day, key.slot, key.currency, key.debtorId].join(SEPARATOR);
}

/** The letter an id names, or undefined when the id is not one of ours. */
export function letterKeyOf(id: string): LetterKey | undefined {
  const [day, slot, currency, ...debtor] = id.split(SEPARATOR);
  const debtorId = debtor.join(SEPARATOR);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !slot || !currency || !debtorId) return undefined;
  return { day, slot, currency, debtorId };
}

/** Where the letter's PDF is kept in the printed-letters bucket: by day, for the retention rule and a person looking. */
export function pdfKeyOf(key: LetterKey): string {
  return `letters/${key.day}/${encodeURIComponent(postedLetterId(key))}.pdf`;
}

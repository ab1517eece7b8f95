import type { ContactPerson, DebtorKind } from '../core/ledger/debtor';

/** Who a letter is addressed to: the debtor, and the person there when the invoicing system names one. */
export interface Addressee {
  name: string;
  /** A business when not said. */
  kind?: DebtorKind;
  contact?: ContactPerson;
}

/** Dutch name particles (tussenvoegsels): where a surname such as "de Graaf" or "van den Berg" begins. */
const PARTICLES = new Set([
  'de',
  'den',
  'der',
  'van',
  'het',
  "'t",
  'te',
  'ten',
  'ter',
  'in',
  'op',
  'la',
  'le',
  'du',
]);

/**
 * The surname as it follows "heer" or "mevrouw": from the first particle after the first name on
 * ("Jan de Graaf" → "De Graaf", "J.P. van den Berg" → "Van den Berg"), else the last word
 * ("Anna Jansen" → "Jansen"), its first letter a capital, as a Dutch salutation writes it.
 */
export function surnameOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  if (words.length === 1) return capitalised(words[0] ?? fullName);
  if (PARTICLES.has((words[0] ?? '').toLowerCase())) return capitalised(words.join(' '));
  const particle = words.findIndex((word, index) => index > 0 && PARTICLES.has(word.toLowerCase()));
  return capitalised(words.slice(particle > 0 ? particle : words.length - 1).join(' '));
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('nl-NL') + text.slice(1);
}

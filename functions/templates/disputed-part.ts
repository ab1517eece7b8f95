import type { LetterLanguage } from './wording';

type Invoice = { number: string; disputed: string; asked: string };

const LINE: Record<LetterLanguage, (invoice: Invoice) => string> = {
  nl: ({ number, disputed, asked }) =>
    `Van factuur ${number} is ${disputed} betwist; dat deel laten wij buiten deze brief tot het bezwaar is afgehandeld, en wij vragen nu het onbetwiste bedrag van ${asked}.`,
  en: ({ number, disputed, asked }) =>
    `Of invoice ${number}, ${disputed} is disputed; we leave that part out of this letter until the dispute is resolved and ask now for the undisputed ${asked}.`,
  de: ({ number, disputed, asked }) =>
    `Von Rechnung ${number} sind ${disputed} bestritten; diesen Teil klammern wir aus diesem Schreiben aus, bis der Einwand geklärt ist, und bitten jetzt um den unbestrittenen Betrag von ${asked}.`,
  fr: ({ number, disputed, asked }) =>
    `Sur la facture ${number}, ${disputed} sont contestés ; nous laissons cette part en dehors de la présente lettre jusqu’au règlement de la contestation et demandons à présent le montant non contesté de ${asked}.`,
};

/**
 * The one line a letter adds for an invoice disputed in part: the letter asks only for the
 * undisputed rest, and says why. Amounts come formatted in the letter's language.
 */
export function disputedPartLine(language: LetterLanguage, invoice: Invoice): string {
  return LINE[language](invoice);
}

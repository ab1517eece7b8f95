/**
 * The one line a letter adds for an invoice disputed in part: the letter asks only for the
 * undisputed rest, and says why. Amounts come formatted in the letter's language.
 */
export function disputedPartLine(
  language: 'nl' | 'en',
  invoice: { number: string; disputed: string; asked: string },
): string {
  return language === 'nl'
    ? `Van factuur ${invoice.number} is ${invoice.disputed} betwist; dat deel laten wij buiten deze brief tot het bezwaar is afgehandeld, en wij vragen nu het onbetwiste bedrag van ${invoice.asked}.`
    : `Of invoice ${invoice.number}, ${invoice.disputed} is disputed; we leave that part out of this letter until the dispute is resolved and ask now for the undisputed ${invoice.asked}.`;
}

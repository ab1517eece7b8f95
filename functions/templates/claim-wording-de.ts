import type { ClaimWording } from './wording';

export const germanClaim: ClaimWording = {
  heading: (date) => `Ihre Forderung zum ${date}`,
  principal: 'Hauptforderung',
  interest: {
    business: 'Gesetzliche Handelszinsen (Art. 6:119a niederländisches BGB)',
    consumer: 'Gesetzliche Zinsen (Art. 6:119 niederländisches BGB)',
  },
  period: (ratePercent, from, to, days) =>
    `${ratePercent} vom ${from} bis einschließlich ${to} (${days === 1 ? '1 Tag' : `${days} Tage`})`,
  ofInvoice: (invoiceNumber, line) => `Rechnung ${invoiceNumber}: ${line}`,
  costs: {
    'fixed-compensation': 'Pauschale für Beitreibungskosten (Art. 6:96 Abs. 4 niederländisches BGB)',
    'wik-scale': 'Außergerichtliche Inkassokosten (Art. 6:96 niederländisches BGB)',
  },
  vat: 'Umsatzsteuer auf die Inkassokosten',
  total: 'Gesamtbetrag fällig',
  notYetDue: 'noch nicht fällig',
  interestContinues: {
    business: 'Auf die Hauptforderung laufen die gesetzlichen Handelszinsen bis zum Tag der Zahlung weiter.',
    consumer: 'Auf die Hauptforderung laufen die gesetzlichen Zinsen bis zum Tag der Zahlung weiter.',
  },
  interestClaimedSeparately: {
    business:
      'Die gesetzlichen Handelszinsen sind nicht enthalten, weil der Zinssatz für diesen Zeitraum noch nicht bekannt ist. Wir stellen die gesetzlichen Handelszinsen gesondert in Rechnung.',
    consumer:
      'Die gesetzlichen Zinsen sind nicht enthalten, weil der Zinssatz für diesen Zeitraum noch nicht bekannt ist. Wir stellen die gesetzlichen Zinsen gesondert in Rechnung.',
  },
  settlementOffer: (amount, date) =>
    `Wenn Sie ${amount} bis zum ${date} bezahlen, verzichten wir auf Zinsen und Kosten.`,
};

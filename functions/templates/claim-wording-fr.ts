import type { ClaimWording } from './wording';

export const frenchClaim: ClaimWording = {
  heading: (date) => `Votre dette au ${date}`,
  principal: 'Principal',
  interest: {
    business: 'Intérêts légaux commerciaux (art. 6:119a du Code civil néerlandais)',
    consumer: 'Intérêts légaux (art. 6:119 du Code civil néerlandais)',
  },
  period: (ratePercent, from, to, days) =>
    `${ratePercent} du ${from} au ${to} inclus (${days === 1 ? '1 jour' : `${days} jours`})`,
  ofInvoice: (invoiceNumber, line) => `facture ${invoiceNumber} : ${line}`,
  costs: {
    'fixed-compensation':
      'Indemnité pour frais de recouvrement (art. 6:96, al. 4, du Code civil néerlandais)',
    'wik-scale': 'Frais de recouvrement extrajudiciaires (art. 6:96 du Code civil néerlandais)',
  },
  vat: 'TVA sur les frais de recouvrement',
  total: 'Total dû',
  notYetDue: 'pas encore dû',
  interestContinues: {
    business:
      'Les intérêts légaux commerciaux sur le principal continuent de courir jusqu’au jour du paiement.',
    consumer: 'Les intérêts légaux sur le principal continuent de courir jusqu’au jour du paiement.',
  },
  interestClaimedSeparately: {
    business:
      'Les intérêts légaux commerciaux ne sont pas inclus, car le taux pour cette période n’est pas encore connu. Nous réclamerons les intérêts légaux commerciaux séparément.',
    consumer:
      'Les intérêts légaux ne sont pas inclus, car le taux pour cette période n’est pas encore connu. Nous réclamerons les intérêts légaux séparément.',
  },
  settlementOffer: (amount, date) =>
    `Si vous payez ${amount} au plus tard le ${date}, nous renonçons aux intérêts et aux frais.`,
};

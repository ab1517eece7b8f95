import type { ClaimWording } from './wording';

export const dutchClaim: ClaimWording = {
  heading: (date) => `Uw vordering per ${date}`,
  principal: 'Hoofdsom',
  interest: {
    business: 'Wettelijke handelsrente (art. 6:119a BW)',
    consumer: 'Wettelijke rente (art. 6:119 BW)',
  },
  period: (ratePercent, from, to, days) =>
    `${ratePercent} over ${from} t/m ${to} (${days === 1 ? '1 dag' : `${days} dagen`})`,
  ofInvoice: (invoiceNumber, line) => `factuur ${invoiceNumber}: ${line}`,
  costs: {
    'fixed-compensation': 'Vergoeding voor buitengerechtelijke incassokosten (art. 6:96 lid 4 BW)',
    'wik-scale': 'Buitengerechtelijke incassokosten (art. 6:96 BW)',
  },
  vat: 'Btw over de incassokosten',
  total: 'Totaal verschuldigd',
  notYetDue: 'nog niet verschuldigd',
  interestContinues: {
    business: 'Over de hoofdsom loopt de wettelijke handelsrente door tot de dag van betaling.',
    consumer: 'Over de hoofdsom loopt de wettelijke rente door tot de dag van betaling.',
  },
  interestClaimedSeparately: {
    business:
      'De wettelijke handelsrente is hierin niet opgenomen, omdat het rentepercentage over deze periode nog niet bekend is. Wij brengen de wettelijke handelsrente afzonderlijk in rekening.',
    consumer:
      'De wettelijke rente is hierin niet opgenomen, omdat het rentepercentage over deze periode nog niet bekend is. Wij brengen de wettelijke rente afzonderlijk in rekening.',
  },
  settlementOffer: (amount, date) =>
    `Betaalt u ${amount} uiterlijk ${date}, dan zien wij af van rente en kosten.`,
};

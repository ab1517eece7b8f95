import type { ClaimWording } from './wording';

export const englishClaim: ClaimWording = {
  heading: (date) => `Your claim as of ${date}`,
  principal: 'Principal',
  interest: {
    business: 'Statutory commercial interest (art. 6:119a Dutch Civil Code)',
    consumer: 'Statutory interest (art. 6:119 Dutch Civil Code)',
  },
  period: (ratePercent, from, to, days) =>
    `${ratePercent} from ${from} to ${to} inclusive (${days === 1 ? '1 day' : `${days} days`})`,
  ofInvoice: (invoiceNumber, line) => `invoice ${invoiceNumber}: ${line}`,
  costs: {
    'fixed-compensation': 'Compensation for recovery costs (art. 6:96(4) Dutch Civil Code)',
    'wik-scale': 'Extrajudicial collection costs (art. 6:96 Dutch Civil Code)',
  },
  vat: 'VAT on the collection costs',
  total: 'Total due',
  notYetDue: 'not yet due',
  interestContinues: {
    business: 'Statutory commercial interest on the principal continues to accrue until the day of payment.',
    consumer: 'Statutory interest on the principal continues to accrue until the day of payment.',
  },
  interestClaimedSeparately: {
    business:
      'Statutory commercial interest is not included, because the rate for this period is not known yet. We will claim the statutory commercial interest separately.',
    consumer:
      'Statutory interest is not included, because the rate for this period is not known yet. We will claim the statutory interest separately.',
  },
  settlementOffer: (amount, date) => `If you pay ${amount} by ${date}, we waive interest and costs.`,
};

import { frenchClaim } from './claim-wording-fr';
import { surnameOf } from './salutation';
import type { Wording } from './wording';

export const french: Wording = {
  language: 'fr',
  locale: 'fr-FR',
  labels: {
    date: 'Date',
    invoiceNumber: 'Numéro de facture',
    dueDate: 'Échéance',
    openAmount: 'Montant dû',
    daysOverdue: 'Jours de retard',
    daysOverdueCount: (days) => (days === 1 ? '1 jour de retard' : `${days} jours de retard`),
    total: 'Total dû',
    payInvoice: (number) => `Payer la facture ${number}`,
    reference: 'Référence de paiement',
    referenceForTotal: 'Référence de paiement pour le total',
    payOneByOne:
      'Vous réglez une facture séparément ? Indiquez alors la référence de paiement de cette facture, qui figure avec la facture ci-dessus.',
    transfer: (iban, creditorName) =>
      `Vous pouvez aussi virer le montant sur le compte ${iban} au nom de ${creditorName}, en indiquant la référence de paiement, afin que nous puissions rapprocher votre paiement immédiatement.`,
    scanQr: 'Scannez avec votre application bancaire',
    signOff: 'Cordialement,',
    email: 'E-mail',
    phone: 'Téléphone',
    website: 'Site web',
    iban: 'IBAN',
    kvk: 'Chambre de commerce (KvK)',
    vatId: 'N° de TVA',
  },
  salutation: ({ contact }) => {
    if (!contact) return 'Madame, Monsieur,';
    return `${contact.salutation === 'mr' ? 'Monsieur' : 'Madame'} ${surnameOf(contact.name)},`;
  },
  addresseeLines: ({ name, kind, contact }) => {
    if (kind === 'consumer') return [name];
    const person = contact && `${contact.salutation === 'mr' ? 'M.' : 'Mme'} ${contact.name}`;
    return [name, `À l’attention de ${person ?? 'la comptabilité fournisseurs'}`];
  },
  claim: frenchClaim,
  fourteenDay: {
    term: 'dans un délai de 14 jours à compter du lendemain de la réception de la présente lettre',
    consequence:
      'Si vous ne payez pas dans ce délai, vous serez redevable, en plus du montant dû, de frais de recouvrement extrajudiciaires',
  },
  selfServiceSentence:
    'Vous préférez régler cela vous-même ? Sur votre page personnelle, vous pouvez payer, indiquer une date de paiement, contester une facture, demander un échéancier ou être rappelé :',
};

import type { Tone } from '../core/dunning/dunning-slot';
import { dutchClaim } from './claim-wording-nl';
import { surnameOf } from './salutation';
import type { LetterFacts, NoteWording, Wording } from './wording';

function oneOrMany(facts: LetterFacts, one: string, many: string): string {
  return facts.invoiceNumbers.length === 1 ? one : many;
}

function invoicesBelow(facts: LetterFacts): string {
  return oneOrMany(facts, 'onderstaande factuur', 'onderstaande facturen');
}

const CALL_TONE: Record<Tone, string> = {
  friendly: 'vriendelijk en behulpzaam',
  firm: 'vriendelijk maar stellig',
  formal: 'formeel: er zijn al meerdere herinneringen verstuurd',
  final: 'formeel: dit is de laatste stap vóór het incassobureau',
};

export const dutch: Wording = {
  language: 'nl',
  locale: 'nl-NL',
  labels: {
    date: 'Datum',
    invoiceNumber: 'Factuurnummer',
    dueDate: 'Vervaldatum',
    openAmount: 'Openstaand bedrag',
    daysOverdue: 'Dagen te laat',
    daysOverdueCount: (days) => (days === 1 ? '1 dag te laat' : `${days} dagen te laat`),
    total: 'Totaal openstaand',
    payInvoice: (number) => `Betaal factuur ${number}`,
    reference: 'Betalingskenmerk',
    referenceForTotal: 'Betalingskenmerk voor het totaal',
    payOneByOne:
      'Betaalt u een factuur apart? Vermeld dan het betalingskenmerk van die factuur, dat bij de factuur hierboven staat.',
    transfer: (iban, creditorName) =>
      `U kunt ook overmaken naar ${iban} ten name van ${creditorName}, onder vermelding van het betalingskenmerk; dan verwerken wij uw betaling direct.`,
    scanQr: 'Scan met uw bank-app',
    signOff: 'Met vriendelijke groet,',
    email: 'E-mail',
    phone: 'Telefoon',
    website: 'Website',
    iban: 'IBAN',
    kvk: 'KvK',
    vatId: 'Btw-id',
  },
  salutation: (addressee, tone) => {
    const { contact } = addressee;
    if (!contact) return tone === 'friendly' ? 'Beste relatie,' : 'Geachte heer, mevrouw,';
    const title = contact.salutation === 'mr' ? 'heer' : 'mevrouw';
    return `${tone === 'friendly' ? 'Beste' : 'Geachte'} ${title} ${surnameOf(contact.name)},`;
  },
  addresseeLines: ({ name, kind, contact }) => {
    if (kind === 'consumer') return [name];
    const person = contact && `${contact.salutation === 'mr' ? 'de heer' : 'mevrouw'} ${contact.name}`;
    return [name, `t.a.v. ${person ?? 'de crediteurenadministratie'}`];
  },
  claim: dutchClaim,
  fourteenDay: {
    term: 'binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief',
    consequence:
      'Betaalt u niet binnen deze termijn, dan bent u naast het openstaande bedrag buitengerechtelijke incassokosten verschuldigd',
  },
};

export const dutchNotes: NoteWording = {
  callTask: (facts) => ({
    subject: `Bellen: ${facts.debtorName}, ${facts.total} open`,
    greeting: 'Hallo,',
    intro: [
      `Bel ${facts.debtorName} over ${invoicesBelow(facts)}: er staat ${facts.total} open. Toon van het gesprek: ${CALL_TONE[facts.tone]}.`,
    ],
    closing: [
      'Leg de uitkomst vast: geen gehoor, betaalbelofte, geschil of verkeerd contact. Zonder uitkomst gaat de aanmaning aan het eind van het belvenster verder.',
    ],
  }),
  accountManagerAlert: (facts) => ({
    subject: `Actie gevraagd: ${facts.debtorName} betaalt niet (${facts.total} open)`,
    greeting: 'Hallo,',
    intro: [
      `Uw klant ${facts.debtorName} heeft ${invoicesBelow(facts)} na herhaalde herinneringen nog niet betaald. Er staat ${facts.total} open.`,
    ],
    closing: [
      'Wilt u persoonlijk contact opnemen met uw klant? Nieuwe orders op rekening zijn geblokkeerd tot de achterstand is opgelost.',
    ],
  }),
};

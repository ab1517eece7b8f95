import type { Tone } from '../core/dunning/dunning-slot';
import { dutchClaim } from './claim-wording-nl';
import { surnameOf } from './salutation';
import type { LetterFacts, Wording } from './wording';

function oneOrMany(facts: LetterFacts, one: string, many: string): string {
  return facts.invoiceNumbers.length === 1 ? one : many;
}

function invoicesBelow(facts: LetterFacts): string {
  return oneOrMany(facts, 'onderstaande factuur', 'onderstaande facturen');
}

function aboutInvoices(facts: LetterFacts): string {
  const [first] = facts.invoiceNumbers;
  return facts.invoiceNumbers.length === 1 ? `factuur ${first}` : `${facts.invoiceNumbers.length} facturen`;
}

/** By when: "binnen 14 dagen na ontvangst van deze brief, uiterlijk op 3 maart 2026" or "uiterlijk op …". */
function byWhen(facts: LetterFacts, otherwise: string): string {
  const { demand } = facts;
  if (!demand) return otherwise;
  const term = demand.termDays ? `binnen ${demand.termDays} dagen na ontvangst van deze brief, ` : '';
  return `${term}uiterlijk op ${demand.payBy}`;
}

/** What follows a final notice: the hand-over on its day, to the agency by name where configured. */
function handOverSentence(facts: LetterFacts): string {
  const handOver = facts.demand?.handOver;
  const agency = handOver?.agency ?? 'een incassobureau';
  if (facts.demand && facts.offerNamesPayBy)
    return `Blijft betaling uit, dan dragen wij de vordering ${handOver ? `op ${handOver.on} ` : ''}over aan ${agency}. De kosten daarvan kunnen voor uw rekening komen.`;
  if (facts.demand && !handOver)
    return `Hebben wij het openstaande bedrag van ${facts.total} niet uiterlijk op ${facts.demand.payBy} ontvangen, dan dragen wij de vordering over aan een incassobureau. De kosten daarvan kunnen voor uw rekening komen.`;
  if (!handOver || !facts.demand)
    return `Ontvangen wij het openstaande bedrag van ${facts.total} niet op zeer korte termijn, dan dragen wij de vordering zonder nadere aankondiging over aan een incassobureau. De kosten daarvan kunnen voor uw rekening komen.`;
  return `Hebben wij het openstaande bedrag van ${facts.total} niet uiterlijk op ${facts.demand.payBy} ontvangen, dan dragen wij de vordering op ${handOver.on} over aan ${agency}. De kosten daarvan kunnen voor uw rekening komen.`;
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
  paymentReminder: {
    friendly: (facts) => ({
      subject: `Herinnering: ${aboutInvoices(facts)} ${oneOrMany(facts, 'staat', 'staan')} nog open`,
      greeting: facts.salutation,
      intro: [
        `Wellicht is het aan uw aandacht ontsnapt, maar wij hebben de betaling van ${invoicesBelow(facts)} nog niet ontvangen.`,
      ],
      closing: [
        `Wilt u het openstaande bedrag van ${facts.total} ${byWhen(facts, 'zo snel mogelijk')} betalen? Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen.`,
        'Heeft u vragen over de factuur? Neem dan gerust contact met ons op, wij helpen u graag.',
      ],
    }),
    firm: (facts) => ({
      subject: `Betalingsherinnering: ${aboutInvoices(facts)} ${oneOrMany(facts, 'is', 'zijn')} vervallen`,
      greeting: facts.salutation,
      intro: [
        `Wij hebben de betaling van ${invoicesBelow(facts)} nog niet ontvangen, terwijl de betalingstermijn inmiddels is verstreken.`,
      ],
      closing: [
        `Wij verzoeken u het openstaande bedrag van ${facts.total} ${byWhen(facts, 'per omgaande')} te betalen.`,
        'Kunt u niet direct betalen, of klopt er iets niet aan de factuur? Neem dan vandaag nog contact met ons op, zodat wij samen een oplossing kunnen vinden.',
      ],
    }),
    formal: (facts) => ({
      subject: `Aanmaning: ${aboutInvoices(facts)}`,
      greeting: facts.salutation,
      intro: [
        `Ondanks onze eerdere herinneringen hebben wij de betaling van ${invoicesBelow(facts)} nog altijd niet ontvangen.`,
      ],
      closing: [
        `Wij sommeren u het openstaande bedrag van ${facts.total} ${byWhen(facts, 'per omgaande')} te voldoen.`,
        'Blijft betaling uit, dan zijn wij genoodzaakt verdere stappen te nemen. De kosten daarvan kunnen voor uw rekening komen.',
      ],
    }),
    final: (facts) => ({
      subject: `Laatste aanmaning vóór incasso: ${aboutInvoices(facts)}`,
      greeting: facts.salutation,
      intro: [
        `Dit is onze laatste aanmaning. Ondanks herhaalde verzoeken ${oneOrMany(facts, 'is', 'zijn')} ${invoicesBelow(facts)} nog altijd niet betaald.`,
      ],
      closing: [
        handOverSentence(facts),
        'Dit is uw laatste gelegenheid om de zaak zonder tussenkomst van derden af te handelen.',
      ],
    }),
  },
  fourteenDayLetter: (facts) => ({
    subject: `Aanmaning: betaal ${aboutInvoices(facts)} binnen 14 dagen zonder extra kosten`,
    greeting: facts.salutation,
    intro: [
      `Ondanks onze eerdere herinneringen hebben wij de betaling van ${invoicesBelow(facts)} nog niet ontvangen.`,
    ],
    closing: [
      `U kunt het openstaande bedrag van ${facts.total} nog zonder extra kosten betalen binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief. Betaal daarom uiterlijk op ${facts.termEndsOn}.`,
      `Betaalt u niet binnen deze termijn, dan bent u naast het openstaande bedrag buitengerechtelijke incassokosten verschuldigd van ${facts.costs} (artikel 6:96 Burgerlijk Wetboek), en dragen wij de vordering over aan een incassobureau.`,
      'Kunt u niet in één keer betalen? Neem dan contact met ons op, dan bespreken wij graag een betalingsregeling.',
    ],
  }),
  collectionAgencyHandover: (facts) => ({
    subject: `Overgedragen aan een incassobureau: ${aboutInvoices(facts)}`,
    greeting: facts.salutation,
    intro: [
      `Ondanks onze herinneringen en onze laatste aanmaning hebben wij de betaling van ${invoicesBelow(facts)} niet ontvangen. Wij hebben de vordering van ${facts.total} daarom uit handen gegeven aan een incassobureau.`,
    ],
    closing: [
      'Het incassobureau neemt binnenkort contact met u op. Vanaf nu verloopt alle contact over deze vordering via het incassobureau. De kosten van de incasso kunnen voor uw rekening komen.',
    ],
  }),
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
  interruptionLetter: (facts) => ({
    subject: `Stuiting van de verjaring: ${aboutInvoices(facts)}`,
    greeting: `Geachte ${facts.debtorName},`,
    intro: [
      `Volgens onze administratie is ${invoicesBelow(facts)} nog niet betaald. Er staat ${facts.total} open.`,
    ],
    closing: [
      'Wij behouden ons hierbij uitdrukkelijk ons recht op nakoming voor. Met deze brief stuiten wij de verjaring van onze vordering (artikel 3:317 Burgerlijk Wetboek): de verjaringstermijn begint opnieuw te lopen.',
      'Wij verzoeken u het openstaande bedrag alsnog te betalen. Heeft u vragen, of kunt u niet in één keer betalen? Neem dan contact met ons op.',
    ],
  }),
};

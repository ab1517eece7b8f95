import { germanClaim } from './claim-wording-de';
import { surnameOf } from './salutation';
import type { Wording } from './wording';

export const german: Wording = {
  language: 'de',
  locale: 'de-DE',
  labels: {
    date: 'Datum',
    invoiceNumber: 'Rechnungsnummer',
    dueDate: 'Fälligkeitsdatum',
    openAmount: 'Offener Betrag',
    daysOverdue: 'Tage überfällig',
    daysOverdueCount: (days) => (days === 1 ? '1 Tag überfällig' : `${days} Tage überfällig`),
    total: 'Offen insgesamt',
    payInvoice: (number) => `Rechnung ${number} bezahlen`,
    reference: 'Zahlungsreferenz',
    referenceForTotal: 'Zahlungsreferenz für den Gesamtbetrag',
    payOneByOne:
      'Sie bezahlen eine Rechnung einzeln? Geben Sie dann bitte die Zahlungsreferenz dieser Rechnung an, die oben bei der Rechnung steht.',
    transfer: (iban, creditorName) =>
      `Sie können den Betrag auch auf das Konto ${iban} von ${creditorName} überweisen und dabei die Zahlungsreferenz angeben; dann können wir Ihre Zahlung sofort zuordnen.`,
    scanQr: 'Mit Ihrer Banking-App scannen',
    signOff: 'Mit freundlichen Grüßen',
    email: 'E-Mail',
    phone: 'Telefon',
    website: 'Website',
    iban: 'IBAN',
    kvk: 'Handelsregister (KvK)',
    vatId: 'USt-IdNr.',
  },
  salutation: ({ contact }) => {
    if (!contact) return 'Sehr geehrte Damen und Herren,';
    return contact.salutation === 'mr'
      ? `Sehr geehrter Herr ${surnameOf(contact.name)},`
      : `Sehr geehrte Frau ${surnameOf(contact.name)},`;
  },
  addresseeLines: ({ name, kind, contact }) => {
    if (kind === 'consumer') return [name];
    const person = contact && `${contact.salutation === 'mr' ? 'Herrn' : 'Frau'} ${contact.name}`;
    return [name, `z. Hd. ${person ?? 'Kreditorenbuchhaltung'}`];
  },
  claim: germanClaim,
  fourteenDay: {
    term: 'innerhalb von 14 Tagen, gerechnet ab dem Tag nach Erhalt dieses Schreibens,',
    consequence:
      'Zahlen Sie nicht innerhalb dieser Frist, schulden Sie zusätzlich zum offenen Betrag außergerichtliche Inkassokosten',
  },
  selfServiceSentence:
    'Lieber selbst erledigen? Auf Ihrer eigenen Seite können Sie bezahlen, einen Zahlungstermin nennen, einer Rechnung widersprechen, eine Ratenzahlung oder einen Rückruf anfragen:',
};

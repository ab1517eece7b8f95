import type { DebtorUpsertedData } from '../../functions/api/schemas/webhook-events';
import type { PaymentBehaviour } from './payment-behaviour';

/** A debtor of the demo portfolio: who it is (as the invoicing system sends it) and how it pays. */
export interface DemoDebtor {
  debtor: DebtorUpsertedData;
  behaviour: PaymentBehaviour;
  invoiceCount: number;
  /** Range of one invoice's total, in cents. */
  amounts: readonly [number, number];
  termsDays: number;
  /**
   * Invoices due 35 to 60 days ago that were paid late before the demo began: the history from
   * which the system itself derives the chronic-late segment (no override needed).
   */
  lateHistory?: number;
}

const MANAGERS = {
  sanne: { name: 'Sanne Verhoeven', email: 's.verhoeven@sales.example.nl' },
  ruben: { name: 'Ruben Kuipers', email: 'r.kuipers@sales.example.nl' },
  maaike: { name: 'Maaike Post', email: 'm.post@sales.example.nl' },
} as const;

type Address = NonNullable<DebtorUpsertedData['address']>;
/** A debtor before it gets its id from its place in the cast. */
type CastEntry = Omit<DemoDebtor, 'debtor'> & { debtor: Omit<DebtorUpsertedData, 'id'> };

function nl(line1: string, postalCode: string, city: string): Address {
  return { line1, postalCode, city, country: 'NL' };
}

interface BusinessSpec {
  name: string;
  email?: string;
  language?: 'nl' | 'en';
  phone?: string;
  /** The person letters address by name. */
  contact?: DebtorUpsertedData['contact'];
  address: Address;
  manager: keyof typeof MANAGERS;
  /** Euros. */
  creditLimit: number;
  segment?: string;
  behaviour: PaymentBehaviour;
  invoiceCount: number;
  /** Euros. */
  amounts: readonly [number, number];
  termsDays?: number;
  lateHistory?: number;
}

interface ConsumerSpec {
  name: string;
  email?: string;
  language?: 'nl' | 'en';
  phone?: string;
  address: Address;
  behaviour: PaymentBehaviour;
  invoiceCount: number;
  /** Euros. */
  amounts?: readonly [number, number];
}

function business(spec: BusinessSpec): CastEntry {
  return {
    debtor: {
      name: spec.name,
      kind: 'business',
      language: spec.language ?? 'nl',
      ...(spec.email ? { email: spec.email } : {}),
      ...(spec.phone ? { phone: spec.phone } : {}),
      ...(spec.contact ? { contact: spec.contact } : {}),
      address: spec.address,
      accountManager: MANAGERS[spec.manager],
      creditLimit: { amount: spec.creditLimit * 100, currency: 'EUR' },
      ...(spec.segment ? { segment: spec.segment } : {}),
    },
    behaviour: spec.behaviour,
    invoiceCount: spec.invoiceCount,
    amounts: [spec.amounts[0] * 100, spec.amounts[1] * 100],
    termsDays: spec.termsDays ?? 30,
    ...(spec.lateHistory ? { lateHistory: spec.lateHistory } : {}),
  };
}

function consumer(spec: ConsumerSpec): CastEntry {
  const [min, max] = spec.amounts ?? [45, 900];
  return {
    debtor: {
      name: spec.name,
      kind: 'consumer',
      language: spec.language ?? 'nl',
      ...(spec.email ? { email: spec.email } : {}),
      ...(spec.phone ? { phone: spec.phone } : {}),
      address: spec.address,
    },
    behaviour: spec.behaviour,
    invoiceCount: spec.invoiceCount,
    amounts: [min * 100, max * 100],
    termsDays: 14,
  };
}

/**
 * Forty debtors of a Dutch wholesaler: mostly Dutch businesses, a few English-speaking ones
 * abroad, and a dozen consumers. Three have no email address, so their letters become tasks.
 */
const CAST = [
  // Prompt payers: their invoices are paid before the due date and never see a reminder.
  business({
    name: 'Bakkerij De Vries B.V.',
    email: 'administratie@bakkerijdevries.example.nl',
    phone: '+31 30 555 0101',
    address: nl('Oudegracht 112', '3511 AW', 'Utrecht'),
    manager: 'sanne',
    creditLimit: 15_000,
    behaviour: 'prompt',
    invoiceCount: 10,
    amounts: [120, 1_800],
  }),
  business({
    name: 'Van der Linden Installatietechniek B.V.',
    email: 'facturen@vanderlinden-installatie.example.nl',
    phone: '+31 33 555 0102',
    address: nl('De Brand 24', '3823 LJ', 'Amersfoort'),
    manager: 'ruben',
    creditLimit: 50_000,
    behaviour: 'prompt',
    invoiceCount: 9,
    amounts: [400, 9_500],
  }),
  business({
    name: 'Hollandse Kaashandel B.V.',
    email: 'crediteuren@hollandsekaas.example.nl',
    phone: '+31 182 555 0103',
    address: nl('Markt 35', '2801 JK', 'Gouda'),
    manager: 'sanne',
    creditLimit: 30_000,
    behaviour: 'prompt',
    invoiceCount: 11,
    amounts: [250, 4_800],
  }),
  business({
    name: 'Koffiebranderij Het Anker',
    email: 'boekhouding@hetanker.example.nl',
    phone: '+31 38 555 0104',
    address: nl('Diezerstraat 8', '8011 RH', 'Zwolle'),
    manager: 'maaike',
    creditLimit: 10_000,
    behaviour: 'prompt',
    invoiceCount: 8,
    amounts: [90, 1_500],
  }),
  business({
    name: 'Architectenbureau Smit & Visser',
    email: 'admin@smitvisser.example.nl',
    phone: '+31 23 555 0105',
    address: nl('Nieuwe Gracht 71', '2011 NG', 'Haarlem'),
    manager: 'ruben',
    creditLimit: 60_000,
    behaviour: 'prompt',
    invoiceCount: 6,
    amounts: [1_200, 14_000],
  }),
  business({
    name: 'Drukkerij Van Dijk B.V.',
    email: 'facturen@drukkerijvandijk.example.nl',
    phone: '+31 40 555 0106',
    address: nl('Hurksestraat 19', '5652 AH', 'Eindhoven'),
    manager: 'maaike',
    creditLimit: 25_000,
    behaviour: 'prompt',
    invoiceCount: 9,
    amounts: [300, 6_000],
  }),
  business({
    name: 'Nordic Design AB',
    email: 'accounts@nordicdesign.example.com',
    language: 'en',
    address: { line1: 'Hornsgatan 54', postalCode: '118 21', city: 'Stockholm', country: 'SE' },
    manager: 'sanne',
    creditLimit: 40_000,
    behaviour: 'prompt',
    invoiceCount: 7,
    amounts: [800, 12_000],
  }),
  business({
    name: 'Technisch Bureau Mulder',
    email: 'administratie@tbmulder.example.nl',
    phone: '+31 55 555 0108',
    address: nl('Vosselmanstraat 300', '7311 CL', 'Apeldoorn'),
    manager: 'ruben',
    creditLimit: 20_000,
    behaviour: 'prompt',
    invoiceCount: 8,
    amounts: [200, 3_500],
  }),
  business({
    name: 'Fietsenmakerij Bakker',
    email: 'info@fietsenbakker.example.nl',
    phone: '+31 71 555 0109',
    address: nl('Haarlemmerstraat 201', '2312 DR', 'Leiden'),
    manager: 'maaike',
    creditLimit: 5_000,
    behaviour: 'prompt',
    invoiceCount: 6,
    amounts: [45, 600],
  }),
  // Occasional late payers: now and then a payment comes a few days after the first reminder.
  business({
    name: 'Groen & Zonen Hoveniers',
    contact: { name: 'Petra van Groen', salutation: 'ms' },
    email: 'administratie@groenenzonen.example.nl',
    phone: '+31 172 555 0110',
    address: nl('Laag Boskoop 40', '2771 GZ', 'Boskoop'),
    manager: 'sanne',
    creditLimit: 20_000,
    behaviour: 'occasional-late',
    invoiceCount: 8,
    amounts: [150, 4_000],
  }),
  business({
    name: 'De Boer Transport B.V.',
    email: 'crediteuren@deboertransport.example.nl',
    phone: '+31 77 555 0111',
    address: nl('Celsiusweg 12', '5928 PR', 'Venlo'),
    manager: 'ruben',
    creditLimit: 45_000,
    behaviour: 'occasional-late',
    invoiceCount: 10,
    amounts: [500, 8_500],
  }),
  business({
    // No email address on file: every letter becomes a task for a credit controller.
    name: 'Restaurant De Gouden Leeuw',
    phone: '+31 43 555 0112',
    address: nl('Vrijthof 18', '6211 LD', 'Maastricht'),
    manager: 'maaike',
    creditLimit: 8_000,
    behaviour: 'occasional-late',
    invoiceCount: 7,
    amounts: [90, 1_900],
  }),
  business({
    name: 'Brightwater Consulting Ltd',
    email: 'accounts.payable@brightwater.example.com',
    language: 'en',
    address: { line1: '14 Baggot Street Lower', postalCode: 'D02 X658', city: 'Dublin', country: 'IE' },
    manager: 'ruben',
    creditLimit: 35_000,
    behaviour: 'occasional-late',
    invoiceCount: 7,
    amounts: [900, 9_000],
  }),
  business({
    name: 'Schildersbedrijf Meijer',
    email: 'info@schildersmeijer.example.nl',
    phone: '+31 73 555 0114',
    address: nl('Hinthamerstraat 90', '5211 MS', "'s-Hertogenbosch"),
    manager: 'sanne',
    creditLimit: 12_000,
    behaviour: 'occasional-late',
    invoiceCount: 9,
    amounts: [150, 2_800],
  }),
  business({
    name: 'Verhuisbedrijf Dekker',
    email: 'facturen@dekkerverhuizingen.example.nl',
    phone: '+31 10 555 0115',
    address: nl('Schiedamseweg 210', '3025 AH', 'Rotterdam'),
    manager: 'maaike',
    creditLimit: 15_000,
    behaviour: 'occasional-late',
    invoiceCount: 8,
    amounts: [250, 3_200],
  }),
  // Chronic late payers: they pay after the second reminder or the call. The first three earn
  // the segment from their history; the last two had it set by hand.
  business({
    name: 'Jansen Bouwmaterialen B.V.',
    contact: { name: 'Ingrid Jansen', salutation: 'ms' },
    email: 'crediteuren@jansenbouw.example.nl',
    phone: '+31 570 555 0116',
    address: nl('Hanzeweg 3', '7418 AW', 'Deventer'),
    manager: 'ruben',
    creditLimit: 40_000,
    behaviour: 'chronic-late',
    invoiceCount: 9,
    amounts: [600, 11_000],
    lateHistory: 4,
  }),
  business({
    name: 'Autobedrijf De Graaf',
    contact: { name: 'Jan de Graaf', salutation: 'mr' },
    email: 'administratie@autodegraaf.example.nl',
    phone: '+31 13 555 0117',
    address: nl('Ringbaan-West 240', '5038 KE', 'Tilburg'),
    manager: 'sanne',
    creditLimit: 25_000,
    behaviour: 'chronic-late',
    invoiceCount: 7,
    amounts: [300, 7_500],
    lateHistory: 4,
  }),
  business({
    name: 'Kapsalon Knip & Kleur',
    email: 'info@knipenkleur.example.nl',
    phone: '+31 50 555 0118',
    address: nl('Folkingestraat 22', '9711 JV', 'Groningen'),
    manager: 'maaike',
    creditLimit: 4_000,
    behaviour: 'chronic-late',
    invoiceCount: 6,
    amounts: [60, 900],
    lateHistory: 4,
  }),
  business({
    name: 'Harbour Lane Media Ltd',
    contact: { name: 'Oliver Hughes', salutation: 'mr' },
    email: 'finance@harbourlane.example.com',
    language: 'en',
    phone: '+44 20 7946 0119',
    address: { line1: '27 Harbour Lane', postalCode: 'BS1 4RN', city: 'Bristol', country: 'GB' },
    manager: 'ruben',
    creditLimit: 20_000,
    segment: 'business-chronic-late',
    behaviour: 'chronic-late',
    invoiceCount: 7,
    amounts: [700, 6_500],
  }),
  business({
    name: 'IJzerhandel Kok',
    email: 'boekhouding@ijzerhandelkok.example.nl',
    phone: '+31 58 555 0120',
    address: nl('Zuiderkruisweg 6', '8938 AP', 'Leeuwarden'),
    manager: 'sanne',
    creditLimit: 18_000,
    segment: 'business-chronic-late',
    behaviour: 'chronic-late',
    invoiceCount: 7,
    amounts: [200, 5_200],
  }),
  // Key accounts (set by hand): large, slow, and handled through their account manager.
  business({
    name: 'Albers Retail Groep N.V.',
    email: 'crediteuren@albersretail.example.nl',
    phone: '+31 20 555 0121',
    address: nl('Stadhouderskade 5', '1054 ES', 'Amsterdam'),
    manager: 'ruben',
    creditLimit: 250_000,
    segment: 'business-key-account',
    behaviour: 'key-account',
    invoiceCount: 15,
    amounts: [1_500, 25_000],
    termsDays: 45,
  }),
  business({
    name: 'Zorggroep Rivierenland',
    email: 'facturen@zorggroeprivierenland.example.nl',
    phone: '+31 344 555 0122',
    address: nl('Stationsstraat 14', '4001 BD', 'Tiel'),
    manager: 'sanne',
    creditLimit: 150_000,
    segment: 'business-key-account',
    behaviour: 'key-account',
    invoiceCount: 13,
    amounts: [1_000, 18_000],
    termsDays: 45,
  }),
  business({
    name: 'Northwind Trading Ltd',
    email: 'ap@northwindtrading.example.com',
    language: 'en',
    phone: '+44 20 7946 0123',
    address: { line1: '80 Fenchurch Street', postalCode: 'EC3M 4BY', city: 'London', country: 'GB' },
    manager: 'maaike',
    creditLimit: 200_000,
    segment: 'business-key-account',
    behaviour: 'key-account',
    invoiceCount: 11,
    amounts: [2_000, 22_000],
    termsDays: 45,
  }),
  // Disputing: a few invoices they will not pay (disputes arrive with a later release).
  business({
    name: 'Bouwbedrijf Hoekstra B.V.',
    email: 'administratie@hoekstrabouw.example.nl',
    phone: '+31 58 555 0124',
    address: nl('Harlingerstraatweg 77', '8914 AX', 'Leeuwarden'),
    manager: 'ruben',
    creditLimit: 30_000,
    behaviour: 'disputing',
    invoiceCount: 7,
    amounts: [800, 9_800],
  }),
  business({
    name: 'Evenementenbureau Feest & Zo',
    email: 'info@feestenzo.example.nl',
    phone: '+31 24 555 0125',
    address: nl('Molenstraat 101', '6511 HC', 'Nijmegen'),
    manager: 'maaike',
    creditLimit: 10_000,
    behaviour: 'disputing',
    invoiceCount: 5,
    amounts: [200, 3_000],
  }),
  // Never-payers: the full cycle, up to the collection agency.
  business({
    // No email address on file either.
    name: 'Webshop Lichtpunt',
    phone: '+31 36 555 0126',
    address: nl('Grote Markt 9', '1315 JA', 'Almere'),
    manager: 'sanne',
    creditLimit: 6_000,
    behaviour: 'never-pays',
    invoiceCount: 4,
    amounts: [150, 2_400],
  }),
  business({
    name: 'Cateringbedrijf Smakelijk',
    email: 'administratie@smakelijk-catering.example.nl',
    phone: '+31 76 555 0127',
    address: nl('Ginnekenweg 58', '4818 JG', 'Breda'),
    manager: 'ruben',
    creditLimit: 8_000,
    behaviour: 'never-pays',
    invoiceCount: 4,
    amounts: [300, 3_600],
  }),
  business({
    name: 'Stratford Print Solutions Ltd',
    email: 'accounts@stratfordprint.example.com',
    language: 'en',
    phone: '+44 20 7946 0128',
    address: { line1: '3 Angel Lane', postalCode: 'E15 1BL', city: 'London', country: 'GB' },
    manager: 'maaike',
    creditLimit: 10_000,
    behaviour: 'never-pays',
    invoiceCount: 3,
    amounts: [400, 4_200],
  }),
  // Consumers: web-shop orders with a 14-day term.
  consumer({
    name: 'Sanne de Wit',
    email: 'sanne.dewit@mail.example.nl',
    address: nl('Twijnstraat 33', '3511 ZH', 'Utrecht'),
    behaviour: 'prompt',
    invoiceCount: 3,
  }),
  consumer({
    name: 'Pieter Hendriks',
    email: 'p.hendriks@mail.example.nl',
    phone: '+31 6 5555 0130',
    address: nl('Jansbinnensingel 7', '6811 AK', 'Arnhem'),
    behaviour: 'prompt',
    invoiceCount: 2,
  }),
  consumer({
    name: 'Fatima El Amrani',
    email: 'fatima.elamrani@mail.example.nl',
    address: nl('Nieuwe Binnenweg 150', '3015 BH', 'Rotterdam'),
    behaviour: 'prompt',
    invoiceCount: 2,
  }),
  consumer({
    name: 'Lotte Willems',
    email: 'lotte.willems@mail.example.nl',
    address: nl('Prinsestraat 44', '2513 CE', 'Den Haag'),
    behaviour: 'prompt',
    invoiceCount: 3,
  }),
  consumer({
    name: 'Emily Clarke',
    email: 'emily.clarke@mail.example.com',
    language: 'en',
    address: nl('Czaar Peterstraat 120', '1018 PR', 'Amsterdam'),
    behaviour: 'prompt',
    invoiceCount: 2,
  }),
  consumer({
    name: 'Daan Bos',
    email: 'daan.bos@mail.example.nl',
    address: nl('Westzijde 88', '1506 EH', 'Zaandam'),
    behaviour: 'occasional-late',
    invoiceCount: 3,
  }),
  consumer({
    // No email address: her reminders become tasks.
    name: 'Anouk Peters',
    phone: '+31 6 5555 0135',
    address: nl('Kerkbrink 16', '1211 BX', 'Hilversum'),
    behaviour: 'occasional-late',
    invoiceCount: 2,
  }),
  consumer({
    name: 'Sarah Thompson',
    email: 'sarah.thompson@mail.example.com',
    language: 'en',
    address: nl('Stadsplein 61', '1181 ZM', 'Amstelveen'),
    behaviour: 'occasional-late',
    invoiceCount: 3,
  }),
  consumer({
    name: 'Kees Brouwer',
    email: 'kees.brouwer@mail.example.nl',
    address: nl('Laat 190', '1811 EL', 'Alkmaar'),
    behaviour: 'chronic-late',
    invoiceCount: 3,
  }),
  consumer({
    name: 'Emre Yılmaz',
    email: 'emre.yilmaz@mail.example.nl',
    address: nl('Haaksbergerstraat 95', '7513 EJ', 'Enschede'),
    behaviour: 'chronic-late',
    invoiceCount: 2,
  }),
  // These two never pay: the 14-day letter, then the collection agency.
  consumer({
    name: 'Henk van Leeuwen',
    email: 'h.vanleeuwen@mail.example.nl',
    address: nl('Voorstraat 230', '3311 ES', 'Dordrecht'),
    behaviour: 'never-pays',
    invoiceCount: 2,
    amounts: [180, 900],
  }),
  consumer({
    name: "James O'Connor",
    email: 'james.oconnor@mail.example.com',
    language: 'en',
    address: nl('Javastraat 24', '1094 HB', 'Amsterdam'),
    behaviour: 'never-pays',
    invoiceCount: 2,
    amounts: [180, 900],
  }),
];

/** The demo's debtors, with stable ids (`demo-debtor-01` …) so that a restart finds them again. */
export const DEMO_DEBTORS: readonly DemoDebtor[] = CAST.map((entry, index) => ({
  ...entry,
  debtor: { id: `demo-debtor-${String(index + 1).padStart(2, '0')}`, ...entry.debtor },
}));

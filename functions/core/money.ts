/**
 * Money is an integer number of minor units (cents) with an ISO 4217 currency. Never a float:
 * every operation keeps integers, and rounding is explicit where a rate is applied.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/**
 * The ISO 4217 codes of the currencies in circulation that an invoice can be in. Left out on
 * purpose: the codes that are no money one can be paid in (XXX "no currency", XTS "testing",
 * precious metals XAU/XAG/XPT/XPD, the SDR and other units of account XDR/XSU/XUA/XBA–XBD) and
 * withdrawn currencies (HRK since Croatia took the euro in 2023). A code shaped like one but not
 * in this list (ZZZ) is refused at the door.
 */
const CURRENCY_CODES: ReadonlySet<string> = new Set(
  `
  AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
  BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD
  EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS
  INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD
  LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK
  NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK
  SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
  UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL
  `
    .trim()
    .split(/\s+/),
);

export function isCurrencyCode(value: string): boolean {
  return CURRENCY_CODES.has(value);
}

/**
 * The largest amount any single figure may hold: 10^13 cents, i.e. 100 billion in a currency
 * with cents. Far beyond any invoice, and far enough below 2^53 (about 9 × 10^15) that sums of
 * many such amounts, interest and costs stay exact integers in JavaScript and in DynamoDB.
 */
export const MAX_AMOUNT_CENTS = 10 ** 13;

/**
 * The largest balance kept on file (a debtor's credit in one currency): 10^15 cents, a hundred
 * of the largest amounts, still below 2^53. Money that would push a balance past it is refused
 * rather than stored as a number that is no longer exact.
 */
export const MAX_BALANCE_CENTS = 10 ** 15;

class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`cannot combine amounts in ${a} and ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`amount must be an integer number of cents, got ${amount}`);
  if (!/^[A-Z]{3}$/.test(currency))
    throw new RangeError(`currency must be an ISO 4217 code, got ${currency}`);
  return { amount, currency };
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.amount + b.amount, a.currency);
}

export function sum(items: readonly Money[], currency: string): Money {
  return items.reduce((total, item) => add(total, item), money(0, currency));
}

/**
 * Rounds a non-negative fractional number of cents half up (away from zero for negatives),
 * the rounding Dutch invoices and the statutory-interest rules use.
 */
export function roundHalfUp(cents: number): number {
  return Math.sign(cents) * Math.floor(Math.abs(cents) + 0.5);
}

/** The locale of amounts in a text of each language a letter is written in; any other reads English. */
const MONEY_LOCALES: Record<string, string> = { nl: 'nl-NL', de: 'de-DE', fr: 'fr-FR' };

/** "€ 1.234,56" in Dutch, "1.234,56 €" in German and French style, "€1,234.56" in English. */
export function formatMoney(value: Money, language: string): string {
  const locale = MONEY_LOCALES[language] ?? 'en-GB';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(
    value.amount / 100,
  );
}

/**
 * Money is an integer number of minor units (cents) with an ISO 4217 currency. Never a float:
 * every operation keeps integers, and rounding is explicit where a rate is applied.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

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

/** "EUR 1.234,56" style for Dutch text, "EUR 1,234.56" for English. */
export function formatMoney(value: Money, language: string): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(
    value.amount / 100,
  );
}

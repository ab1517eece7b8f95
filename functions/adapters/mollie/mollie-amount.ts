import type { Money } from '../../core/money';

/** Mollie's amount: the currency and a string with exactly two decimals for the euro ("123.45"). */
export interface MollieAmount {
  currency: string;
  value: string;
}

/** The currencies this adapter speaks: Mollie takes others, but the letters and the page ask in euros. */
const MOLLIE_CURRENCIES: ReadonlySet<string> = new Set(['EUR']);

export function toMollieAmount(money: Money): MollieAmount {
  if (!MOLLIE_CURRENCIES.has(money.currency)) {
    throw new RangeError(`Mollie is asked for euros only, not ${money.currency}`);
  }
  if (!Number.isSafeInteger(money.amount) || money.amount <= 0) {
    throw new RangeError(`a Mollie amount is a positive number of cents (got ${money.amount})`);
  }
  const euros = Math.floor(money.amount / 100);
  const cents = money.amount % 100;
  return { currency: money.currency, value: `${euros}.${String(cents).padStart(2, '0')}` };
}

/** Cents from Mollie's string, refused unless it has the two decimals Mollie always gives for euros. */
export function fromMollieAmount(amount: MollieAmount): Money {
  const match = /^(\d{1,13})\.(\d{2})$/.exec(amount.value);
  if (!match) throw new RangeError(`not a Mollie euro amount: ${JSON.stringify(amount.value)}`);
  return { currency: amount.currency, amount: Number(match[1]) * 100 + Number(match[2]) };
}

import { formatMoney, type Money } from '../core/money';

/** Money as every message and timeline shows it: cents, currency and the amount as a person reads it. */
export interface ShownMoney extends Money {
  formatted: string;
}

export const shownMoney = (value: Money, language: 'nl' | 'en'): ShownMoney => ({
  amount: value.amount,
  currency: value.currency,
  formatted: formatMoney(value, language),
});

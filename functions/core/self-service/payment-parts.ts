/** One chosen invoice and what it asks (open, less a disputed part), in cents. */
export interface AskedPart {
  invoiceId: string;
  amount: number;
}

export type PaymentSplit =
  { valid: true; parts: AskedPart[]; total: number } | { valid: false; message: string };

/**
 * What a payment from the debtor's page pays on each chosen invoice. Without an amount it pays
 * all they ask. An amount pays part of it, oldest first as chosen, and must be at least the
 * configured minimum (or everything asked, when that is less); where no minimum is configured,
 * the page takes the whole amount only. Amounts are integer cents of one currency.
 */
export function splitPayment(
  asked: readonly AskedPart[],
  amount: number | undefined,
  minimum: number | undefined,
): PaymentSplit {
  const owed = asked.filter((part) => part.amount > 0);
  const whole = owed.reduce((sum, part) => sum + part.amount, 0);
  if (whole === 0) return { valid: false, message: 'nothing is asked on the chosen invoices' };
  if (amount === undefined || amount === whole) return { valid: true, parts: owed, total: whole };
  if (minimum === undefined) return { valid: false, message: 'pay the whole amount of the chosen invoices' };
  if (amount > whole) return { valid: false, message: 'must not be more than the chosen invoices ask' };
  if (amount < Math.min(minimum, whole)) return { valid: false, message: 'is less than the least we accept' };
  const parts: AskedPart[] = [];
  let left = amount;
  for (const part of owed) {
    if (left === 0) break;
    const paid = Math.min(left, part.amount);
    parts.push({ invoiceId: part.invoiceId, amount: paid });
    left -= paid;
  }
  return { valid: true, parts, total: amount };
}

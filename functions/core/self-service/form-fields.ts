/**
 * An amount as a person types it on a Dutch or English page ("1.234,56", "1234.56", "80") in
 * cents, or undefined when it is not one. A single separator followed by one or two digits is the
 * decimal one; any other dot, comma or space groups thousands.
 */
export function parseAmount(typed: string): number | undefined {
  const text = typed.trim().replace(/^(€|eur)\s*/i, '');
  if (!/^[0-9][0-9., ]*$/.test(text)) return undefined;
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/[., ]/g, '');
  if (!/^\d{1,10}$/.test(whole)) return undefined;
  const cents = decimal ? Number(decimal[1]!.padEnd(2, '0')) : 0;
  return Number(whole) * 100 + cents;
}

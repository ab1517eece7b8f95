/**
 * ISO 7064 MOD 97-10 over alphanumerics, as used by IBAN (ISO 13616) and the RF creditor
 * reference (ISO 11649): letters count as two digits, A = 10 … Z = 35, and the remainder of the
 * resulting number modulo 97 is taken piecewise so it never leaves safe integers.
 */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const character of alphanumeric) {
    const code = character.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else if (code >= 65 && code <= 90) {
      remainder = (remainder * 100 + (code - 55)) % 97;
    } else {
      throw new RangeError(
        `only digits and capital letters can be checked, got ${JSON.stringify(character)}`,
      );
    }
  }
  return remainder;
}

/** The two check digits that make `body + prefix + checkDigits` rearranged give remainder 1. */
export function mod97CheckDigits(rearrangedWithZeros: string): string {
  return String(98 - mod97(rearrangedWithZeros)).padStart(2, '0');
}

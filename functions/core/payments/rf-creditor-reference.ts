import { mod97, mod97CheckDigits } from './iso7064-mod97';

/**
 * ISO 11649 structured creditor reference: "RF", two check digits, 1 to 21 letters or digits.
 * Check: move "RF" and the check digits to the end, letters A = 10 … Z = 35, the number
 * modulo 97 is 1. To make one: 98 − ((body + "RF00") modulo 97). Check digits are 02 to 98.
 *
 * What the check catches (proved in the tests): any one digit replaced by another digit and
 * any one letter replaced by another letter. A digit replaced by a letter (or the reverse)
 * changes the length of the number, and about one such change in a hundred goes unnoticed.
 */
const RF_BODY_MAX_LENGTH = 21;

export type RfProblem = 'format' | 'checksum';

export type RfValidation =
  | { readonly valid: true; readonly reference: string }
  | { readonly valid: false; readonly problem: RfProblem };

/** Electronic form: no spaces, capitals. */
export function normaliseRfCreditorReference(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function createRfCreditorReference(body: string): string {
  const normalised = normaliseRfCreditorReference(body);
  if (!/^[A-Z0-9]+$/.test(normalised) || normalised.length > RF_BODY_MAX_LENGTH) {
    throw new RangeError(
      `an RF creditor reference holds 1 to ${RF_BODY_MAX_LENGTH} letters or digits, got ${JSON.stringify(body)}`,
    );
  }
  return `RF${mod97CheckDigits(`${normalised}RF00`)}${normalised}`;
}

export function validateRfCreditorReference(input: string): RfValidation {
  const reference = normaliseRfCreditorReference(input);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(reference)) return { valid: false, problem: 'format' };
  const checkDigits = Number(reference.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98) return { valid: false, problem: 'checksum' };
  if (mod97(reference.slice(4) + reference.slice(0, 4)) !== 1) return { valid: false, problem: 'checksum' };
  return { valid: true, reference };
}

export function isValidRfCreditorReference(input: string): boolean {
  return validateRfCreditorReference(input).valid;
}

/** Paper form: groups of four, e.g. "RF18 5390 0754 7034". */
export function formatRfCreditorReference(input: string): string {
  return normaliseRfCreditorReference(input).replace(/(.{4})(?=.)/g, '$1 ');
}

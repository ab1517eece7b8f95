import { mod97 } from './iso7064-mod97';

/**
 * IBAN (ISO 13616) validation before an IBAN is printed on a letter or put in a QR code:
 * country code, the length registered for that country, and the mod-97 check (remainder 1
 * after moving the first four characters to the end). Only the countries of the SEPA scheme
 * are accepted, because the EPC QR code initiates a SEPA credit transfer.
 */
const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AL: 28,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

export type IbanProblem = 'format' | 'country-not-in-sepa' | 'length' | 'checksum';

export type IbanValidation =
  { readonly valid: true; readonly iban: string } | { readonly valid: false; readonly problem: IbanProblem };

/** Electronic form: no spaces, capitals. */
function normaliseIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function validateIban(input: string): IbanValidation {
  const iban = normaliseIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return { valid: false, problem: 'format' };
  const length = SEPA_IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined) return { valid: false, problem: 'country-not-in-sepa' };
  if (iban.length !== length) return { valid: false, problem: 'length' };
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return { valid: false, problem: 'checksum' };
  return { valid: true, iban };
}

export function isValidIban(input: string): boolean {
  return validateIban(input).valid;
}

/** Paper form: groups of four, e.g. "NL91 ABNA 0417 1643 00". */
export function formatIban(input: string): string {
  return normaliseIban(input).replace(/(.{4})(?=.)/g, '$1 ');
}

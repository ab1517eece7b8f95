import type { Money } from '../money';
import { validateIban } from './iban';
import { validateRfCreditorReference } from './rf-creditor-reference';

/**
 * EPC QR code ("GiroCode"), EPC069-12 version 002: the data a banking app needs to start a SEPA
 * credit transfer, one element per line (LF), in this order:
 *   1 service tag "BCD"   2 version "002"   3 character set "1" (UTF-8)   4 identification "SCT"
 *   5 BIC of the beneficiary's bank (may be empty in version 002 within the EEA)
 *   6 beneficiary name (required, at most 70 characters)   7 IBAN (required)
 *   8 "EUR" + amount with a dot and at most 2 decimals, 0.01 … 999999999.99
 *   9 purpose code (at most 4 characters, may be empty)
 *  10 structured remittance: creditor reference (at most 35 characters), or
 *  11 unstructured remittance (at most 140 characters): never both
 *  12 beneficiary-to-originator information (at most 70 characters, optional)
 * Nothing follows the last element that has a value, and the whole payload is at most
 * 331 bytes. The QR symbol uses error correction level M.
 */
export const EPC_QR_MAX_BYTES = 331;

export interface EpcQrInput {
  readonly beneficiaryName: string;
  readonly iban: string;
  readonly bic?: string | null;
  /** EUR only: SEPA credit transfers are in euros. */
  readonly amount: Money;
  /** Structured reference (field 10): an RF creditor reference, or the Dutch betalingskenmerk. */
  readonly reference?: string | null;
  /** Unstructured remittance (field 11), only when there is no structured reference. */
  readonly remittanceText?: string | null;
  readonly purpose?: string | null;
  readonly beneficiaryToOriginatorInformation?: string | null;
}

export class EpcQrError extends RangeError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`cannot make an EPC QR code: ${problems.join('; ')}`);
    this.name = 'EpcQrError';
    this.problems = problems;
  }
}

const MAX_AMOUNT_CENTS = 99_999_999_999;

function clean(value: string | null | undefined): string {
  return (value ?? '').trim();
}

/** Characters, not UTF-16 code units: "é" counts once. */
function length(value: string): number {
  return [...value].length;
}

function hasControlCharacters(value: string): boolean {
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function utf8Bytes(value: string): number {
  return new TextEncoder().encode(value).length;
}

function amountField(amount: Money): string {
  const euros = Math.floor(amount.amount / 100);
  const cents = String(amount.amount % 100).padStart(2, '0');
  return `EUR${euros}.${cents}`;
}

/** The problems with an input, in plain words; empty when a payload can be built. */
export function checkEpcQrInput(input: EpcQrInput): string[] {
  const problems: string[] = [];
  const name = clean(input.beneficiaryName);
  const bic = clean(input.bic).toUpperCase();
  const reference = clean(input.reference).replace(/\s+/g, '').toUpperCase();
  const remittanceText = clean(input.remittanceText);
  const purpose = clean(input.purpose).toUpperCase();
  const information = clean(input.beneficiaryToOriginatorInformation);

  if (name === '') problems.push('the beneficiary name is required');
  if (length(name) > 70) problems.push('the beneficiary name is longer than 70 characters');
  const iban = validateIban(input.iban);
  if (!iban.valid) problems.push(`the IBAN is not valid (${iban.problem})`);
  if (bic !== '' && !/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic))
    problems.push('the BIC is not valid');
  if (input.amount.currency !== 'EUR') problems.push('the amount must be in EUR');
  if (
    !Number.isSafeInteger(input.amount.amount) ||
    input.amount.amount < 1 ||
    input.amount.amount > MAX_AMOUNT_CENTS
  ) {
    problems.push('the amount must be between EUR 0.01 and EUR 999999999.99');
  }
  if (purpose !== '' && !/^[A-Z0-9]{1,4}$/.test(purpose))
    problems.push('the purpose code has 1 to 4 letters or digits');
  if (reference !== '' && remittanceText !== '') {
    problems.push('give a structured reference or a remittance text, not both');
  }
  if (length(reference) > 35) problems.push('the structured reference is longer than 35 characters');
  if (reference.startsWith('RF') && !validateRfCreditorReference(reference).valid) {
    problems.push('the RF creditor reference is not valid');
  }
  if (reference !== '' && !/^[A-Z0-9]+$/.test(reference)) {
    problems.push('the structured reference holds only letters and digits');
  }
  if (length(remittanceText) > 140) problems.push('the remittance text is longer than 140 characters');
  if (length(information) > 70)
    problems.push('the beneficiary-to-originator information is longer than 70 characters');
  for (const [label, value] of [
    ['beneficiary name', name],
    ['remittance text', remittanceText],
    ['beneficiary-to-originator information', information],
  ] as const) {
    if (hasControlCharacters(value)) problems.push(`the ${label} contains a line break or control character`);
  }
  if (problems.length === 0) {
    const bytes = utf8Bytes(payloadOf(input));
    if (bytes > EPC_QR_MAX_BYTES)
      problems.push(`the payload is ${bytes} bytes, more than ${EPC_QR_MAX_BYTES}`);
  }
  return problems;
}

function payloadOf(input: EpcQrInput): string {
  const iban = validateIban(input.iban);
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    clean(input.bic).toUpperCase(),
    clean(input.beneficiaryName),
    iban.valid ? iban.iban : '',
    amountField(input.amount),
    clean(input.purpose).toUpperCase(),
    clean(input.reference).replace(/\s+/g, '').toUpperCase(),
    clean(input.remittanceText),
    clean(input.beneficiaryToOriginatorInformation),
  ];
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

/** The payload text; throws EpcQrError listing every problem. */
export function buildEpcQrPayload(input: EpcQrInput): string {
  const problems = checkEpcQrInput(input);
  if (problems.length > 0) throw new EpcQrError(problems);
  return payloadOf(input);
}

export interface EpcQrRenderOptions {
  /** Pixels per module; 4 when not given. */
  readonly scale?: number;
  /** Quiet zone in modules; 4 (the QR standard's minimum) when not given. */
  readonly margin?: number;
}

function qrOptions(options: EpcQrRenderOptions) {
  return {
    errorCorrectionLevel: 'M' as const,
    scale: options.scale ?? 4,
    margin: options.margin ?? 4,
  };
}

function assertPayload(payload: string): void {
  if (!payload.startsWith('BCD\n') || utf8Bytes(payload) > EPC_QR_MAX_BYTES) {
    throw new EpcQrError(['render a payload made by buildEpcQrPayload']);
  }
}

/**
 * The QR encoder with its PNG writer (about 56 KB of a bundle), loaded by the first code drawn: many
 * functions can send a letter on one of their paths (a lowered plan's email, say) and would
 * otherwise read and run it at every cold start (docs/benchmarks.md, "Cold start").
 */
async function qrEncoder() {
  return (await import('qrcode')).default;
}

/** The QR code as PNG bytes, e.g. for an inline (cid:) image in a reminder email. */
export async function renderEpcQrPng(payload: string, options: EpcQrRenderOptions = {}): Promise<Buffer> {
  assertPayload(payload);
  return (await qrEncoder()).toBuffer(payload, { ...qrOptions(options), type: 'png' });
}

/** The QR code as a data:image/png;base64 URL. */
export async function renderEpcQrDataUrl(payload: string, options: EpcQrRenderOptions = {}): Promise<string> {
  assertPayload(payload);
  return (await qrEncoder()).toDataURL(payload, { ...qrOptions(options), type: 'image/png' });
}

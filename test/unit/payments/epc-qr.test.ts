import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { money } from '../../../functions/core/money';
import {
  buildEpcQrPayload,
  checkEpcQrInput,
  EPC_QR_MAX_BYTES,
  EpcQrError,
  type EpcQrInput,
  renderEpcQrDataUrl,
  renderEpcQrPng,
} from '../../../functions/core/payments/epc-qr';

const input: EpcQrInput = {
  beneficiaryName: 'Acme B.V.',
  iban: 'NL91 ABNA 0417 1643 00',
  amount: money(123_456, 'EUR'),
  reference: 'RF18 5390 0754 7034',
};

function decode(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe('EPC QR code (EPC069-12, version 002)', () => {
  it('builds one element per line and stops after the last element with a value', () => {
    expect(buildEpcQrPayload(input)).toBe(
      [
        'BCD',
        '002',
        '1',
        'SCT',
        '',
        'Acme B.V.',
        'NL91ABNA0417164300',
        'EUR1234.56',
        '',
        'RF18539007547034',
      ].join('\n'),
    );
  });

  it('keeps the empty unstructured line when a note for the debtor follows, and the BIC and purpose when given', () => {
    const payload = buildEpcQrPayload({
      ...input,
      bic: 'abnanl2a',
      purpose: 'gdds',
      beneficiaryToOriginatorInformation: 'Factuur 2025-001',
    });
    expect(payload.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'ABNANL2A',
      'Acme B.V.',
      'NL91ABNA0417164300',
      'EUR1234.56',
      'GDDS',
      'RF18539007547034',
      '',
      'Factuur 2025-001',
    ]);
  });

  it('puts free text in the unstructured field when there is no reference', () => {
    const payload = buildEpcQrPayload({ ...input, reference: null, remittanceText: 'Factuur 2025-001' });
    expect(payload.split('\n').slice(8)).toEqual(['', '', 'Factuur 2025-001']);
  });

  it('carries a betalingskenmerk as the structured reference', () => {
    const payload = buildEpcQrPayload({ ...input, reference: '5010 0021 6701 0010' });
    expect(payload.split('\n')[9]).toBe('5010002167010010');
  });

  it('writes the amount with a dot and two decimals, from 0.01 to 999999999.99', () => {
    expect(buildEpcQrPayload({ ...input, amount: money(1, 'EUR') }).split('\n')[7]).toBe('EUR0.01');
    expect(buildEpcQrPayload({ ...input, amount: money(99_999_999_999, 'EUR') }).split('\n')[7]).toBe(
      'EUR999999999.99',
    );
    expect(checkEpcQrInput({ ...input, amount: money(0, 'EUR') })).toContain(
      'the amount must be between EUR 0.01 and EUR 999999999.99',
    );
    expect(checkEpcQrInput({ ...input, amount: money(100_000_000_000, 'EUR') })).toHaveLength(1);
    expect(checkEpcQrInput({ ...input, amount: money(100, 'USD') })).toContain('the amount must be in EUR');
  });

  it('refuses a structured reference and a text together', () => {
    expect(checkEpcQrInput({ ...input, remittanceText: 'Factuur 1' })).toContain(
      'give a structured reference or a remittance text, not both',
    );
  });

  it('checks every field against its rule', () => {
    expect(checkEpcQrInput({ ...input, beneficiaryName: '' })).toContain('the beneficiary name is required');
    expect(checkEpcQrInput({ ...input, beneficiaryName: 'x'.repeat(71) })).toContain(
      'the beneficiary name is longer than 70 characters',
    );
    expect(checkEpcQrInput({ ...input, beneficiaryName: 'é'.repeat(70) })).toEqual([]);
    expect(checkEpcQrInput({ ...input, beneficiaryName: 'Acme\nB.V.' })).toContain(
      'the beneficiary name contains a line break or control character',
    );
    expect(checkEpcQrInput({ ...input, iban: 'NL91ABNA0417164301' })).toContain(
      'the IBAN is not valid (checksum)',
    );
    expect(checkEpcQrInput({ ...input, bic: 'ABNA' })).toContain('the BIC is not valid');
    expect(checkEpcQrInput({ ...input, purpose: 'GOODS' })).toContain(
      'the purpose code has 1 to 4 letters or digits',
    );
    expect(checkEpcQrInput({ ...input, reference: 'RF19539007547034' })).toContain(
      'the RF creditor reference is not valid',
    );
    expect(checkEpcQrInput({ ...input, reference: `RF${'1'.repeat(34)}` })).toContain(
      'the structured reference is longer than 35 characters',
    );
    expect(checkEpcQrInput({ ...input, reference: null, remittanceText: 'x'.repeat(141) })).toContain(
      'the remittance text is longer than 140 characters',
    );
    expect(checkEpcQrInput({ ...input, beneficiaryToOriginatorInformation: 'x'.repeat(71) })).toContain(
      'the beneficiary-to-originator information is longer than 70 characters',
    );
  });

  it(`refuses a payload of more than ${EPC_QR_MAX_BYTES} bytes, counting UTF-8 bytes`, () => {
    const long = {
      ...input,
      reference: null,
      beneficiaryName: '€'.repeat(70),
      remittanceText: 'x'.repeat(140),
    };
    expect(checkEpcQrInput(long)).toEqual([
      expect.stringMatching(/^the payload is \d+ bytes, more than 331$/),
    ]);
    expect(() => buildEpcQrPayload(long)).toThrow(EpcQrError);
  });

  it('renders a PNG that a QR reader decodes to exactly the payload', async () => {
    const payload = buildEpcQrPayload({
      ...input,
      beneficiaryName: 'Bäckerei Müller & Zoon',
      bic: 'ABNANL2A',
    });
    const png = await renderEpcQrPng(payload);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(decode(png)).toBe(payload);
  });

  it('renders a data URL holding the same PNG', async () => {
    const payload = buildEpcQrPayload(input);
    const url = await renderEpcQrDataUrl(payload);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(decode(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'))).toBe(payload);
  });

  it('renders only payloads made by the builder', async () => {
    await expect(renderEpcQrPng('hello')).rejects.toThrow(EpcQrError);
  });
});

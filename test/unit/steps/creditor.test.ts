import { describe, expect, it } from 'vitest';
import { readCreditor } from '../../../functions/shared/creditor';

const environment = {
  CREDITOR_NAME: 'Voorbeeld Groothandel B.V.',
  CREDITOR_IBAN: 'nl91abna0417164300',
  PAYMENT_REFERENCE_SCHEME: 'rf',
};

describe('the creditor details printed on every letter', () => {
  it('prints the IBAN in groups of four and keeps its electronic form for the QR code', () => {
    const creditor = readCreditor(environment);

    expect(creditor.iban).toBe('NL91 ABNA 0417 1643 00');
    expect(creditor.ibanElectronic).toBe('NL91ABNA0417164300');
  });

  it('refuses to start with an IBAN that fails the mod-97 check, so no letter ever prints it', () => {
    expect(() => readCreditor({ ...environment, CREDITOR_IBAN: 'NL91ABNA0417164301' })).toThrow(
      'CREDITOR_IBAN is invalid: not a valid SEPA IBAN (checksum)',
    );
  });

  it('names every missing variable at once', () => {
    expect(() => readCreditor({})).toThrow(
      'Invalid configuration: CREDITOR_NAME is not set; CREDITOR_IBAN is not set; PAYMENT_REFERENCE_SCHEME is not set',
    );
  });

  it('treats an empty optional variable as not set', () => {
    const creditor = readCreditor({ ...environment, CREDITOR_BIC: '', CREDITOR_WEBSITE: '' });

    expect(creditor).not.toHaveProperty('bic');
    expect(creditor).not.toHaveProperty('website');
  });
});

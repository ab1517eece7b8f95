import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIban, isValidIban, validateIban } from '../../../functions/core/payments/iban';

const VALID = ['NL91ABNA0417164300', 'DE89370400440532013000', 'BE68539007547034', 'GB82WEST12345698765432'];

describe('IBAN', () => {
  it('accepts valid IBANs, with spaces or lower case', () => {
    for (const iban of VALID) expect(isValidIban(iban)).toBe(true);
    expect(validateIban('nl91 abna 0417 1643 00')).toEqual({ valid: true, iban: 'NL91ABNA0417164300' });
  });

  it('prints in groups of four', () => {
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });

  it('says what is wrong', () => {
    expect(validateIban('NL91ABNA0417164301')).toEqual({ valid: false, problem: 'checksum' });
    expect(validateIban('NL91ABNA041716430')).toEqual({ valid: false, problem: 'length' });
    expect(validateIban('US64SVBKUS6S3300958879')).toEqual({ valid: false, problem: 'country-not-in-sepa' });
    expect(validateIban('NL9XABNA0417164300')).toEqual({ valid: false, problem: 'format' });
    expect(validateIban('')).toEqual({ valid: false, problem: 'format' });
  });

  it('catches any one digit of the account replaced by another digit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, at, shift) => {
        const digitPositions = [...iban].flatMap((c, i) => (i >= 2 && c >= '0' && c <= '9' ? [i] : []));
        const index = digitPositions[at % digitPositions.length]!;
        const changed =
          iban.slice(0, index) + String((Number(iban[index]) + shift) % 10) + iban.slice(index + 1);
        expect(isValidIban(changed)).toBe(false);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BETALINGSKENMERK_WEIGHTS,
  betalingskenmerkWeightedSum,
  createBetalingskenmerk,
  formatBetalingskenmerk,
  isValidBetalingskenmerk,
  validateBetalingskenmerk,
} from '../../../functions/core/payments/betalingskenmerk';

const fifteenDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 });

function replaceAt(text: string, index: number, character: string): string {
  return text.slice(0, index) + character + text.slice(index + 1);
}

/** Weight of position 1…15 of the 16 digits (position 0 is the check digit), counted from the right. */
const weightAt = (position: number) => BETALINGSKENMERK_WEIGHTS[(15 - position) % 10]!;

/**
 * The rule the tests establish: a changed check digit is always caught; a changed data digit
 * always changes the sum modulo 11 (weights are units mod 11 and |change| ≤ 9), and slips
 * through only when the remainder moves between 1 and 10, both of which give check digit 1.
 */
function slipsThrough(kenmerk: string, position: number, replacement: string): boolean {
  if (position === 0) return false;
  const remainder = betalingskenmerkWeightedSum(kenmerk.slice(1)) % 11;
  const change = weightAt(position) * (Number(replacement) - Number(kenmerk[position]));
  const newRemainder = (((remainder + change) % 11) + 11) % 11;
  return (remainder === 1 && newRemainder === 10) || (remainder === 10 && newRemainder === 1);
}

describe('Dutch betalingskenmerk (16 digits, weighted modulus 11)', () => {
  it('accepts real 16-digit betalingskenmerken of the Belastingdienst', () => {
    expect(isValidBetalingskenmerk('5010002167010010')).toBe(true);
    expect(isValidBetalingskenmerk('3961.3079.9841.0020')).toBe(true);
    expect(isValidBetalingskenmerk('0010 0021 6972 3011')).toBe(true);
  });

  it('folds 10 to 1 and 11 to 0', () => {
    // Sum mod 11 = 0 → check 11 → 0; sum mod 11 = 1 → check 10 → 1.
    expect(createBetalingskenmerk('0')).toBe('0000000000000000');
    expect(createBetalingskenmerk('6')).toBe('1000000000000006'); // 6 × 2 = 12 ≡ 1
  });

  it('pads up to 15 digits and prints in groups of four', () => {
    const kenmerk = createBetalingskenmerk('2025000123');
    expect(kenmerk).toMatch(/^\d{16}$/);
    expect(kenmerk.slice(1)).toBe('000002025000123');
    expect(formatBetalingskenmerk(kenmerk)).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  });

  it('refuses other lengths, letters and a wrong check digit', () => {
    expect(validateBetalingskenmerk('501000216701001')).toEqual({ valid: false, problem: 'format' });
    expect(validateBetalingskenmerk('501000216701001A')).toEqual({ valid: false, problem: 'format' });
    expect(validateBetalingskenmerk('6010002167010010')).toEqual({ valid: false, problem: 'checksum' });
    expect(() => createBetalingskenmerk('1234567890123456')).toThrow(/1 to 15 digits/);
  });

  it('validates every betalingskenmerk it makes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 15 }),
        (digits) => {
          expect(isValidBetalingskenmerk(createBetalingskenmerk(digits))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never has weight × change ≡ 0 (mod 11): every single-digit change moves the sum', () => {
    for (const weight of BETALINGSKENMERK_WEIGHTS) {
      for (let change = -9; change <= 9; change++) {
        if (change !== 0) expect((weight * change) % 11).not.toBe(0);
      }
    }
  });

  it('catches exactly the single-digit changes the rule says (exhaustive over a sample)', () => {
    const sample = fc
      .sample(fifteenDigits, { numRuns: 600, seed: 1611 })
      .map((d) => createBetalingskenmerk(d));
    // Make sure the sample holds the interesting remainders 1 and 10.
    const remainders = new Set(sample.map((k) => betalingskenmerkWeightedSum(k.slice(1)) % 11));
    expect(remainders.has(1) && remainders.has(10)).toBe(true);

    const mismatches: string[] = [];
    let slipped = 0;
    let tried = 0;
    for (const kenmerk of sample) {
      for (let position = 0; position < 16; position++) {
        for (const replacement of '0123456789') {
          if (replacement === kenmerk[position]) continue;
          const changed = replaceAt(kenmerk, position, replacement);
          const expected = slipsThrough(kenmerk, position, replacement);
          if (isValidBetalingskenmerk(changed) !== expected) mismatches.push(`${kenmerk} → ${changed}`);
          tried += 1;
          if (expected) slipped += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(slipped).toBeGreaterThan(0);
    expect(tried).toBe(600 * 16 * 9);
  });

  it('catches every single-digit change when the remainder is neither 1 nor 10', () => {
    fc.assert(
      fc.property(
        fifteenDigits,
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: 9 }),
        (d, position, shift) => {
          const kenmerk = createBetalingskenmerk(d);
          const remainder = betalingskenmerkWeightedSum(kenmerk.slice(1)) % 11;
          fc.pre(remainder !== 1 && remainder !== 10);
          const replacement = String((Number(kenmerk[position]) + shift) % 10);
          expect(isValidBetalingskenmerk(replaceAt(kenmerk, position, replacement))).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('always catches a changed check digit', () => {
    fc.assert(
      fc.property(fifteenDigits, fc.integer({ min: 1, max: 9 }), (d, shift) => {
        const kenmerk = createBetalingskenmerk(d);
        const replacement = String((Number(kenmerk[0]) + shift) % 10);
        expect(isValidBetalingskenmerk(replaceAt(kenmerk, 0, replacement))).toBe(false);
      }),
    );
  });
});

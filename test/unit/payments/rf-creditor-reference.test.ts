import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mod97 } from '../../../functions/core/payments/iso7064-mod97';
import {
  createRfCreditorReference,
  formatRfCreditorReference,
  isValidRfCreditorReference,
  validateRfCreditorReference,
} from '../../../functions/core/payments/rf-creditor-reference';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const body = fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 1, maxLength: 21 });
const isDigit = (c: string) => c >= '0' && c <= '9';
const value = (c: string) => ALPHANUMERIC.indexOf(c);

function replaceAt(text: string, index: number, character: string): string {
  return text.slice(0, index) + character + text.slice(index + 1);
}

/**
 * Whether replacing the character at `index` of a valid reference by `replacement` gives a
 * reference that still passes, derived from the arithmetic of the check: in the rearranged number
 * the change is 10^m × (A × (10^L' − 10^L) + v' − v), where A is the number formed by the body
 * before the position, v and v' the old and new values with L and L' digits. That is 0 modulo 97
 * only when L ≠ L' (digit ↔ letter) and A × (10^L' − 10^L) + v' − v ≡ 0.
 */
function slipsThrough(reference: string, index: number, replacement: string): boolean {
  if (index < 2) return false; // "RF" is fixed
  if (index < 4) return false; // check digits: a letter is a format error, a digit changes the sum by d × 10^k
  const original = reference[index]!;
  if (isDigit(original) === isDigit(replacement)) return false;
  const a = BigInt(mod97(reference.slice(4, index)));
  const before = BigInt(10 ** (isDigit(original) ? 1 : 2));
  const after = BigInt(10 ** (isDigit(replacement) ? 1 : 2));
  const change = a * (after - before) + BigInt(value(replacement) - value(original));
  return ((change % 97n) + 97n) % 97n === 0n;
}

describe('ISO 11649 RF creditor reference', () => {
  it('accepts RF18539007547034 (the example in docs/legal-rules.md) and makes it from its body', () => {
    expect(isValidRfCreditorReference('RF18539007547034')).toBe(true);
    expect(createRfCreditorReference('539007547034')).toBe('RF18539007547034');
  });

  it('accepts spaces and lower case, and prints in groups of four', () => {
    expect(validateRfCreditorReference(' rf18 5390 0754 7034 ')).toEqual({
      valid: true,
      reference: 'RF18539007547034',
    });
    expect(formatRfCreditorReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
  });

  it('refuses wrong check digits, a body that is too long, and other characters', () => {
    expect(validateRfCreditorReference('RF19539007547034')).toEqual({ valid: false, problem: 'checksum' });
    expect(validateRfCreditorReference(`RF18${'1'.repeat(22)}`)).toEqual({ valid: false, problem: 'format' });
    expect(validateRfCreditorReference('RF18-5390')).toEqual({ valid: false, problem: 'format' });
    expect(() => createRfCreditorReference('1'.repeat(22))).toThrow(/1 to 21 letters or digits/);
  });

  it('validates every reference it makes', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(isValidRfCreditorReference(createRfCreditorReference(b))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('catches any one digit replaced by another digit and any one letter replaced by another letter', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.constantFrom(...ALPHANUMERIC), (b, at, replacement) => {
        const reference = createRfCreditorReference(b);
        const index = at % reference.length;
        const original = reference[index]!;
        fc.pre(replacement !== original && isDigit(replacement) === isDigit(original));
        expect(isValidRfCreditorReference(replaceAt(reference, index, replacement))).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('lets a digit ↔ letter replacement through exactly when the arithmetic says so (exhaustive over a sample)', () => {
    const sample = fc.sample(body, { numRuns: 300, seed: 11649 });
    const mismatches: string[] = [];
    let slipped = 0;
    let tried = 0;
    for (const b of sample) {
      const reference = createRfCreditorReference(b);
      for (let index = 0; index < reference.length; index++) {
        for (const replacement of ALPHANUMERIC) {
          if (replacement === reference[index]) continue;
          const changed = replaceAt(reference, index, replacement);
          const expected = slipsThrough(reference, index, replacement);
          if (isValidRfCreditorReference(changed) !== expected) mismatches.push(`${reference} → ${changed}`);
          tried += 1;
          if (expected) slipped += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    // About three in a thousand single replacements pass the check; all of them digit ↔ letter.
    expect(slipped).toBeGreaterThan(0);
    expect(slipped / tried).toBeLessThan(0.01);
  });

  it('so changing one character does NOT always make a reference invalid: RF85P6YTH7Y2D8 → RF85P6YTH7Y2DA', () => {
    expect(isValidRfCreditorReference('RF85P6YTH7Y2D8')).toBe(true);
    expect(isValidRfCreditorReference('RF85P6YTH7Y2DA')).toBe(true);
    expect(slipsThrough('RF85P6YTH7Y2D8', 13, 'A')).toBe(true);
  });

  it('shows the same for an all-digit body: a digit can turn into a letter unnoticed', () => {
    const reference = createRfCreditorReference('2025000123');
    const escapes = [...reference].flatMap((_, index) =>
      [...ALPHANUMERIC]
        .filter((c) => !isDigit(c) && slipsThrough(reference, index, c))
        .map((c) => replaceAt(reference, index, c)),
    );
    expect(escapes.length).toBeGreaterThan(0);
    for (const changed of escapes) expect(isValidRfCreditorReference(changed)).toBe(true);
  });
});

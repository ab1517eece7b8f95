import { describe, expect, it } from 'vitest';
import { isGsm7, smsSize } from '../../../functions/core/sms/sms-segments';

describe('the size of a text', () => {
  it('fits 160 characters of the GSM 7-bit alphabet in one message', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
  });

  it('splits a longer GSM-7 text into parts of 153 characters', () => {
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSize('a'.repeat(306))).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
    expect(smsSize('a'.repeat(307))).toEqual({ encoding: 'GSM-7', units: 307, segments: 3 });
  });

  it('counts a character of the extension table (€ [ ] { } ~ ^ | \\) twice', () => {
    expect(smsSize('€')).toEqual({ encoding: 'GSM-7', units: 2, segments: 1 });
    expect(smsSize(`${'a'.repeat(158)}[`)).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize(`${'a'.repeat(159)}]`)).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it('keeps Dutch and other western accents of the GSM alphabet in GSM-7', () => {
    expect(isGsm7('Geachte heer Müller, uw factuur à € 10,- staat open. Ça va? ¿Qué?')).toBe(true);
  });

  it('sends a text with any other character (ë, a no-break space, an emoji) in UCS-2: 70, or 67 per part', () => {
    expect(smsSize('financiële')).toMatchObject({ encoding: 'UCS-2', units: 10, segments: 1 });
    expect(smsSize('EUR\u00a01,00').encoding).toBe('UCS-2');
    expect(smsSize('ë'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSize('ë'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(smsSize('ë'.repeat(135))).toEqual({ encoding: 'UCS-2', units: 135, segments: 3 });
    // An emoji takes two UTF-16 code units.
    expect(smsSize('👍')).toEqual({ encoding: 'UCS-2', units: 2, segments: 1 });
  });

  it('takes no message for an empty text', () => {
    expect(smsSize('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
  });
});

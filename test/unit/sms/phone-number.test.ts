import { describe, expect, it } from 'vitest';
import { isE164 } from '../../../functions/core/sms/phone-number';

describe('a mobile number in E.164', () => {
  it.each(['+31612345678', '+4915123456789', '+12025550123', '+32470123456'])('accepts %s', (number) => {
    expect(isE164(number)).toBe(true);
  });

  it.each([
    ['a national number', '0612345678'],
    ['spaces', '+31 6 12345678'],
    ['a leading 00 instead of the plus', '0031612345678'],
    ['a country code starting with 0', '+0612345678'],
    ['more than 15 digits', '+3161234567890123'],
    ['too few digits', '+316123'],
    ['letters', '+3161234567a'],
  ])('refuses %s', (_what, number) => {
    expect(isE164(number)).toBe(false);
  });
});

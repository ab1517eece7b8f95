/**
 * An international number in E.164: a plus, the country code (never starting with 0) and the
 * national number, at most 15 digits in all, without spaces. SNS delivers texts only to numbers
 * in this form.
 */
const E164 = /^\+[1-9]\d{7,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

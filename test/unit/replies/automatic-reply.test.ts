import { describe, expect, it } from 'vitest';
import { automaticReplySign } from '../../../functions/core/replies/automatic-reply';

const reply = (headers: Record<string, string>, subject = 'Re: Betalingsherinnering') => ({
  headers: new Map(Object.entries(headers)),
  subject,
});

describe('an automatic reply', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'auto_submitted'],
    [{ 'x-autoreply': 'yes' }, 'x_autoreply'],
    [{ 'x-autorespond': 'Out of office' }, 'x_autorespond'],
    [{ precedence: 'auto_reply' }, 'precedence'],
    [{ precedence: 'bulk' }, 'precedence'],
  ] as const)('is recognised by its headers %o', (headers, sign) => {
    expect(automaticReplySign(reply(headers))).toBe(sign);
  });

  it.each([
    'Automatisch antwoord: Betalingsherinnering',
    'Automatic reply: Payment reminder',
    'Out of Office: Payment reminder',
    'Afwezig: Betalingsherinnering',
    'Autoreply: your message',
  ])('is recognised by its subject "%s"', (subject) => {
    expect(automaticReplySign(reply({}, subject))).toBe('subject');
  });

  it("takes a person's reply for a person's, also one saying Auto-Submitted: no", () => {
    expect(automaticReplySign(reply({ 'auto-submitted': 'no' }))).toBeUndefined();
    expect(automaticReplySign(reply({ precedence: 'normal' }, 'Re: automatic payment'))).toBeUndefined();
    expect(automaticReplySign(reply({ 'x-auto-response-suppress': 'All' }))).toBeUndefined();
  });
});

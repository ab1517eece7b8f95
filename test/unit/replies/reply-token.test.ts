import { describe, expect, it } from 'vitest';
import { replyAddress, replyToken, tokenOfRecipients } from '../../../functions/core/replies/reply-token';

const key = { secret: Buffer.from('a-key-of-at-least-thirty-two-characters!', 'utf8') };
const letter = { debtorId: 'deb-1', slot: 'firstReminder', currency: 'EUR', day: '2025-03-13' };
const BASE = 'debiteuren@replies.example';

describe('the reply token of a letter', () => {
  it('is the same for the same letter and key, and fits an address in lower-case base32', () => {
    const token = replyToken(letter, key);
    expect(token).toMatch(/^[a-z2-7]{20}$/);
    expect(replyToken(letter, key)).toBe(token);
    expect(replyAddress(BASE, token)).toBe(`debiteuren+${token}@replies.example`);
  });

  it('differs for another day, step, currency, debtor or key', () => {
    const token = replyToken(letter, key);
    for (const other of [
      { ...letter, day: '2025-03-14' },
      { ...letter, slot: 'secondReminder' },
      { ...letter, currency: 'USD' },
      { ...letter, debtorId: 'deb-2' },
    ])
      expect(replyToken(other, key)).not.toBe(token);
    expect(
      replyToken(letter, { secret: Buffer.from('another-key-of-at-least-thirty-two-chars', 'utf8') }),
    ).not.toBe(token);
  });

  it('is read back from the recipients, whatever case a mail system gave the address', () => {
    const token = replyToken(letter, key);
    expect(
      tokenOfRecipients(['someone@else.example', `DEBITEUREN+${token.toUpperCase()}@Replies.Example`], BASE),
    ).toEqual({
      kind: 'token',
      token,
    });
  });

  it('tells an edited token from a reply to the plain address', () => {
    expect(tokenOfRecipients(['debiteuren+abc@replies.example'], BASE)).toEqual({
      kind: 'malformed',
      tag: 'abc',
    });
    expect(tokenOfRecipients(['debiteuren@replies.example'], BASE)).toEqual({ kind: 'none' });
    expect(tokenOfRecipients([`debiteuren+${replyToken(letter, key)}@other.example`], BASE)).toEqual({
      kind: 'none',
    });
  });
});

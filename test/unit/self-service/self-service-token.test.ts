import { describe, expect, it } from 'vitest';
import {
  expiryAfter,
  signingKey,
  signToken,
  verifyToken,
} from '../../../functions/core/self-service/self-service-token';

const KEY = signingKey('a-test-key-of-at-least-thirty-two-characters');
const OTHER = signingKey('another-test-key-of-at-least-thirty-two-chars');
const NOW = new Date('2026-03-02T08:00:00Z');

function link(debtorId = 'deb-42', days = 60) {
  return signToken({ debtorId, expiresAt: expiryAfter(NOW, days) }, KEY);
}

describe("the debtor's signed link", () => {
  it('names the debtor and verifies until it expires', () => {
    const token = link('deb-ü/42 +x');
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(token.length).toBeLessThan(100);
    const check = verifyToken(token, [KEY], new Date('2026-04-30T08:00:00Z'));
    expect(check).toMatchObject({ valid: true, claims: { debtorId: 'deb-ü/42 +x' } });
  });

  it('expires after the configured days', () => {
    const token = link('deb-42', 60);
    expect(verifyToken(token, [KEY], new Date('2026-05-01T07:59:59Z')).valid).toBe(true);
    expect(verifyToken(token, [KEY], new Date('2026-05-01T08:00:00Z'))).toEqual({
      valid: false,
      reason: 'expired',
    });
  });

  it('refuses a token whose debtor or expiry was changed, whatever the signature', () => {
    const [, expiry, keyId, signature] = link('deb-42').split('.');
    const otherDebtor = Buffer.from('deb-43').toString('base64url');
    expect(verifyToken([otherDebtor, expiry, keyId, signature].join('.'), [KEY], NOW)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    const later = (Number.parseInt(expiry!, 36) + 86_400 * 365).toString(36);
    const forged = [Buffer.from('deb-42').toString('base64url'), later, keyId, signature].join('.');
    expect(verifyToken(forged, [KEY], NOW)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('refuses a changed, shortened or malformed signature', () => {
    const token = link();
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyToken(`${token.slice(0, -1)}${last}`, [KEY], NOW).valid).toBe(false);
    expect(verifyToken(token.slice(0, -5), [KEY], NOW).valid).toBe(false);
    for (const bad of ['', 'x', 'a.b.c', `${token}.x`, token.replace('.', '/'), 'a'.repeat(600)]) {
      expect(verifyToken(bad, [KEY], NOW).valid).toBe(false);
    }
  });

  it('is not verified by another key, but still by the previous key after a rotation', () => {
    const token = link();
    expect(verifyToken(token, [OTHER], NOW)).toEqual({ valid: false, reason: 'unknown_key' });
    expect(verifyToken(token, [OTHER, KEY], NOW).valid).toBe(true);
  });

  it('gives every link its own id for rate limits and forms', () => {
    const a = verifyToken(link('deb-1'), [KEY], NOW);
    const b = verifyToken(link('deb-2'), [KEY], NOW);
    expect(a.valid && b.valid && a.tokenId !== b.tokenId).toBe(true);
  });

  it('refuses a key shorter than 32 characters', () => {
    expect(() => signingKey('short')).toThrow(RangeError);
  });
});

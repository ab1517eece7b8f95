import { describe, expect, it } from 'vitest';
import {
  checkForm,
  FORM_VALID_SECONDS,
  guardForm,
  submissionKey,
} from '../../../functions/core/self-service/form-guard';
import { signingKey } from '../../../functions/core/self-service/self-service-token';

const KEY = signingKey('a-test-key-of-at-least-thirty-two-characters');
const NOW = new Date('2026-03-02T08:00:00Z');

describe("the page's forms", () => {
  it('accepts a form posted back to the link that showed it', () => {
    const guard = guardForm(KEY, 'token-a', 'promise', NOW);
    expect(checkForm([KEY], 'token-a', 'promise', guard, NOW)).toEqual({ valid: true });
  });

  it("refuses a form with another link's, another form's or a made-up CSRF token", () => {
    const guard = guardForm(KEY, 'token-a', 'promise', NOW);
    expect(checkForm([KEY], 'token-b', 'promise', guard, NOW)).toEqual({ valid: false, reason: 'bad_csrf' });
    expect(checkForm([KEY], 'token-a', 'dispute', guard, NOW)).toEqual({ valid: false, reason: 'bad_csrf' });
    expect(checkForm([KEY], 'token-a', 'promise', { ...guard, csrf: 'x'.repeat(43) }, NOW).valid).toBe(false);
    const other = guardForm(KEY, 'token-a', 'promise', NOW);
    expect(checkForm([KEY], 'token-a', 'promise', { nonce: other.nonce, csrf: guard.csrf }, NOW).valid).toBe(
      false,
    );
  });

  it('refuses a form without its nonce or token', () => {
    const guard = guardForm(KEY, 'token-a', 'promise', NOW);
    expect(checkForm([KEY], 'token-a', 'promise', { csrf: guard.csrf }, NOW)).toEqual({
      valid: false,
      reason: 'malformed',
    });
    expect(checkForm([KEY], 'token-a', 'promise', { nonce: guard.nonce }, NOW).valid).toBe(false);
  });

  it('refuses a form shown more than a day ago', () => {
    const guard = guardForm(KEY, 'token-a', 'plan', NOW);
    const later = new Date(NOW.getTime() + (FORM_VALID_SECONDS + 1) * 1000);
    expect(checkForm([KEY], 'token-a', 'plan', guard, later)).toEqual({ valid: false, reason: 'stale' });
  });

  it('gives the same form posted twice one submission key, and each form its own', () => {
    const a = guardForm(KEY, 'token-a', 'promise', NOW);
    const b = guardForm(KEY, 'token-a', 'promise', NOW);
    expect(submissionKey('token-a', a.nonce)).toBe(submissionKey('token-a', a.nonce));
    expect(submissionKey('token-a', a.nonce)).not.toBe(submissionKey('token-a', b.nonce));
    expect(submissionKey('token-a', a.nonce)).not.toBe(submissionKey('token-b', a.nonce));
  });
});

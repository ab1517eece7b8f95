import { describe, expect, it } from 'vitest';
import { maskForLog, maskPersonalData } from '../../../functions/shared/pii';

/** A log line as the logger writes it: JSON through its replacer. */
const logged = (value: unknown) => JSON.stringify(value, maskForLog);

const JWT =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImxvY2FsIn0.eyJzdWIiOiJ1c2VyLTEiLCJjb2duaXRvOmdyb3VwcyI6ImFkbWluIn0.c2lnbmF0dXJl';

describe('log lines hold no personal data or credentials, at any level', () => {
  it('masks names, addresses, phone numbers and bearer tokens in a logged API Gateway event', () => {
    const body = JSON.stringify({
      type: 'debtor.upserted',
      data: {
        id: 'deb-1',
        name: 'Jan Jansen',
        email: 'jan.jansen@example.com',
        phone: '+31 6 1234 5678',
        address: { line1: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Utrecht', country: 'NL' },
        accountManager: { name: 'Piet Pieters', email: 'piet@voorbeeld.example' },
      },
    });
    const line = logged({
      message: 'Lambda invocation event',
      event: {
        headers: { Authorization: `Bearer ${JWT}`, 'webhook-signature': 'v1,c2lnbmF0dXJl' },
        multiValueHeaders: { Authorization: [`Bearer ${JWT}`] },
        body,
      },
    });

    for (const secret of [
      'Jan Jansen',
      'jan.jansen@example.com',
      '1234 5678',
      'Dorpsstraat',
      '1234 AB',
      'Utrecht',
      'Piet Pieters',
      JWT,
      'c2lnbmF0dXJl',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('deb-1');
    expect(line).toContain('debtor.upserted');
  });

  it('keeps an error class name readable while masking a person’s name', () => {
    expect(JSON.parse(logged({ error: { name: 'ConditionalCheckFailedException' } }))).toEqual({
      error: { name: 'ConditionalCheckFailedException' },
    });
    expect(JSON.parse(logged({ debtor: { name: 'Jan Jansen' } }))).toEqual({ debtor: { name: '***' } });
  });

  it('masks tokens and international phone numbers in free text', () => {
    expect(maskPersonalData(`token ${JWT} and Bearer abc.def`)).toBe('token *** and Bearer ***');
    expect(maskPersonalData('call +31 20 123 4567 today')).toBe('call *** today');
    expect(maskPersonalData('invoice inv-2025-0001 due 2025-03-01')).toBe(
      'invoice inv-2025-0001 due 2025-03-01',
    );
  });
});

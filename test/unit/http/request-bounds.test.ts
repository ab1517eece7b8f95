import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { idPath, taskOutcomeBody } from '../../../functions/api/schemas/api-schemas';
import { claimQuery, MAX_RATES, rateTableBody } from '../../../functions/api/schemas/claim-schemas';
import { policyBody } from '../../../functions/api/schemas/policy-schemas';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { SEED_STATUTORY_RATES } from '../../../functions/core/legal/statutory-rates';
import { isCurrencyCode, MAX_AMOUNT_CENTS } from '../../../functions/core/money';

const TIMESTAMP = '2025-03-10T10:00:00Z';

function issuesOf(schema: z.ZodType, input: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

const pathsOf = (schema: z.ZodType, input: unknown) => issuesOf(schema, input).map((issue) => issue.path);

function invoice(data: Record<string, unknown> = {}) {
  return {
    type: 'invoice.created',
    timestamp: TIMESTAMP,
    data: {
      id: 'inv-1',
      number: 'F2025-001',
      debtorId: 'deb-1',
      currency: 'EUR',
      totalAmount: 1_000_00,
      issueDate: '2025-02-01',
      dueDate: '2025-03-01',
      ...data,
    },
  };
}

function debtor(data: Record<string, unknown> = {}) {
  return {
    type: 'debtor.upserted',
    timestamp: TIMESTAMP,
    data: { id: 'deb-1', name: 'Jan Jansen', kind: 'consumer', language: 'nl', ...data },
  };
}

function payment(data: Record<string, unknown> = {}) {
  return {
    type: 'payment.received',
    timestamp: TIMESTAMP,
    data: { id: 'pay-1', amount: 100, currency: 'EUR', receivedAt: TIMESTAMP, debtorId: 'deb-1', ...data },
  };
}

describe('every request field has a bound', () => {
  it('accepts a valid invoice, debtor and payment', () => {
    expect(issuesOf(webhookEvent, invoice())).toEqual([]);
    expect(issuesOf(webhookEvent, debtor())).toEqual([]);
    expect(issuesOf(webhookEvent, payment())).toEqual([]);
  });

  it('refuses currencies that are no ISO 4217 currency in circulation, such as XXX and ZZZ', () => {
    for (const code of ['XXX', 'ZZZ', 'XTS', 'XAU', 'eur', 'EURO']) {
      expect(pathsOf(webhookEvent, invoice({ currency: code })), code).toEqual(['data.currency']);
    }
    expect(issuesOf(webhookEvent, invoice({ currency: 'GBP' }))).toEqual([]);
    expect(['EUR', 'GBP', 'USD', 'CHF', 'XOF'].every(isCurrencyCode)).toBe(true);
  });

  it('refuses dates outside 2000-01-01 to 2099-12-31, such as the years 1000 and 9999', () => {
    expect(pathsOf(webhookEvent, invoice({ issueDate: '1000-01-01' }))).toEqual(['data.issueDate']);
    expect(pathsOf(webhookEvent, invoice({ dueDate: '9999-12-31' }))).toEqual(['data.dueDate']);
    expect(pathsOf(webhookEvent, { ...invoice(), timestamp: '9999-12-31T00:00:00Z' })).toEqual(['timestamp']);
    expect(pathsOf(webhookEvent, payment({ receivedAt: '1000-01-01T00:00:00Z' }))).toEqual([
      'data.receivedAt',
    ]);
  });

  it('refuses a claim day outside the documented range instead of failing on it', () => {
    expect(pathsOf(claimQuery, { asOf: '0000-01-01' })).toEqual(['asOf']);
    expect(pathsOf(claimQuery, { asOf: '9999-12-31' })).toEqual(['asOf']);
    expect(pathsOf(claimQuery, { asOf: '2026-02-28' })).toEqual([]);
  });

  it('refuses amounts above 10^13 cents, such as 2^53 − 1', () => {
    expect(pathsOf(webhookEvent, invoice({ totalAmount: MAX_AMOUNT_CENTS }))).toEqual([]);
    expect(pathsOf(webhookEvent, invoice({ totalAmount: MAX_AMOUNT_CENTS + 1 }))).toEqual([
      'data.totalAmount',
    ]);
    expect(pathsOf(webhookEvent, payment({ amount: Number.MAX_SAFE_INTEGER }))).toEqual(['data.amount']);
    expect(
      pathsOf(
        webhookEvent,
        invoice({ lines: [{ description: 'x', quantity: 1, unitAmount: -1e14, totalAmount: 1 }] }),
      ),
    ).toEqual(['data.lines.0.unitAmount']);
  });

  it('refuses a language letters are not written in', () => {
    expect(pathsOf(webhookEvent, debtor({ language: 'es' }))).toEqual(['data.language']);
    expect(pathsOf(webhookEvent, debtor({ language: 'en' }))).toEqual([]);
  });

  it('refuses ids with a lone surrogate or a control character', () => {
    expect(pathsOf(webhookEvent, invoice({ id: 'inv-\uD800' }))).toEqual(['data.id']);
    expect(pathsOf(webhookEvent, invoice({ debtorId: 'deb-\uDC00-1' }))).toEqual(['data.debtorId']);
    expect(pathsOf(webhookEvent, invoice({ id: 'inv\n1' }))).toEqual(['data.id']);
    expect(pathsOf(idPath, { id: '\uD83D' })).toEqual(['id']);
    expect(pathsOf(idPath, { id: 'inv-😀' })).toEqual([]);
  });

  it('refuses free text over its maximum length', () => {
    expect(pathsOf(webhookEvent, debtor({ name: 'x'.repeat(201) }))).toEqual(['data.name']);
    expect(pathsOf(taskOutcomeBody, { outcome: 'reached', note: 'x'.repeat(2001) })).toEqual(['note']);
  });

  it('refuses a policy name of 1 MiB', () => {
    const seed = SEED_POLICIES[0]!;
    expect(pathsOf(policyBody, { ...seed, name: 'x'.repeat(1024 * 1024) })).toEqual(['name']);
  });

  it('refuses a policy version sent as a string, which would skip the lock', () => {
    const seed = SEED_POLICIES[0]!;
    expect(pathsOf(policyBody, { ...seed, version: '1' })).toEqual(['version']);
  });

  it(`refuses a rate table of more than ${MAX_RATES} rows, or of none`, () => {
    const row = SEED_STATUTORY_RATES[0]!;
    expect(pathsOf(rateTableBody, { rates: Array(20_000).fill(row), version: 1 })).toEqual(['rates']);
    expect(pathsOf(rateTableBody, { rates: [], version: 1 })).toEqual(['rates']);
    expect(pathsOf(rateTableBody, { rates: [row], version: 1 })).toEqual([]);
  });
});

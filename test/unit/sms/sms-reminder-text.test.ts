import { describe, expect, it } from 'vitest';
import { smsSize } from '../../../functions/core/sms/sms-segments';
import { renderSmsReminder } from '../../../functions/templates/sms-reminder';

const base = {
  tone: 'friendly' as const,
  creditorName: 'Voorbeeld Groothandel B.V.',
  invoiceNumbers: ['2026-001'],
  total: { amount: 1_250_00, currency: 'EUR' },
};

describe('the text of an sms reminder', () => {
  it('names the creditor, the invoice number, the amount and the link, in Dutch', () => {
    const text = renderSmsReminder({ ...base, language: 'nl', link: 'https://pay.example/i/1' });
    expect(text).toBe(
      'Voorbeeld Groothandel B.V.: factuur 2026-001 van EUR 1.250,00 staat nog open. Misschien al onderweg? Betalen of regelen: https://pay.example/i/1',
    );
    expect(smsSize(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('is written in English for anyone but a Dutch reader, firmer after the friendly tone', () => {
    const text = renderSmsReminder({ ...base, language: 'de', tone: 'firm' });
    expect(text).toBe(
      'Voorbeeld Groothandel B.V.: invoice 2026-001 for EUR 1,250.00 is past the due date and still unpaid. See our email.',
    );
  });

  it('sums several invoices and spells out the first two numbers', () => {
    const text = renderSmsReminder({
      ...base,
      language: 'nl',
      invoiceNumbers: ['2026-001', '2026-002', '2026-003'],
      total: { amount: 3_000_00, currency: 'EUR' },
    });
    expect(text).toContain('3 facturen (2026-001, 2026-002 +1) van samen EUR 3.000,00 staan nog open');
  });

  it('stays in the GSM 7-bit alphabet, so that it fits one message without its link', () => {
    const text = renderSmsReminder({
      ...base,
      language: 'en',
      total: { amount: 12_345_678_90, currency: 'EUR' },
    });
    expect(smsSize(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('leaves out a link that is not a web address', () => {
    expect(renderSmsReminder({ ...base, language: 'en', link: 'javascript:alert(1)' })).not.toContain(
      'javascript',
    );
  });
});

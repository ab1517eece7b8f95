import { describe, expect, it } from 'vitest';
import { buildClaim, type ClaimInput, type ClaimInvoiceFacts } from '../../../functions/core/legal/claim';
import type { LegalPolicy } from '../../../functions/core/legal/legal-policy';
import {
  SEED_STATUTORY_RATES,
  StatutoryRateNotKnownError,
} from '../../../functions/core/legal/statutory-rates';
import type { WrittenNotice } from '../../../functions/core/legal/written-notice';
import { money } from '../../../functions/core/money';

const eur = (cents: number) => money(cents, 'EUR');

const policy: LegalPolicy = {
  chargeInterest: true,
  chargeCosts: true,
  businessCosts: 'fixed-compensation',
  creditorCanDeductVat: true,
  vatRatePercent: 21,
  postalDeliveryDays: 2,
};

const fourteenDayLetter: WrittenNotice = {
  kind: 'fourteen-day-letter',
  channel: 'email',
  sentOn: '2025-03-03',
  deliveredOn: '2025-03-03',
  termDays: 14,
  statedCosts: eur(15_000),
};

const consumerInvoice: ClaimInvoiceFacts = {
  invoiceId: 'inv-1',
  debtorKind: 'consumer',
  principal: eur(100_000),
  dueDate: '2025-02-14',
  notices: [fourteenDayLetter],
};

const businessInvoice: ClaimInvoiceFacts = { ...consumerInvoice, debtorKind: 'business', notices: [] };

const claim = (overrides: Partial<ClaimInput> = {}) =>
  buildClaim({
    invoice: consumerInvoice,
    policy,
    rates: SEED_STATUTORY_RATES,
    asOf: '2025-03-10',
    ...overrides,
  });

describe('the claim on an invoice', () => {
  it('has the shape of GET /invoices/{id}/claim, amounts in cents', () => {
    const result = claim({ invoice: businessInvoice, asOf: '2025-03-31' });
    expect(Object.keys(result)).toEqual([
      'invoiceId',
      'asOf',
      'currency',
      'principal',
      'interest',
      'costs',
      'total',
      'explanation',
      'limitation',
      'badDebtVat',
    ]);
    expect(Object.keys(result.interest.periods[0]!)).toEqual(['from', 'to', 'days', 'ratePercent', 'amount']);
    expect(Object.keys(result.costs)).toEqual(['amount', 'vat', 'rule', 'dueFrom']);
    expect(result).toMatchObject({
      invoiceId: 'inv-1',
      asOf: '2025-03-31',
      currency: 'EUR',
      principal: 100_000,
    });
  });

  describe('for a consumer', () => {
    it('says collection costs are not yet due while the 14-day term runs', () => {
      const result = claim();
      expect(result.costs).toEqual({ amount: 0, vat: 0, rule: 'wik-scale', dueFrom: '2025-03-18' });
      expect(result.explanation).toContainEqual(
        expect.stringContaining(
          'Collection costs not yet due: the 14-day letter was received on 2025-03-03, the term ends on 2025-03-17',
        ),
      );
      expect(result.total).toBe(100_000);
    });

    it('says the same in Dutch', () => {
      expect(claim({ language: 'nl' }).explanation).toContainEqual(
        expect.stringContaining(
          'Incassokosten nog niet verschuldigd: de veertiendagenbrief is ontvangen op 2025-03-03, de termijn eindigt op 2025-03-17',
        ),
      );
    });

    it('charges EUR 150 and 21% VAT from the day after the term when the creditor cannot deduct VAT', () => {
      const letterWithVat = { ...fourteenDayLetter, statedCosts: eur(18_150) };
      const result = claim({
        invoice: { ...consumerInvoice, notices: [letterWithVat] },
        asOf: '2025-03-18',
        policy: { ...policy, creditorCanDeductVat: false },
      });
      expect(result.costs).toEqual({ amount: 15_000, vat: 3_150, rule: 'wik-scale', dueFrom: '2025-03-18' });
      // The 14-day letter is also the first written reminder: interest runs from 2025-03-18,
      // one day at 6% on EUR 1,000 = 0.16.
      expect(result.interest).toEqual({
        amount: 16,
        periods: [{ from: '2025-03-18', to: '2025-03-18', days: 1, ratePercent: 6, amount: 16 }],
      });
      expect(result.total).toBe(100_000 + 16 + 15_000 + 3_150);
    });

    it('charges no VAT on the costs when the creditor can deduct it', () => {
      const result = claim({ asOf: '2025-03-18' });
      expect(result.costs.vat).toBe(0);
      expect(result.explanation).toContain('No VAT on the costs: the creditor can deduct VAT.');
    });

    it('computes the costs on what is still open at the end of the term when part was paid within it', () => {
      const invoice = { ...consumerInvoice, payments: [{ receivedOn: '2025-03-10', amount: eur(50_000) }] };
      const result = claim({ invoice, asOf: '2025-03-20' });
      expect(result.principal).toBe(50_000);
      expect(result.costs.amount).toBe(7_500); // 15% of EUR 500
    });

    it('charges no costs when the principal was paid within the term', () => {
      const invoice = { ...consumerInvoice, payments: [{ receivedOn: '2025-03-17', amount: eur(100_000) }] };
      const result = claim({ invoice, asOf: '2025-03-20' });
      expect(result.costs).toEqual({ amount: 0, vat: 0, rule: 'wik-scale', dueFrom: null });
      expect(result.total).toBe(0);
    });

    it('never charges more costs than the letter states', () => {
      const invoice = { ...consumerInvoice, notices: [{ ...fourteenDayLetter, statedCosts: eur(10_000) }] };
      const result = claim({ invoice, asOf: '2025-03-20' });
      expect(result.costs.amount).toBe(10_000);
      expect(result.explanation).toContainEqual(expect.stringContaining('limited to €100.00'));
    });

    it('keeps costs and VAT together within the amount the letter states', () => {
      const result = claim({ asOf: '2025-03-20', policy: { ...policy, creditorCanDeductVat: false } });
      // The letter stated EUR 150 without VAT: 123.97 + 21% VAT (26.03) = 150.00.
      expect(result.costs).toMatchObject({ amount: 12_397, vat: 2_603 });
    });

    it('charges no costs without a 14-day letter', () => {
      const result = claim({ invoice: { ...consumerInvoice, notices: [] }, asOf: '2025-06-01' });
      expect(result.costs).toEqual({ amount: 0, vat: 0, rule: 'wik-scale', dueFrom: null });
      expect(result.explanation).toContain(
        'Collection costs not yet due: no 14-day letter (art. 6:96 lid 6 BW) has been sent.',
      );
    });

    it('starts statutory interest only when the debtor is in default, after the term of a written reminder', () => {
      const reminder: WrittenNotice = {
        kind: 'reminder',
        channel: 'email',
        sentOn: '2025-02-20',
        deliveredOn: '2025-02-20',
        termDays: 14,
      };
      const result = claim({ invoice: { ...consumerInvoice, notices: [reminder] }, asOf: '2025-03-31' });
      // Term 2025-02-21 … 2025-03-06; in default from 2025-03-07: 25 days at 6% on EUR 1,000 = 4.11.
      expect(result.interest.periods).toEqual([
        { from: '2025-03-07', to: '2025-03-31', days: 25, ratePercent: 6, amount: 411 },
      ]);
      expect(result.explanation).toContainEqual(expect.stringContaining('in default from 2025-03-07'));
    });

    it('charges no statutory interest before any written reminder, unlike a business debtor', () => {
      const consumer = claim({ invoice: { ...consumerInvoice, notices: [] }, asOf: '2025-03-31' });
      const business = claim({ invoice: businessInvoice, asOf: '2025-03-31' });
      expect(consumer.interest).toEqual({ amount: 0, periods: [] });
      expect(consumer.explanation).toContainEqual(expect.stringContaining('No statutory interest yet'));
      expect(business.interest.periods[0]?.from).toBe('2025-02-15');
    });

    it('refuses to guess the consumer rate after 2026-12-31 and says so', () => {
      expect(() => claim({ asOf: '2027-01-15' })).toThrow(StatutoryRateNotKnownError);
      expect(() => claim({ asOf: '2027-01-15' })).toThrow(
        /consumer interest rate .* for 2027-01-01 is not known/,
      );
    });
  });

  describe('for a business debtor', () => {
    it('charges the fixed EUR 40 compensation from the day after the due date, without VAT', () => {
      const result = claim({
        invoice: businessInvoice,
        asOf: '2025-03-31',
        policy: { ...policy, creditorCanDeductVat: false },
      });
      expect(result.costs).toEqual({
        amount: 4_000,
        vat: 0,
        rule: 'fixed-compensation',
        dueFrom: '2025-02-15',
      });
      // Commercial interest from 2025-02-15: 45 days at 11.15% on EUR 1,000 = 13.75.
      expect(result.interest.amount).toBe(1_375);
      expect(result.total).toBe(100_000 + 1_375 + 4_000);
    });

    it('charges the WIK scale, with VAT where the creditor cannot deduct it, when the policy says the terms allow it', () => {
      const result = claim({
        invoice: businessInvoice,
        asOf: '2025-03-31',
        policy: { ...policy, businessCosts: 'wik-scale', creditorCanDeductVat: false },
      });
      expect(result.costs).toEqual({ amount: 15_000, vat: 3_150, rule: 'wik-scale', dueFrom: '2025-02-15' });
    });

    it('charges nothing extra before the due date has passed', () => {
      const result = claim({ invoice: businessInvoice, asOf: '2025-02-14' });
      expect(result.interest.amount).toBe(0);
      expect(result.costs).toEqual({ amount: 0, vat: 0, rule: 'fixed-compensation', dueFrom: '2025-02-15' });
      expect(result.explanation).toContain(
        'Interest starts on 2025-02-15, after 2025-02-14: no interest is due yet.',
      );
    });

    it('splits the interest at each rate change and explains the day count', () => {
      const result = claim({ invoice: { ...businessInvoice, dueDate: '2024-05-31' }, asOf: '2025-01-31' });
      expect(result.interest.periods.map((p) => p.ratePercent)).toEqual([12.5, 12.25, 11.15]);
      expect(result.interest.amount).toBe(8_150);
      expect(result.explanation).toContainEqual(
        expect.stringContaining('actual days / 365, also in leap years'),
      );
    });

    it('explains the compounding after a full year and the rate derived from the ECB rate', () => {
      const result = claim({ invoice: { ...businessInvoice, dueDate: '2024-07-31' }, asOf: '2025-08-31' });
      expect(result.explanation).toContainEqual(
        expect.stringContaining('On 2025-08-01 a full year had passed: the interest over that year'),
      );
      expect(result.explanation).toContain(
        'The commercial rate of 10.15% from 2025-07-01 is the ECB main refinancing rate of 2.15% on that day plus 8 points (art. 6:120 lid 2 BW).',
      );
    });

    it('flags a rate not yet confirmed by publication', () => {
      const result = claim({ invoice: { ...businessInvoice, dueDate: '2026-06-15' }, asOf: '2026-08-31' });
      expect(result.explanation).toContain(
        'The rate of 10.4% from 2026-07-01 has not yet been verified against the published rate.',
      );
    });

    it('computes a claim on an invoice due in 2021 with the rates of 2021', () => {
      const result = claim({ invoice: { ...businessInvoice, dueDate: '2021-03-31' }, asOf: '2021-12-31' });
      expect(result.interest.periods.map((p) => [p.from, p.to, p.ratePercent])).toEqual([
        ['2021-04-01', '2021-06-30', 8],
        ['2021-07-01', '2021-12-31', 8],
      ]);
      // 275 days at 8% on EUR 1,000 = 60.27.
      expect(result.interest.amount).toBe(6_027);
    });
  });

  it('charges neither interest nor costs when the policy says not to', () => {
    const result = claim({
      invoice: businessInvoice,
      asOf: '2025-06-30',
      policy: { ...policy, chargeInterest: false, chargeCosts: false },
    });
    expect(result.interest).toEqual({ amount: 0, periods: [] });
    expect(result.costs).toEqual({ amount: 0, vat: 0, rule: 'none', dueFrom: null });
    expect(result.total).toBe(100_000);
  });

  it('gives the lapse date and raises a task when the claim lapses within 90 days', () => {
    const result = claim({
      invoice: { ...businessInvoice, dueDate: '2020-01-31' },
      asOf: '2024-12-01',
      policy: { ...policy, chargeInterest: false },
    });
    expect(result.limitation).toEqual({
      periodYears: 5,
      article: 'art. 3:307 BW',
      runsFrom: '2020-02-01',
      restartedByReminderReceivedOn: null,
      lapsesOn: '2025-02-01',
      daysLeft: 62,
      status: 'lapses-soon',
      raisesTask: true,
    });
    expect(result.explanation).toContainEqual(expect.stringContaining('It lapses in 62 days'));
  });

  it('gives the date from which the VAT may be reclaimed as a bad debt', () => {
    expect(claim({ invoice: businessInvoice, asOf: '2026-02-15' }).badDebtVat).toEqual({
      reclaimableFrom: '2026-02-15',
      reclaimable: true,
    });
  });

  it('charges no collection costs on an invoice in another currency, but still interest', () => {
    const invoice = { ...businessInvoice, principal: money(100_000, 'USD') };
    const result = claim({ invoice, asOf: '2025-03-31' });
    expect(result.currency).toBe('USD');
    expect(result.costs.rule).toBe('none');
    expect(result.interest.amount).toBe(1_375);
  });

  it('refuses an invalid policy or as-of date', () => {
    expect(() => claim({ policy: { ...policy, postalDeliveryDays: -1 } })).toThrow(/postalDeliveryDays/);
    expect(() => claim({ asOf: '2025-02-30' })).toThrow(/asOf must be a calendar date/);
  });
});

describe('a claim after payments under a plan that included interest and costs', () => {
  it('deducts what the payments paid of the costs and the interest from the total, and leaves the principal as paid', () => {
    const paid = { receivedOn: '2025-04-15', amount: eur(10_000) };
    const plain = claim({ invoice: { ...businessInvoice, payments: [paid] }, asOf: '2025-06-30' });
    const after = claim({
      invoice: { ...businessInvoice, payments: [{ ...paid, toCosts: 4_000, toInterest: 500 }] },
      asOf: '2025-06-30',
    });
    expect(after.principal).toBe(90_000);
    expect(after.total).toBe(plain.total - 4_500);
    expect(after.explanation.some((line) => line.includes('art. 6:44 BW'))).toBe(true);
  });
});

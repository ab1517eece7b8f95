import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClaim, type ClaimInvoiceFacts } from '../../../functions/core/legal/claim';
import { apportionByWeight, letterCosts } from '../../../functions/core/legal/letter-costs';
import type { LegalPolicy } from '../../../functions/core/legal/legal-policy';
import { SEED_STATUTORY_RATES } from '../../../functions/core/legal/statutory-rates';
import type { WrittenNotice } from '../../../functions/core/legal/written-notice';
import { money } from '../../../functions/core/money';

const eur = (cents: number) => money(cents, 'EUR');

const policy: LegalPolicy = {
  chargeInterest: false,
  chargeCosts: true,
  businessCosts: 'wik-scale',
  creditorCanDeductVat: true,
  vatRatePercent: 21,
  postalDeliveryDays: 2,
};

/** One 14-day letter for three invoices of EUR 100: it states 15% of EUR 300. */
const letter: WrittenNotice = {
  kind: 'fourteen-day-letter',
  channel: 'email',
  sentOn: '2025-03-03',
  deliveredOn: '2025-03-03',
  termDays: 14,
  statedCosts: eur(45_00),
  payBy: '2025-03-18',
  letterId: 'msg-1',
  invoiceIds: ['inv-a', 'inv-b', 'inv-c'],
};

const invoiceOf = (invoiceId: string, principal = 100_00): ClaimInvoiceFacts => ({
  invoiceId,
  debtorKind: 'consumer',
  principal: eur(principal),
  dueDate: '2025-02-14',
  notices: [letter],
});

describe('the costs stated in one 14-day letter listing several invoices', () => {
  it('computes the costs once on the combined principal: three invoices of EUR 100 give EUR 45, EUR 15 each', () => {
    const claims = ['inv-a', 'inv-b', 'inv-c'].map((id) =>
      buildClaim({
        invoice: invoiceOf(id),
        letterInvoices: ['inv-a', 'inv-b', 'inv-c']
          .filter((other) => other !== id)
          .map((other) => invoiceOf(other)),
        policy,
        rates: SEED_STATUTORY_RATES,
        asOf: '2025-03-31',
      }),
    );

    expect(claims.map((claim) => claim.costs.amount)).toEqual([15_00, 15_00, 15_00]);
    expect(claims[0]?.costs.letter).toEqual({
      id: 'msg-1',
      sentOn: '2025-03-03',
      invoiceIds: ['inv-a', 'inv-b', 'inv-c'],
      principal: 300_00,
      amount: 45_00,
      vat: 0,
    });
    expect(claims[0]?.explanation).toContainEqual(expect.stringContaining("this invoice's share is €15.00"));
  });

  it('applies the EUR 40 minimum once, to the letter, not to each invoice', () => {
    const costs = letterCosts({
      statedCosts: eur(40_00),
      bases: [
        { invoiceId: 'a', base: 50_00 },
        { invoiceId: 'b', base: 50_00 },
      ],
      creditorCanDeductVat: true,
      vatRatePercent: 21,
    });
    expect(costs).toMatchObject({ costs: eur(40_00), minimumApplied: true });
    expect(costs.shares.map((share) => share.costs)).toEqual([20_00, 20_00]);
  });

  it('never exceeds the amount the letter states', () => {
    const costs = letterCosts({
      statedCosts: eur(30_00),
      bases: [
        { invoiceId: 'a', base: 100_00 },
        { invoiceId: 'b', base: 200_00 },
      ],
      creditorCanDeductVat: true,
      vatRatePercent: 21,
    });
    expect(costs).toMatchObject({ costs: eur(30_00), capped: true });
    expect(costs.shares.map((share) => share.costs)).toEqual([10_00, 20_00]);
  });

  it('lowers the costs by what was paid within the term (HR 2016:2704)', () => {
    const paid: ClaimInvoiceFacts = {
      ...invoiceOf('inv-b'),
      payments: [{ receivedOn: '2025-03-10', amount: eur(100_00) }],
    };
    const claim = buildClaim({
      invoice: invoiceOf('inv-a'),
      letterInvoices: [paid, invoiceOf('inv-c')],
      policy,
      rates: SEED_STATUTORY_RATES,
      asOf: '2025-03-31',
    });
    // EUR 200 still open when the term ended: 15% is EUR 30, below the minimum of EUR 40.
    expect(claim.costs.letter).toMatchObject({ principal: 200_00, amount: 40_00 });
    expect(claim.costs.amount).toBe(20_00);
  });

  it('shares whole cents that add up to the letter’s amount, in proportion to each principal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 677_500 }),
        fc.array(fc.integer({ min: 0, max: 100_000_000_00 }), { minLength: 1, maxLength: 45 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0));
          const shares = apportionByWeight(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, index) => {
            expect(Math.abs(share - (total * weights[index]!) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});

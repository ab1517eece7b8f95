import { describe, expect, it } from 'vitest';
import {
  collectionCostsWithinStatedAmount,
  vatOnCollectionCosts,
  wikCollectionCosts,
} from '../../../functions/core/legal/wik-collection-costs';
import { money } from '../../../functions/core/money';

const eur = (cents: number) => money(cents, 'EUR');
const costsOn = (principalCents: number) => wikCollectionCosts(eur(principalCents)).amount.amount;

describe('WIK collection costs (art. 6:96 BW, Besluit BIK art. 2)', () => {
  it('charges EUR 150 on a principal of EUR 1,000 (the example in docs/legal-rules.md)', () => {
    expect(wikCollectionCosts(eur(100_000)).amount).toEqual(eur(15_000));
  });

  it('charges the minimum of EUR 40 on small principals', () => {
    expect(costsOn(1)).toBe(4_000);
    expect(costsOn(10_000)).toBe(4_000);
    expect(costsOn(26_600)).toBe(4_000); // 15% = 39.90
    expect(wikCollectionCosts(eur(26_600)).minimumApplied).toBe(true);
    expect(costsOn(26_666)).toBe(4_000); // 15% = 39.999, which rounds to 40.00 by itself
  });

  it('leaves the minimum behind at EUR 266.67 and rounds half a cent up', () => {
    expect(costsOn(26_667)).toBe(4_000); // 15% = 40.0005 → 40.00
    expect(wikCollectionCosts(eur(26_667)).minimumApplied).toBe(false);
    expect(costsOn(26_670)).toBe(4_001); // 15% = 40.005 → 40.01
  });

  it('charges 15% up to EUR 2,500 and 10% on the next cent', () => {
    expect(costsOn(250_000)).toBe(37_500);
    expect(costsOn(250_001)).toBe(37_500); // + 10% of 0.01 = 375.001
    expect(costsOn(250_005)).toBe(37_501); // + 10% of 0.05 = 375.005 → 375.01
  });

  it('charges EUR 625 at EUR 5,000 and 5% above it', () => {
    expect(costsOn(500_000)).toBe(62_500);
    expect(costsOn(500_010)).toBe(62_501); // + 5% of 0.10 = 625.005 → 625.01
  });

  it('charges EUR 875 at EUR 10,000 and 1% above it', () => {
    expect(costsOn(1_000_000)).toBe(87_500);
    expect(costsOn(1_000_050)).toBe(87_501); // + 1% of 0.50 = 875.005 → 875.01
  });

  it('charges EUR 2,775 at EUR 200,000 and 0.5% above it', () => {
    expect(costsOn(20_000_000)).toBe(277_500);
    expect(costsOn(20_000_100)).toBe(277_501); // + 0.5% of 1.00 = 2,775.005 → 2,775.01
    expect(costsOn(30_000_000)).toBe(327_500);
  });

  it('reaches the maximum of EUR 6,775 at EUR 1,000,000 and stays there', () => {
    expect(costsOn(100_000_000)).toBe(677_500);
    expect(wikCollectionCosts(eur(100_000_000)).maximumApplied).toBe(false);
    expect(costsOn(100_000_200)).toBe(677_500);
    expect(wikCollectionCosts(eur(100_000_200)).maximumApplied).toBe(true);
    expect(costsOn(500_000_000)).toBe(677_500);
  });

  it('refuses a principal in another currency: the scale is in euros', () => {
    expect(() => wikCollectionCosts(money(100_000, 'USD'))).toThrow(/defined in euros/);
  });

  it('adds 21% VAT only when the creditor cannot deduct it', () => {
    expect(vatOnCollectionCosts(eur(15_000), false, 21)).toEqual(eur(3_150));
    expect(vatOnCollectionCosts(eur(15_000), true, 21)).toEqual(eur(0));
    expect(vatOnCollectionCosts(eur(4_001), false, 21)).toEqual(eur(840)); // 8.4021 → 8.40
    expect(vatOnCollectionCosts(eur(4_050), false, 21)).toEqual(eur(851)); // 8.505 → 8.51
  });
});

describe('costs within the amount a 14-day letter states', () => {
  it('leaves costs and VAT alone when they fit', () => {
    expect(collectionCostsWithinStatedAmount(eur(15_000), eur(18_150), false, 21)).toEqual({
      costs: eur(15_000),
      vat: eur(3_150),
      capped: false,
    });
  });

  it('lowers the costs so that costs and VAT together stay within the stated amount', () => {
    expect(collectionCostsWithinStatedAmount(eur(15_000), eur(15_000), false, 21)).toEqual({
      costs: eur(12_397),
      vat: eur(2_603),
      capped: true,
    });
    expect(collectionCostsWithinStatedAmount(eur(15_000), eur(10_000), true, 21)).toEqual({
      costs: eur(10_000),
      vat: eur(0),
      capped: true,
    });
  });
});

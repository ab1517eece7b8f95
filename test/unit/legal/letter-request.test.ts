import { describe, expect, it } from 'vitest';
import { buildClaim, type ClaimInvoiceFacts } from '../../../functions/core/legal/claim';
import type { LegalPolicy } from '../../../functions/core/legal/legal-policy';
import { letterRequestKindOf } from '../../../functions/core/legal/letter-request';
import { SEED_STATUTORY_RATES } from '../../../functions/core/legal/statutory-rates';
import { money } from '../../../functions/core/money';
import type { LetterClaim } from '../../../functions/templates/letter-input';
import { renderLetter } from '../../../functions/templates/render-letter';
import { claim2026001, eur, letter } from '../templates/letter-fixtures';

const nl = (amount: string) => `€\u00a0${amount}`;

const policy: LegalPolicy = {
  chargeInterest: true,
  chargeCosts: true,
  businessCosts: 'fixed-compensation',
  creditorCanDeductVat: true,
  vatRatePercent: 21,
  postalDeliveryDays: 2,
};

const business: ClaimInvoiceFacts = {
  invoiceId: 'inv-1',
  debtorKind: 'business',
  principal: money(1_000_00, 'EUR'),
  dueDate: '2025-02-14',
};

const claimOf = (invoice: ClaimInvoiceFacts, asOf = '2025-04-30') =>
  buildClaim({ invoice, policy, rates: SEED_STATUTORY_RATES, asOf });

const stated: LetterClaim = claim2026001();

describe('what a letter asks', () => {
  it('asks businesses the total claim and offers consumers the principal, unless the policy says otherwise', () => {
    expect(letterRequestKindOf(policy, 'business')).toBe('total-claim');
    expect(letterRequestKindOf(policy, 'consumer')).toBe('principal-settlement');
    expect(letterRequestKindOf({ ...policy, letterRequest: 'principal-settlement' }, 'business')).toBe(
      'principal-settlement',
    );
  });

  it('demanding the total claim, asks in its words the total it states', () => {
    const { text } = renderLetter(
      letter({
        tone: 'final',
        claims: [stated],
        request: { kind: 'total-claim', amount: eur(1_281_77), payBy: '2026-04-07' },
      }),
    );

    expect(text).toContain(`Totaal verschuldigd: ${nl('1.281,77')}`);
    expect(text).toContain(`het openstaande bedrag van ${nl('1.281,77')}`);
    expect(text).toContain(`Totaal openstaand: ${nl('1.234,56')}`);
  });

  it('offering the principal as a settlement, prints no total it does not pursue', () => {
    const { text, html } = renderLetter(
      letter({
        tone: 'final',
        claims: [stated],
        request: { kind: 'principal-settlement', amount: eur(1_234_56), payBy: '2026-04-07' },
      }),
    );

    expect(text).toContain(
      `Betaalt u ${nl('1.234,56')} uiterlijk 7 april 2026, dan zien wij af van rente en kosten.`,
    );
    expect(text).not.toContain('Totaal verschuldigd');
    expect(text).not.toContain('1.281,77');
    expect(html).toContain('dan zien wij af van rente en kosten');
  });

  it('settles the claim when the principal offered is paid by the date, waiving interest and costs', () => {
    const claim = claimOf({
      ...business,
      payments: [{ receivedOn: '2025-04-10', amount: money(1_000_00, 'EUR') }],
      requests: [{ kind: 'principal-settlement', sentOn: '2025-03-26', payBy: '2025-04-09', part: 1_000_00 }],
    });
    const onTime = claimOf({
      ...business,
      payments: [{ receivedOn: '2025-04-09', amount: money(1_000_00, 'EUR') }],
      requests: [{ kind: 'principal-settlement', sentOn: '2025-03-26', payBy: '2025-04-09', part: 1_000_00 }],
    });

    expect(claim.total).toBeGreaterThan(0);
    expect(onTime).toMatchObject({ total: 0, interest: { amount: 0 }, costs: { amount: 0 } });
    expect(onTime.explanation).toContainEqual(expect.stringContaining('waiving interest and costs'));
  });

  it('settles the claim when the total demanded is paid by the date, costs and interest first', () => {
    const claim = claimOf({
      ...business,
      payments: [
        {
          receivedOn: '2025-04-05',
          amount: money(1_000_00, 'EUR'),
          toCosts: 40_00,
          toInterest: 17_43,
        },
      ],
      requests: [{ kind: 'total-claim', sentOn: '2025-03-26', payBy: '2025-04-09', part: 1_057_43 }],
    });

    expect(claim.total).toBe(0);
  });

  it('deducts what went to costs and interest from those, and leaves the rest of the principal open', () => {
    const claim = claimOf({
      ...business,
      payments: [{ receivedOn: '2025-04-05', amount: money(0, 'EUR'), toCosts: 40_00, toInterest: 10_00 }],
    });

    expect(claim.principal).toBe(1_000_00);
    expect(claim.total).toBe(1_000_00 + claim.interest.amount - 10_00);
    expect(claim.explanation).toContainEqual(expect.stringContaining('art. 6:44 BW'));
  });
});

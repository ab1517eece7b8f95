import { describe, expect, it } from 'vitest';
import { buildClaim } from '../../../functions/core/legal/claim';
import { SEED_STATUTORY_RATES } from '../../../functions/core/legal/statutory-rates';
import { money } from '../../../functions/core/money';
import {
  type ClaimSources,
  claimInvoiceFacts,
  explanationLanguage,
} from '../../../functions/use-cases/claims/claim-facts';
import { creditNoteBooked, emailBounced, emailDelivered, emailSent, paymentBooked } from './claim-timeline';

const eur = (cents: number) => money(cents, 'EUR');

const invoice = { id: 'inv-1', currency: 'EUR', totalAmount: 1_000_00, dueDate: '2025-02-14' };

const facts = (overrides: Partial<ClaimSources> = {}) =>
  claimInvoiceFacts({ invoice, debtor: { kind: 'business' }, timeline: [], payments: [], ...overrides });

const fourteenDayLetterSent = emailSent(
  '2025-03-03T08:00:00Z',
  'msg-3',
  'finalNotice',
  'fourteen-day-letter',
  {
    endsOn: '2025-03-17',
    costs: { amount: 150_00, currency: 'EUR' },
  },
);

describe('the facts of a claim, from the invoice and its timeline', () => {
  it('claims the invoiced total less what credit notes took off', () => {
    const result = facts({ timeline: [creditNoteBooked('2025-02-20T10:00:00Z', 'cn-1', 200_00)] });

    expect(result.principal).toEqual(eur(800_00));
  });

  it('counts a payment on the day the money arrived in Amsterdam, not the day it was booked', () => {
    const result = facts({
      timeline: [paymentBooked('2025-03-12T08:00:00Z', 'pay-1', 300_00)],
      payments: [{ id: 'pay-1', receivedAt: '2025-03-10T23:30:00Z' }],
    });

    expect(result.payments).toEqual([{ receivedOn: '2025-03-11', amount: eur(300_00) }]);
  });

  it('refuses to compute a claim when a booked payment has no record, rather than leave the payment out', () => {
    expect(() => facts({ timeline: [paymentBooked('2025-03-12T08:00:00Z', 'pay-9', 100_00)] })).toThrow(
      'payment pay-9 on invoice inv-1 has no record',
    );
  });

  it('takes a delivered reminder as a written notice received on the day SES confirmed delivery', () => {
    const result = facts({
      timeline: [
        emailSent('2025-02-17T08:00:00Z', 'msg-1', 'firstReminder'),
        emailDelivered('2025-02-17T23:10:00Z', 'msg-1', 'firstReminder'),
      ],
    });

    expect(result.notices).toEqual([
      {
        kind: 'reminder',
        channel: 'email',
        sentOn: '2025-02-17',
        deliveredOn: '2025-02-18',
        returned: false,
        termDays: 14,
        statedCosts: null,
      },
    ]);
  });

  it('leaves a reminder without a delivery confirmation of its own unreceived', () => {
    const result = facts({
      timeline: [
        emailSent('2025-02-17T08:00:00Z', 'msg-1', 'firstReminder'),
        emailSent('2025-02-28T08:00:00Z', 'msg-2', 'secondReminder'),
        emailDelivered('2025-02-28T08:00:05Z', 'msg-2', 'secondReminder'),
      ],
    });

    expect(result.notices?.map((notice) => [notice.sentOn, notice.deliveredOn])).toEqual([
      ['2025-02-17', null],
      ['2025-02-28', '2025-02-28'],
    ]);
  });

  it('marks a reminder that bounced as returned', () => {
    const result = facts({
      timeline: [
        emailSent('2025-02-17T08:00:00Z', 'msg-1', 'firstReminder'),
        emailBounced('2025-02-17T08:01:00Z', 'msg-1', 'firstReminder'),
      ],
    });

    expect(result.notices?.[0]?.returned).toBe(true);
  });

  it('takes the 14-day letter with the costs it stated and its statutory 14 days', () => {
    const result = facts({ timeline: [fourteenDayLetterSent] });

    expect(result.notices).toEqual([
      expect.objectContaining({ kind: 'fourteen-day-letter', termDays: 14, statedCosts: eur(150_00) }),
    ]);
  });

  it('does not count the notice of the hand-over to the collection agency as a reminder', () => {
    const result = facts({
      timeline: [
        emailSent('2025-04-20T08:00:00Z', 'msg-4', 'collectionAgency', 'collection-agency-handover'),
      ],
    });

    expect(result.notices).toEqual([]);
  });

  it('treats a consumer invoice as a sale of goods, so the shorter limitation period is watched', () => {
    expect(facts({ debtor: { kind: 'consumer' } }).consumerPurchase).toBe(true);
    expect(facts({ debtor: { kind: 'business' } }).consumerPurchase).toBe(false);
  });

  it('explains the claim in Dutch to a Dutch debtor and in English to everyone else', () => {
    expect(explanationLanguage({ language: 'nl' })).toBe('nl');
    expect(explanationLanguage({ language: 'de' })).toBe('en');
  });

  it('gives a consumer WIK costs once the delivered 14-day letter’s term has passed', () => {
    const claim = buildClaim({
      invoice: facts({
        debtor: { kind: 'consumer' },
        timeline: [fourteenDayLetterSent, emailDelivered('2025-03-03T08:00:04Z', 'msg-3', 'finalNotice')],
      }),
      policy: {
        chargeInterest: true,
        chargeCosts: true,
        businessCosts: 'wik-scale',
        creditorCanDeductVat: true,
        vatRatePercent: 21,
        postalDeliveryDays: 2,
      },
      rates: SEED_STATUTORY_RATES,
      asOf: '2025-03-20',
    });

    expect(claim.costs).toEqual({ amount: 150_00, vat: 0, rule: 'wik-scale', dueFrom: '2025-03-18' });
  });
});

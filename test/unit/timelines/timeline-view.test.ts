import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../functions/core/ledger/timeline';
import { readerLanguage } from '../../../functions/shared/http/reader-language';
import { timelineView, withMoneyShown } from '../../../functions/use-cases/timelines/timeline-view';

const entry = (
  at: string,
  type: TimelineEvent['type'],
  details?: Record<string, unknown>,
): TimelineEvent => ({
  at,
  type,
  actor: 'workflow',
  summary: type,
  ...(details ? { details } : {}),
});
const reading = { language: 'en' as const, timeZone: 'Europe/Amsterdam' };

describe('a timeline in the order things happened', () => {
  it('puts an email before its delivery even when SES timed the delivery before we recorded the send', () => {
    const view = timelineView(
      [
        {
          event: entry('2026-03-04T08:00:00.100Z', 'email_delivered', {
            messageId: 'm-1',
            slot: 'firstReminder',
          }),
        },
        {
          event: entry('2026-03-04T08:00:00.300Z', 'email_sent', { messageId: 'm-1', slot: 'firstReminder' }),
        },
        { event: entry('2026-03-04T08:00:00.200Z', 'task_created') },
      ],
      reading,
    );
    expect(view.map((e) => [e.sequence, e.type])).toEqual([
      [1, 'task_created'],
      [2, 'email_sent'],
      [3, 'email_delivered'],
    ]);
  });

  it('orders entries of the same instant cause first: the payment, the invoice paid, the dunning stopped', () => {
    const at = '2026-03-05T09:00:00Z';
    const view = timelineView(
      [
        { event: entry(at, 'dunning_stopped') },
        { event: entry(at, 'invoice_paid') },
        { event: entry(at, 'payment_received') },
      ],
      reading,
    );
    expect(view.map((e) => e.type)).toEqual(['payment_received', 'invoice_paid', 'dunning_stopped']);
  });

  it('names a kind of entry it has no title for by its own words, and a person without a name as a user', () => {
    const [shown] = timelineView(
      [{ event: { ...entry('2026-03-05T09:00:00Z', 'call_window_ended'), actor: 'user:abc' } }],
      reading,
    );
    expect(shown).toMatchObject({
      title: 'Call window ended',
      actor: { kind: 'user', id: 'user:abc', name: 'User' },
      atLocal: '5 March 2026 at 10:00',
    });
  });
});

describe('money on a timeline', () => {
  it('shows every amount as amount, currency and formatted, in the currency nearest to it', () => {
    expect(
      withMoneyShown(
        {
          amount: 500_00,
          request: { kind: 'total-claim', amount: 1_000_00, payBy: '2026-03-20' },
          fourteenDayTerm: { endsOn: '2026-03-20', costs: { amount: 40_00, currency: 'EUR' } },
          credit: { currency: 'USD', amount: 12_00 },
          instalments: [1, 2],
          remaining: 2,
        },
        'EUR',
        'nl',
      ),
    ).toEqual({
      amount: { amount: 500_00, currency: 'EUR', formatted: '€\u00a0500,00' },
      request: {
        kind: 'total-claim',
        amount: { amount: 1_000_00, currency: 'EUR', formatted: '€\u00a01.000,00' },
        payBy: '2026-03-20',
      },
      fourteenDayTerm: {
        endsOn: '2026-03-20',
        costs: { amount: 40_00, currency: 'EUR', formatted: '€\u00a040,00' },
      },
      credit: { amount: 12_00, currency: 'USD', formatted: 'US$\u00a012,00' },
      instalments: [1, 2],
      remaining: 2,
    });
  });

  it('leaves a number of cents as it is where no currency is known, rather than guess one', () => {
    expect(withMoneyShown({ amount: 500_00 }, undefined, 'en')).toEqual({ amount: 500_00 });
  });
});

describe("the reader's language", () => {
  const event = (headers: Record<string, string>) => ({ headers }) as unknown as APIGatewayProxyEvent;

  it('takes lang first, then the heaviest Dutch or English tag of Accept-Language, else Dutch', () => {
    expect(readerLanguage('en', event({ 'Accept-Language': 'nl' }))).toBe('en');
    expect(readerLanguage(undefined, event({ 'accept-language': 'de-DE,en-GB;q=0.8,nl;q=0.9' }))).toBe('nl');
    expect(readerLanguage(undefined, event({ 'Accept-Language': 'fr, en;q=0.5' }))).toBe('en');
    expect(readerLanguage(undefined, event({}))).toBe('nl');
  });
});

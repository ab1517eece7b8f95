import { describe, expect, it } from 'vitest';
import { demandTerm } from '../../../functions/core/dunning/demand-term';
import { consumerDefault } from '../../../functions/core/legal/consumer-default';

describe('every demand has a date', () => {
  it('gives a consumer 14 days after receipt, dated on a working day', () => {
    // Tuesday 24 March 2026 + 14 = Tuesday 7 April (after Easter Monday, a working day).
    expect(demandTerm({ step: {}, debtorKind: 'consumer', today: '2026-03-24' })).toEqual({
      payBy: '2026-04-07',
      termDays: 14,
    });
  });

  it('gives a business a week, moved off a weekend or holiday to the next working day', () => {
    // Thursday 26 March + 7 = Thursday 2 April; Monday 30 March + 7 = Monday 6 April (Easter Monday) → 7 April.
    expect(demandTerm({ step: {}, debtorKind: 'business', today: '2026-03-26' }).payBy).toBe('2026-04-02');
    expect(demandTerm({ step: {}, debtorKind: 'business', today: '2026-03-30' }).payBy).toBe('2026-04-07');
  });

  it('takes the days to pay from the policy step where it says so', () => {
    expect(demandTerm({ step: { payWithinDays: 10 }, debtorKind: 'business', today: '2026-03-26' })).toEqual({
      // 26 March + 10 = Sunday 5 April, then Easter Monday: Tuesday 7 April.
      payBy: '2026-04-07',
      termDays: 10,
    });
  });

  it('dates the final notice before its hand-over, and names the hand-over day', () => {
    expect(
      demandTerm({ step: {}, debtorKind: 'business', today: '2026-03-26', handOverOn: '2026-03-31' }),
    ).toEqual({ payBy: '2026-03-30', termDays: 7, handOverOn: '2026-03-31' });
  });

  it('puts a consumer in default the day after the date the reminder itself named', () => {
    const inDefault = consumerDefault(
      '2026-03-01',
      [
        {
          kind: 'reminder',
          channel: 'email',
          sentOn: '2026-03-24',
          deliveredOn: '2026-03-24',
          termDays: 14,
          payBy: '2026-04-08',
        },
      ],
      2,
    );
    expect(inDefault?.termEndsOn).toBe('2026-04-08');
    expect(inDefault?.inDefaultFrom).toBe('2026-04-09');
  });
});

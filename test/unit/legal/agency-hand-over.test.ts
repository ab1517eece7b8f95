import { describe, expect, it } from 'vitest';
import { consumerHandOver } from '../../../functions/core/legal/agency-hand-over';
import { assessFourteenDayLetters } from '../../../functions/core/legal/fourteen-day-letter';
import type { WrittenNotice } from '../../../functions/core/legal/written-notice';

const letter: WrittenNotice = {
  kind: 'fourteen-day-letter',
  channel: 'email',
  sentOn: '2025-02-26',
  deliveredOn: '2025-02-26',
  termDays: 14,
  statedCosts: { amount: 150_00, currency: 'EUR' },
};

function handOverOn(asOf: string, notices: WrittenNotice[]) {
  return consumerHandOver(
    assessFourteenDayLetters({ dueDate: '2025-02-05', notices, asOf, postalDeliveryDays: 2 }),
  );
}

describe('handing a consumer’s claim to a collection agency', () => {
  it('hands over from the day after the 14-day term of a received letter', () => {
    expect(handOverOn('2025-03-13', [letter])).toEqual({ decision: 'ready' });
  });

  it('waits while the term runs', () => {
    expect(handOverOn('2025-03-12', [letter])).toEqual({ decision: 'wait', from: '2025-03-13' });
  });

  it('refuses without a 14-day letter, with one that bounced, or with one that states no costs', () => {
    expect(handOverOn('2025-04-01', [])).toEqual({ decision: 'refuse', reason: 'no 14-day letter was sent' });
    expect(handOverOn('2025-04-01', [{ ...letter, deliveredOn: null, returned: true }])).toMatchObject({
      decision: 'refuse',
      reason: 'the 14-day letter of 2025-02-26 was not shown to be received',
    });
    expect(handOverOn('2025-04-01', [{ ...letter, statedCosts: null }])).toMatchObject({
      decision: 'refuse',
      reason: 'the 14-day letter of 2025-02-26 is not valid: costs-not-stated',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { claimLimitation } from '../../../functions/core/legal/limitation';
import type { WrittenNotice } from '../../../functions/core/legal/written-notice';

const reminder = (receivedOn: string, channel: 'email' | 'post' = 'email'): WrittenNotice => ({
  kind: 'reminder',
  channel,
  sentOn: receivedOn,
  deliveredOn: receivedOn,
  termDays: 14,
});

const limitation = (overrides: Partial<Parameters<typeof claimLimitation>[0]> = {}) =>
  claimLimitation({
    dueDate: '2025-01-31',
    consumerPurchase: false,
    notices: [],
    postalDeliveryDays: 2,
    asOf: '2025-06-01',
    ...overrides,
  });

describe('limitation (verjaring)', () => {
  it('lapses 5 years after the day following the due date (art. 3:307 BW)', () => {
    expect(limitation()).toMatchObject({
      periodYears: 5,
      article: 'art. 3:307 BW',
      runsFrom: '2025-02-01',
      lapsesOn: '2030-02-01',
      status: 'running',
      raisesTask: false,
    });
  });

  it('lapses after 2 years for the price of a consumer purchase (art. 7:28 BW)', () => {
    expect(limitation({ consumerPurchase: true })).toMatchObject({
      periodYears: 2,
      article: 'art. 7:28 BW',
      lapsesOn: '2027-02-01',
    });
  });

  it('starts again the day after a written reminder is received (art. 3:317, 3:319 BW)', () => {
    const result = limitation({
      consumerPurchase: true,
      notices: [reminder('2026-05-10')],
      asOf: '2026-06-01',
    });
    expect(result).toMatchObject({
      runsFrom: '2026-05-11',
      lapsesOn: '2028-05-11',
      restartedByReminderReceivedOn: '2026-05-10',
    });
  });

  it('takes the last reminder received by the as-of date', () => {
    const result = limitation({
      notices: [reminder('2025-03-01'), reminder('2025-05-01'), reminder('2025-07-01')],
      asOf: '2025-06-01',
    });
    expect(result.lapsesOn).toBe('2030-05-02');
  });

  it('does not count a reminder without proof of receipt', () => {
    const unproven: WrittenNotice = { ...reminder('2025-05-01'), deliveredOn: null };
    expect(limitation({ notices: [unproven] }).lapsesOn).toBe('2030-02-01');
  });

  it('does not revive a claim with a reminder received after it lapsed', () => {
    const result = limitation({
      consumerPurchase: true,
      notices: [reminder('2027-02-01')],
      asOf: '2027-03-01',
    });
    expect(result).toMatchObject({ lapsesOn: '2027-02-01', status: 'lapsed', raisesTask: false });
  });

  it('raises a task when the claim lapses within 90 days', () => {
    expect(limitation({ asOf: '2029-11-03' })).toMatchObject({
      daysLeft: 90,
      status: 'lapses-soon',
      raisesTask: true,
    });
    expect(limitation({ asOf: '2029-11-02' })).toMatchObject({
      daysLeft: 91,
      status: 'running',
      raisesTask: false,
    });
    expect(limitation({ asOf: '2030-01-31' })).toMatchObject({ daysLeft: 1, raisesTask: true });
    expect(limitation({ asOf: '2030-02-01' })).toMatchObject({ daysLeft: 0, status: 'lapsed' });
  });

  it('starts again the day after an interruption letter (stuitingsbrief) is received, not when it is sent', () => {
    const interruption: WrittenNotice = {
      kind: 'interruption-letter',
      channel: 'email',
      sentOn: '2030-01-10',
      deliveredOn: '2030-01-11',
      termDays: 0,
    };
    expect(limitation({ notices: [interruption], asOf: '2030-01-20' })).toMatchObject({
      restartedByReminderReceivedOn: '2030-01-11',
      runsFrom: '2030-01-12',
      lapsesOn: '2035-01-12',
    });
    expect(
      limitation({ notices: [{ ...interruption, deliveredOn: null }], asOf: '2030-01-20' }),
    ).toMatchObject({
      lapsesOn: '2030-02-01',
      status: 'lapses-soon',
    });
  });
});

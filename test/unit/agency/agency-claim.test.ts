import { describe, expect, it } from 'vitest';
import {
  type AgencyClaim,
  afterAgencyEvent,
  daysAtAgency,
} from '../../../functions/core/agency/agency-claim';

const handedOver: AgencyClaim = {
  invoiceId: 'inv-1',
  debtorId: 'deb-1',
  claimFileId: 'deb-1',
  invoiceNumber: '2026-1',
  currency: 'EUR',
  status: 'handed_over',
  handedOverAt: '2026-11-02T08:00:00.000Z',
  handedOverOn: '2026-11-02',
  handedOverAmount: 1_000_00,
  collected: 0,
  fees: 0,
  directPayments: [],
  lastSequence: 0,
};
const at = '2026-11-10T10:00:00Z';

describe('a claim at the agency', () => {
  it('follows the event with the highest sequence, whatever order the events arrive in', () => {
    const closed = afterAgencyEvent(handedOver, {
      type: 'claim.closed',
      sequence: 3,
      occurredAt: at,
      result: 'paid',
    });
    const late = afterAgencyEvent(closed, { type: 'claim.accepted', sequence: 1, occurredAt: at });
    expect(late).toMatchObject({ status: 'closed', result: 'paid', lastSequence: 3, endedAt: at });
  });

  it('counts money collected however late it arrives', () => {
    const closed = afterAgencyEvent(handedOver, {
      type: 'claim.closed',
      sequence: 2,
      occurredAt: at,
      result: 'settled',
    });
    const collected = afterAgencyEvent(closed, {
      type: 'claim.payment_collected',
      sequence: 1,
      occurredAt: at,
      amount: 300_00,
      fee: 45_00,
    });
    expect(collected).toMatchObject({ status: 'closed', collected: 300_00, fees: 45_00 });
  });

  it('keeps a judgement when a later collection arrives', () => {
    const judged = afterAgencyEvent(handedOver, {
      type: 'claim.judgement_obtained',
      sequence: 1,
      occurredAt: at,
    });
    const collected = afterAgencyEvent(judged, {
      type: 'claim.payment_collected',
      sequence: 2,
      occurredAt: at,
      amount: 100_00,
      fee: 0,
    });
    expect(collected.status).toBe('judgement_obtained');
  });

  it('stays recalled whatever the agency reports afterwards', () => {
    const recalled: AgencyClaim = { ...handedOver, status: 'recalled' };
    expect(
      afterAgencyEvent(recalled, { type: 'claim.bailiff_assigned', sequence: 9, occurredAt: at }).status,
    ).toBe('recalled');
  });

  it('counts the days at the agency until it ended', () => {
    expect(daysAtAgency('2026-11-02', '2026-11-30')).toBe(28);
  });
});

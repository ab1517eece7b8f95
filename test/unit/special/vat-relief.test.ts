import { describe, expect, it } from 'vitest';
import { vatInPart } from '../../../functions/core/special/insolvency';
import {
  periodDays,
  vatPeriodOf,
  vatReliefAfterPayment,
  vatReliefOnWriteOff,
} from '../../../functions/core/special/vat-relief';

const INVOICE = { totalAmount: 1_210_00, vatAmount: 210_00, dueDate: '2026-03-31' };

describe('VAT relief on a bad debt (art. 29 Wet OB 1968)', () => {
  it('reclaims the VAT in proportion to what was not received', () => {
    expect(vatInPart(968_00, 1_210_00, 210_00)).toBe(168_00);
    expect(vatInPart(1, 3, 1)).toBe(0);
    expect(vatInPart(100_00, 1_210_00, undefined)).toBeNull();
  });

  it('makes it reclaimable from the write-off as uncollectable, or a year after the due date if that came first', () => {
    const early = vatReliefOnWriteOff({
      ...INVOICE,
      writtenOff: 1_210_00,
      writtenOffOn: '2026-05-10',
      periodKind: 'quarter',
    });
    expect(early).toMatchObject({ reclaimable: 210_00, reclaimableFrom: '2026-05-10', period: '2026-Q2' });
    const late = vatReliefOnWriteOff({
      ...INVOICE,
      writtenOff: 605_00,
      writtenOffOn: '2027-06-01',
      periodKind: 'month',
    });
    expect(late).toMatchObject({ reclaimable: 105_00, reclaimableFrom: '2027-04-01', period: '2027-04' });
  });

  it('names the VAT return period of a day, and the days of a period', () => {
    expect(vatPeriodOf('2026-12-31', 'quarter')).toBe('2026-Q4');
    expect(vatPeriodOf('2026-01-01', 'quarter')).toBe('2026-Q1');
    expect(vatPeriodOf('2026-11-15', 'month')).toBe('2026-11');
    expect(periodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('2026-Q5')).toBeUndefined();
  });

  it('has VAT paid back for a payment after it became reclaimable, and less reclaimed for one before', () => {
    const relief = vatReliefOnWriteOff({
      ...INVOICE,
      writtenOff: 1_210_00,
      writtenOffOn: '2026-05-10',
      periodKind: 'quarter',
    });
    const before = vatReliefAfterPayment(
      { ...relief, reclaimableFrom: '2026-06-01' },
      { paymentId: 'p1', receivedOn: '2026-05-20', amount: 121_00 },
      INVOICE,
      'quarter',
    );
    expect(before).toMatchObject({ reclaimable: 189_00, repayments: [] });
    const after = vatReliefAfterPayment(
      relief,
      { paymentId: 'p2', receivedOn: '2027-01-05', amount: 605_00 },
      INVOICE,
      'quarter',
    );
    expect(after.reclaimable).toBe(210_00);
    expect(after.repayments).toEqual([
      { paymentId: 'p2', receivedOn: '2027-01-05', amount: 605_00, vat: 105_00, period: '2027-Q1' },
    ]);
  });
});

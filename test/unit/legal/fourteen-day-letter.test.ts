import { describe, expect, it } from 'vitest';
import { assessFourteenDayLetters } from '../../../functions/core/legal/fourteen-day-letter';
import type { WrittenNotice } from '../../../functions/core/legal/written-notice';
import { postalReceiptDate } from '../../../functions/core/legal/written-notice';
import { money } from '../../../functions/core/money';

const letter = (overrides: Partial<WrittenNotice> = {}): WrittenNotice => ({
  kind: 'fourteen-day-letter',
  channel: 'email',
  sentOn: '2025-03-03',
  deliveredOn: '2025-03-03',
  termDays: 14,
  statedCosts: money(15_000, 'EUR'),
  ...overrides,
});

const assess = (notices: WrittenNotice[], asOf = '2025-03-10') =>
  assessFourteenDayLetters({ dueDate: '2025-02-14', notices, asOf, postalDeliveryDays: 2 });

describe('the 14-day letter (art. 6:96 lid 6 BW)', () => {
  it('runs the term from the day after receipt: received 2025-03-03, term ends 2025-03-17', () => {
    expect(assess([letter()])).toMatchObject({
      status: 'term-running',
      receivedOn: '2025-03-03',
      termEndsOn: '2025-03-17',
      costsDueFrom: '2025-03-18',
      extendedByAtw: false,
    });
  });

  it('makes costs due the day after the term, not on its last day', () => {
    expect(assess([letter()], '2025-03-17').status).toBe('term-running');
    expect(assess([letter()], '2025-03-18').status).toBe('term-passed');
  });

  it('counts an email as received on the day it was delivered, not the day it was sent', () => {
    expect(assess([letter({ sentOn: '2025-03-02', deliveredOn: '2025-03-03' })])).toMatchObject({
      receivedOn: '2025-03-03',
      termEndsOn: '2025-03-17',
    });
  });

  it('does not count an email without proof of delivery, or one that bounced', () => {
    expect(assess([letter({ deliveredOn: null })]).status).toBe('not-received');
    expect(assess([letter({ returned: true })]).status).toBe('not-received');
  });

  it('counts a posted letter as received on the configured postal delivery day, skipping Sundays, Mondays and holidays', () => {
    // Sent Friday 2025-02-28: Saturday is delivery day 1, Sunday and Monday are skipped, Tuesday is day 2.
    expect(postalReceiptDate('2025-02-28', 2)).toBe('2025-03-04');
    expect(assess([letter({ channel: 'post', sentOn: '2025-02-28', deliveredOn: null })])).toMatchObject({
      receivedOn: '2025-03-04',
      termEndsOn: '2025-03-18',
    });
  });

  it('extends a term that would end on a Saturday to the Monday (art. 1 Algemene termijnenwet)', () => {
    expect(assess([letter({ sentOn: '2025-02-28', deliveredOn: '2025-03-01' })])).toMatchObject({
      termLastDay: '2025-03-15',
      termEndsOn: '2025-03-17',
      extendedByAtw: true,
      costsDueFrom: '2025-03-18',
    });
  });

  it('extends a term that would end on Easter Monday to the Tuesday', () => {
    expect(assess([letter({ sentOn: '2025-04-07', deliveredOn: '2025-04-07' })], '2025-04-10')).toMatchObject(
      {
        termLastDay: '2025-04-21',
        termEndsOn: '2025-04-22',
      },
    );
  });

  it('does not count a letter sent on or before the due date', () => {
    expect(assess([letter({ sentOn: '2025-02-14', deliveredOn: '2025-02-14' })])).toEqual({
      status: 'invalid',
      sentOn: '2025-02-14',
      problems: ['sent-before-overdue'],
    });
  });

  it('does not count a letter that gives less than 14 days or does not state the costs', () => {
    expect(assess([letter({ termDays: 13, statedCosts: null })])).toEqual({
      status: 'invalid',
      sentOn: '2025-03-03',
      problems: ['term-shorter-than-14-days', 'costs-not-stated'],
    });
  });

  it('ignores ordinary reminders and letters sent after the as-of date', () => {
    expect(assess([letter({ kind: 'reminder' })]).status).toBe('no-letter');
    expect(assess([letter({ sentOn: '2025-03-11', deliveredOn: '2025-03-11' })]).status).toBe('no-letter');
  });

  it('uses the valid letter whose term ends first', () => {
    const invalid = letter({ sentOn: '2025-03-01', deliveredOn: '2025-03-01', statedCosts: null });
    const later = letter({ sentOn: '2025-03-05', deliveredOn: '2025-03-05' });
    const earlier = letter();
    expect(assess([invalid, later, earlier])).toMatchObject({ receivedOn: '2025-03-03' });
  });

  it('voids a letter whose printed last day to pay falls less than 14 days after the day after receipt', () => {
    // Sent 2025-03-03 with a day's margin: pay by 2025-03-18. Delivered 2025-03-05 needs 2025-03-19.
    expect(assess([letter({ payBy: '2025-03-18', deliveredOn: '2025-03-05' })], '2025-04-30')).toEqual({
      status: 'invalid',
      sentOn: '2025-03-03',
      problems: ['pay-by-date-too-early'],
    });
    expect(assess([letter({ payBy: '2025-03-18', deliveredOn: '2025-03-04' })], '2025-04-30')).toMatchObject({
      status: 'term-passed',
      termEndsOn: '2025-03-18',
    });
  });

  it('lets the debtor pay without costs up to a printed day later than the statutory term', () => {
    expect(assess([letter({ payBy: '2025-03-18' })])).toMatchObject({
      receivedOn: '2025-03-03',
      termEndsOn: '2025-03-18',
      costsDueFrom: '2025-03-19',
    });
  });
});

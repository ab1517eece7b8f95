import { describe, expect, it } from 'vitest';
import { quietUntil } from '../../../functions/core/sms/quiet-hours';

const AMSTERDAM = 'Europe/Amsterdam';

describe('the quiet hours of texts (21:00 until 08:00 in the debtor’s time zone)', () => {
  it('lets a text go during the day', () => {
    // 09:00 and 20:59 in Amsterdam (CET, UTC+1).
    expect(quietUntil(new Date('2026-03-04T08:00:00Z'), AMSTERDAM)).toBeUndefined();
    expect(quietUntil(new Date('2026-03-04T19:59:00Z'), AMSTERDAM)).toBeUndefined();
  });

  it('holds a text from 21:00 until 08:00 the next morning', () => {
    expect(quietUntil(new Date('2026-03-04T20:00:00Z'), AMSTERDAM)).toEqual(new Date('2026-03-05T07:00:00Z'));
    expect(quietUntil(new Date('2026-03-04T23:30:00Z'), AMSTERDAM)).toEqual(new Date('2026-03-05T07:00:00Z'));
  });

  it('holds a text before 08:00 until 08:00 the same morning, and lets it go at 08:00', () => {
    expect(quietUntil(new Date('2026-03-05T05:00:00Z'), AMSTERDAM)).toEqual(new Date('2026-03-05T07:00:00Z'));
    expect(quietUntil(new Date('2026-03-05T07:00:00Z'), AMSTERDAM)).toBeUndefined();
  });

  it('reads the hours in the debtor’s own time zone: 09:00 in Amsterdam is 03:00 in New York', () => {
    expect(quietUntil(new Date('2026-03-04T08:00:00Z'), 'America/New_York')).toEqual(
      new Date('2026-03-04T13:00:00Z'),
    );
  });

  it('follows summer time: 08:00 in Amsterdam is 06:00Z in summer', () => {
    expect(quietUntil(new Date('2026-07-01T04:00:00Z'), AMSTERDAM)).toEqual(new Date('2026-07-01T06:00:00Z'));
  });

  it('takes the hours a policy sets, also when they do not cross midnight', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(quietUntil(new Date('2026-03-04T11:30:00Z'), AMSTERDAM, lunch)).toEqual(
      new Date('2026-03-04T12:00:00Z'),
    );
    expect(quietUntil(new Date('2026-03-04T12:30:00Z'), AMSTERDAM, lunch)).toBeUndefined();
  });
});

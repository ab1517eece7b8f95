import { describe, expect, it } from 'vitest';
import {
  brokenPromisesOn,
  followUpDay,
  keptRate,
  promiseIssues,
  promiseVerdict,
} from '../../../functions/core/promises/promise-to-pay';

const TODAY = '2026-03-06';
const valid = { promisedDate: '2026-03-12', openAmount: 1_000_00, today: TODAY, maxPromiseDays: 30 };

describe('what a promise to pay may promise', () => {
  it('accepts a date from today up to maxPromiseDays ahead and an amount up to what is open', () => {
    expect(promiseIssues(valid)).toEqual([]);
    expect(promiseIssues({ ...valid, promisedDate: TODAY })).toEqual([]);
    expect(promiseIssues({ ...valid, promisedDate: '2026-04-05', amount: 1_000_00 })).toEqual([]);
  });

  it('refuses a promised date before today', () => {
    expect(promiseIssues({ ...valid, promisedDate: '2026-03-05' })).toEqual([
      { path: 'promisedDate', message: 'promisedDate must not be before today (2026-03-06)' },
    ]);
  });

  it('refuses a promised date beyond maxPromiseDays, naming the policy setting', () => {
    expect(promiseIssues({ ...valid, promisedDate: '2026-04-06' })).toEqual([
      { path: 'promisedDate', message: expect.stringContaining('maxPromiseDays') },
    ]);
  });

  it('refuses an amount that is not positive or more than is open', () => {
    expect(promiseIssues({ ...valid, amount: 0 })).toEqual([
      { path: 'amount', message: 'amount must be positive' },
    ]);
    expect(promiseIssues({ ...valid, amount: 1_000_01 })).toEqual([
      { path: 'amount', message: expect.stringContaining('at most the open amount') },
    ]);
  });
});

describe('when a promise is followed up', () => {
  it('on the day after the grace when that is a business day', () => {
    expect(followUpDay('2026-03-09', 2)).toBe('2026-03-12');
  });

  it('on the first business day after a grace that ends in a weekend', () => {
    expect(followUpDay('2026-03-12', 2)).toBe('2026-03-16');
  });

  it('past Easter Monday', () => {
    expect(followUpDay('2026-04-02', 2)).toBe('2026-04-07');
  });
});

describe('whether a promise is kept or broken', () => {
  const promise = { amount: 600_00, followUpOn: '2026-03-16' };

  it('is kept at once when nothing is open any more', () => {
    expect(promiseVerdict({ promise, paidInTime: 600_00, anythingOpen: false, today: '2026-03-10' })).toBe(
      'kept',
    );
  });

  it('stays open before its follow-up day, however little was paid', () => {
    expect(promiseVerdict({ promise, paidInTime: 0, anythingOpen: true, today: '2026-03-15' })).toBe('open');
  });

  it('is kept when the payments received in time cover the promised amount', () => {
    expect(promiseVerdict({ promise, paidInTime: 600_00, anythingOpen: true, today: '2026-03-16' })).toBe(
      'kept',
    );
  });

  it('is broken when a partial payment does not cover the promised amount', () => {
    expect(promiseVerdict({ promise, paidInTime: 599_99, anythingOpen: true, today: '2026-03-16' })).toBe(
      'broken',
    );
  });

  it('counts kept against kept and broken for the kept rate, and broken promises per invoice', () => {
    const promises = [
      { status: 'kept' as const, invoiceIds: ['a'] },
      { status: 'broken' as const, invoiceIds: ['a', 'b'] },
      { status: 'broken' as const, invoiceIds: ['a'] },
      { status: 'open' as const, invoiceIds: ['b'] },
    ];
    expect(keptRate(promises)).toBeCloseTo(1 / 3);
    expect(keptRate([{ status: 'open' }])).toBeNull();
    expect(brokenPromisesOn(promises, 'a')).toBe(2);
    expect(brokenPromisesOn(promises, 'b')).toBe(1);
  });
});

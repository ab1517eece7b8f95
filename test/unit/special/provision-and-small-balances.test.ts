import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROVISION_PERCENTAGES,
  provision,
  provisionClassOf,
} from '../../../functions/core/special/provision';
import { isSmallBalance } from '../../../functions/core/special/small-balances';
import {
  provisionPercentagesFromEnvironment,
  smallBalanceCriteriaFromEnvironment,
} from '../../../functions/shared/special-config';

const TODAY = '2026-11-02';
const open = (fields: Partial<Parameters<typeof provisionClassOf>[0]> = {}) => ({
  currency: 'EUR',
  openAmount: 100_00,
  dueDate: TODAY,
  status: 'overdue',
  debtorInInsolvency: false,
  ...fields,
});

describe('the doubtful-debt provision', () => {
  it('puts an invoice in its age bucket, a claim at the agency and a debtor in insolvency in their own class', () => {
    expect(provisionClassOf(open({ dueDate: '2026-11-02' }), TODAY)).toBe('current');
    expect(provisionClassOf(open({ dueDate: '2026-10-03' }), TODAY)).toBe('1-30');
    expect(provisionClassOf(open({ dueDate: '2026-10-02' }), TODAY)).toBe('31-60');
    expect(provisionClassOf(open({ dueDate: '2026-07-01' }), TODAY)).toBe('over-120');
    expect(provisionClassOf(open({ status: 'in_collection' }), TODAY)).toBe('at-agency');
    expect(provisionClassOf(open({ status: 'in_collection', debtorInInsolvency: true }), TODAY)).toBe(
      'insolvency',
    );
  });

  it('provides each class at its percentage, rounded half up once per class and currency', () => {
    const result = provision(
      [
        open({ dueDate: '2026-10-20', openAmount: 33 }),
        open({ dueDate: '2026-10-21', openAmount: 42 }),
        open({ currency: 'USD', dueDate: '2026-05-01', openAmount: 10_00 }),
      ],
      TODAY,
      DEFAULT_PROVISION_PERCENTAGES,
    );
    // 75 cents at 2%: 1.5 cents, rounded half up to 2.
    expect(result.EUR?.lines.find((line) => line.class === '1-30')).toEqual({
      class: '1-30',
      percentage: 2,
      invoices: 2,
      open: 75,
      provision: 2,
    });
    expect(result.USD).toMatchObject({ open: 10_00, provision: 5_00 });
  });

  it('reads its percentages from configuration, the defaults for classes it leaves out', () => {
    expect(provisionPercentagesFromEnvironment({})).toEqual(DEFAULT_PROVISION_PERCENTAGES);
    expect(
      provisionPercentagesFromEnvironment({ PROVISION_PERCENTAGES: '{"over-120":60,"at-agency":80.5}' }),
    ).toMatchObject({ 'over-120': 60, 'at-agency': 80.5, insolvency: 100 });
    expect(() => provisionPercentagesFromEnvironment({ PROVISION_PERCENTAGES: '{"old":5}' })).toThrow(
      /PROVISION_PERCENTAGES/,
    );
    expect(() => provisionPercentagesFromEnvironment({ PROVISION_PERCENTAGES: 'x' })).toThrow(
      /PROVISION_PERCENTAGES/,
    );
  });
});

describe('small balances', () => {
  const criteria = { below: 25_00, olderThanDays: 180 };
  const invoice = (fields: Record<string, unknown> = {}) => ({
    status: 'overdue',
    openAmount: 10_00,
    dueDate: '2026-05-01',
    ...fields,
  });

  it('proposes an open amount below the threshold on an invoice old enough', () => {
    expect(isSmallBalance(invoice(), criteria, TODAY)).toBe(true);
    expect(isSmallBalance(invoice({ openAmount: 25_00 }), criteria, TODAY)).toBe(false);
    expect(isSmallBalance(invoice({ dueDate: '2026-05-07' }), criteria, TODAY)).toBe(false);
    expect(isSmallBalance(invoice({ dueDate: '2026-05-06' }), criteria, TODAY)).toBe(true);
    expect(isSmallBalance(invoice({ status: 'in_collection' }), criteria, TODAY)).toBe(false);
  });

  it('leaves an invoice a person still decides on: disputed, in a plan, promised', () => {
    expect(isSmallBalance(invoice({ disputedPart: { amount: 1 } }), criteria, TODAY)).toBe(false);
    for (const pausedFor of ['dispute', 'payment_plan', 'promise']) {
      const dunning = { status: 'paused', pausedFor } as never;
      expect(isSmallBalance(invoice({ dunning }), criteria, TODAY)).toBe(false);
    }
    const special = { status: 'paused', pausedFor: 'special_management' } as never;
    expect(isSmallBalance(invoice({ dunning: special }), criteria, TODAY)).toBe(true);
  });

  it('reads its criteria from configuration', () => {
    expect(smallBalanceCriteriaFromEnvironment({})).toEqual({ below: 25_00, olderThanDays: 180 });
    expect(
      smallBalanceCriteriaFromEnvironment({
        SMALL_BALANCE_BELOW_CENTS: '1000',
        SMALL_BALANCE_AFTER_DAYS: '365',
      }),
    ).toEqual({ below: 10_00, olderThanDays: 365 });
  });
});

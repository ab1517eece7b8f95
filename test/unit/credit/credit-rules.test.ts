import { describe, expect, it } from 'vitest';
import { checkCredit, type CreditCheckFacts } from '../../../functions/core/credit/credit-check';
import { creditHoldRulesOf, whyHoldStands, type HoldFacts } from '../../../functions/core/credit/credit-hold';
import { parseOrderAuthority } from '../../../functions/core/credit/order-authority';
import { parseReportCadence } from '../../../functions/core/credit/report-cadence';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';

const hold = { since: '2026-03-31T07:00:00Z', reason: 'escalated', invoiceIds: ['inv-1'], setBy: 'workflow' };

function holdFacts(overrides: Partial<HoldFacts> = {}): HoldFacts {
  return {
    hold,
    invoices: [{ id: 'inv-1', status: 'paid', dueDate: '2026-03-01' }],
    brokenPlansWithOpenInvoices: 0,
    thresholdDays: 14,
    today: '2026-04-02',
    ...overrides,
  };
}

describe('the credit hold', () => {
  it('is set at the account-manager step by default, and not for key accounts', () => {
    const setting = Object.fromEntries(
      SEED_POLICIES.map((policy) => [policy.id, creditHoldRulesOf(policy).holdAtAccountManager]),
    );
    expect(setting).toMatchObject({ 'business-standard': true, 'business-key-account': false });
  });

  it('may be lifted once the invoices it was set for are settled and nothing is long overdue', () => {
    expect(whyHoldStands(holdFacts())).toBeUndefined();
  });

  it('stands while an invoice it was set for is open', () => {
    const invoices = [{ id: 'inv-1', status: 'overdue' as const, dueDate: '2026-03-30' }];
    expect(whyHoldStands(holdFacts({ invoices }))).toContain('inv-1');
  });

  it('stands while another invoice is overdue by more than the threshold, not less', () => {
    const other = (dueDate: string) => [
      { id: 'inv-1', status: 'paid' as const, dueDate: '2026-03-01' },
      { id: 'inv-2', status: 'overdue' as const, dueDate },
    ];
    expect(whyHoldStands(holdFacts({ invoices: other('2026-03-18') }))).toContain('inv-2');
    expect(whyHoldStands(holdFacts({ invoices: other('2026-03-19') }))).toBeUndefined();
  });

  it('stands while a broken payment plan has open invoices', () => {
    expect(whyHoldStands(holdFacts({ brokenPlansWithOpenInvoices: 1 }))).toContain('broken payment plan');
  });

  it('set by hand waits for a manager', () => {
    expect(whyHoldStands(holdFacts({ hold: { ...hold, setBy: 'user:m-1' } }))).toContain('by hand');
  });
});

function checkFacts(overrides: Partial<CreditCheckFacts> = {}): CreditCheckFacts {
  return {
    exposure: 4_000_00,
    orderAmount: 1_000_00,
    currency: 'EUR',
    creditLimit: 10_000_00,
    latestReport: { reportDate: '2026-01-10', provider: 'Graydon' },
    today: '2026-04-02',
    ...overrides,
  };
}

describe('the credit check', () => {
  const codes = (facts: CreditCheckFacts) => checkCredit(facts).reasons.map((reason) => reason.code);

  it('approves within the limit with a recent report', () => {
    expect(checkCredit(checkFacts()).decision).toBe('approve');
  });

  it('declines on credit hold, whatever else holds', () => {
    const check = checkCredit(checkFacts({ creditHold: hold, creditLimit: undefined }));
    expect(check).toMatchObject({ decision: 'decline', reasons: [{ code: 'credit_hold' }] });
  });

  it('declines under special management, whatever else holds', () => {
    const check = checkCredit(checkFacts({ specialManagement: 'bankruptcy', creditLimit: undefined }));
    expect(check.decision).toBe('decline');
    expect(codes(checkFacts({ specialManagement: 'bankruptcy' }))).toEqual(['special_management']);
  });

  it('refers an order that takes the exposure over the limit, not one that reaches it', () => {
    expect(codes(checkFacts({ orderAmount: 6_000_01 }))).toEqual(['over_credit_limit']);
    expect(checkCredit(checkFacts({ orderAmount: 6_000_00 })).decision).toBe('approve');
  });

  it('refers without a credit limit, without a report, or with one older than twelve months', () => {
    expect(codes(checkFacts({ creditLimit: undefined }))).toEqual(['no_credit_limit']);
    expect(codes(checkFacts({ latestReport: undefined }))).toEqual(['no_credit_report']);
    const old = { reportDate: '2025-04-01', provider: 'Graydon' };
    expect(codes(checkFacts({ latestReport: old }))).toEqual(['credit_report_outdated']);
  });

  it('refers a chronic late payer and an order above the caller’s authority, giving every reason', () => {
    expect(codes(checkFacts({ chronicLate: 'late', orderAuthority: 500_00 }))).toEqual([
      'chronic_late_payer',
      'above_order_authority',
    ]);
  });
});

describe('credit configuration', () => {
  it('reads order authority and report cadence, defaults for what is not named, and refuses nonsense', () => {
    expect(parseOrderAuthority('controller=100')).toEqual({ controller: 100, 'order-system': 10_000_00 });
    expect(parseOrderAuthority('manager=1')).toBeUndefined();
    expect(parseReportCadence('high=7')).toEqual({ high: 7, medium: 91, low: 365 });
    expect(parseReportCadence('high=0')).toBeUndefined();
    expect(parseReportCadence(undefined)).toEqual({ high: 30, medium: 91, low: 365 });
  });
});

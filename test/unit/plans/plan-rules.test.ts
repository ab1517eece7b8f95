import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instalment, PlanInvoicePart } from '../../../functions/core/plans/payment-plan';
import {
  allocateToInstalments,
  bookOnInvoices,
  refillInstalments,
} from '../../../functions/core/plans/plan-allocation';
import { addMonths, needsManager, planIssues } from '../../../functions/core/plans/plan-validation';

const TODAY = '2026-03-02';
const RULES = { minInstalmentAmount: 25_00, maxDaysToFirstInstalment: 30 };

function issuesOf(instalments: { dueDate: string; amount: number }[], total = 1_200_00) {
  return planIssues({ instalments, total, currency: 'EUR', today: TODAY, rules: RULES });
}

function instalments(...amounts: number[]): Instalment[] {
  return amounts.map((amount, index) => ({
    number: index + 1,
    dueDate: `2026-0${index + 3}-15`,
    amount,
    paidAmount: 0,
    status: 'open',
  }));
}

function part(invoiceId: string, principal: number, interest = 0, costs = 0): PlanInvoicePart {
  return {
    invoiceId,
    invoiceNumber: invoiceId,
    dueDate: '2026-02-01',
    issueDate: '2026-01-01',
    principal,
    interest,
    costs,
    paid: { costs: 0, interest: 0, principal: 0 },
  };
}

describe('the validation of a payment plan', () => {
  it('accepts two or more ascending instalments that add up to the total', () => {
    expect(
      issuesOf([
        { dueDate: '2026-03-16', amount: 600_00 },
        { dueDate: '2026-04-16', amount: 600_00 },
      ]),
    ).toEqual([]);
  });

  it('refuses a single instalment, naming instalments', () => {
    expect(issuesOf([{ dueDate: '2026-03-16', amount: 1_200_00 }])).toEqual([
      { path: 'instalments', message: expect.stringContaining('at least 2 instalments') },
    ]);
  });

  it('refuses amounts that do not add up to what the invoices owe, naming instalments', () => {
    expect(
      issuesOf([
        { dueDate: '2026-03-16', amount: 400_00 },
        { dueDate: '2026-04-16', amount: 400_00 },
      ]),
    ).toEqual([
      { path: 'instalments', message: expect.stringContaining('add up to €800.00, not to the €1,200.00') },
    ]);
  });

  it('refuses dates that are not strictly ascending, naming the instalment', () => {
    expect(
      issuesOf([
        { dueDate: '2026-03-16', amount: 600_00 },
        { dueDate: '2026-03-16', amount: 600_00 },
      ]).map((issue) => issue.path),
    ).toEqual(['instalments.1.dueDate']);
  });

  it('refuses a first instalment beyond the policy days or before today', () => {
    expect(
      issuesOf([
        { dueDate: '2026-04-02', amount: 600_00 },
        { dueDate: '2026-05-02', amount: 600_00 },
      ]),
    ).toEqual([
      { path: 'instalments.0.dueDate', message: expect.stringContaining('maxDaysToFirstInstalment') },
    ]);
    expect(
      issuesOf([
        { dueDate: '2026-03-01', amount: 600_00 },
        { dueDate: '2026-04-01', amount: 600_00 },
      ]).map((issue) => issue.path),
    ).toEqual(['instalments.0.dueDate']);
  });

  it('refuses an instalment below the minimum of the policy', () => {
    expect(
      issuesOf(
        [
          { dueDate: '2026-03-16', amount: 10_00 },
          { dueDate: '2026-04-16', amount: 90_00 },
        ],
        100_00,
      ),
    ).toEqual([
      { path: 'instalments.0.amount', message: expect.stringContaining('minimum instalment of €25.00') },
    ]);
  });

  it('asks for a manager beyond the longest term, or after a plan broken within the year', () => {
    expect(
      needsManager({ lastDueDate: '2027-03-02', today: TODAY, maxPlanMonths: 12, brokeAPlanRecently: false }),
    ).toEqual([]);
    expect(
      needsManager({ lastDueDate: '2027-03-03', today: TODAY, maxPlanMonths: 12, brokeAPlanRecently: false }),
    ).toEqual([expect.stringContaining('longest term of 12 months')]);
    expect(
      needsManager({ lastDueDate: '2026-05-01', today: TODAY, maxPlanMonths: 12, brokeAPlanRecently: true }),
    ).toEqual([expect.stringContaining('one-time arrangement')]);
  });

  it('counts months to the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-02', 12)).toBe('2027-03-02');
    expect(addMonths('2025-11-15', 18)).toBe('2027-05-15');
  });
});

describe('the allocation of a payment plan', () => {
  it('fills the instalments in order, each up to its amount, and leaves what is more', () => {
    const first = allocateToInstalments(instalments(400_00, 400_00, 400_00), 500_00);
    expect(first.instalments.map((i) => [i.paidAmount, i.status])).toEqual([
      [400_00, 'paid'],
      [100_00, 'open'],
      [0, 'open'],
    ]);
    expect(first.filled).toEqual([1, 2]);
    const rest = allocateToInstalments(first.instalments, 900_00);
    expect(rest.taken).toBe(700_00);
    expect(rest.instalments.every((i) => i.status === 'paid')).toBe(true);
  });

  it('books against the oldest invoice first', () => {
    const booked = bookOnInvoices([part('older', 600_00), part('newer', 600_00)], 800_00);
    expect(booked.bookings).toEqual([
      { invoiceId: 'older', costs: 0, interest: 0, principal: 600_00 },
      { invoiceId: 'newer', costs: 0, interest: 0, principal: 200_00 },
    ]);
  });

  it('pays costs, then interest, then principal of each invoice (art. 6:44 BW)', () => {
    const booked = bookOnInvoices(
      [part('older', 600_00, 12_00, 40_00), part('newer', 300_00, 3_00, 40_00)],
      100_00,
    );
    expect(booked.bookings).toEqual([
      { invoiceId: 'older', costs: 40_00, interest: 12_00, principal: 48_00 },
    ]);
    const next = bookOnInvoices(booked.parts, 600_00);
    expect(next.bookings).toEqual([
      { invoiceId: 'older', costs: 0, interest: 0, principal: 552_00 },
      { invoiceId: 'newer', costs: 40_00, interest: 3_00, principal: 5_00 },
    ]);
  });

  it('passes what was paid of a replaced instalment on to the first new one', () => {
    const refilled = refillInstalments(
      [
        { number: 1, dueDate: '2026-03-15', amount: 400_00 },
        { number: 2, dueDate: '2026-05-15', amount: 300_00 },
        { number: 3, dueDate: '2026-07-15', amount: 500_00 },
      ],
      550_00,
    );
    expect(refilled.map((i) => i.paidAmount)).toEqual([400_00, 150_00, 0]);
  });

  it('never books more than it takes nor takes more than the plan owes, whatever the payments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50_000_00 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 40_000_00 }), { minLength: 1, maxLength: 6 }),
        (principals, payments) => {
          let parts = principals.map((principal, i) => part(`inv-${i}`, principal, i * 100, i * 40_00));
          let schedule = instalments(...principals.map((principal, i) => principal + i * 100 + i * 40_00));
          const owed = parts.reduce((sum, p) => sum + p.principal + p.interest + p.costs, 0);
          let received = 0;
          let kept = 0;
          for (const amount of payments) {
            const allocation = allocateToInstalments(schedule, amount);
            const booked = bookOnInvoices(parts, allocation.taken);
            expect(booked.taken).toBe(allocation.taken);
            schedule = allocation.instalments;
            parts = booked.parts;
            received += amount;
            kept += allocation.taken;
          }
          expect(kept).toBe(Math.min(received, owed));
          for (const p of parts) {
            expect(p.paid.principal).toBeLessThanOrEqual(p.principal);
            // Principal only once its costs and interest are paid.
            if (p.paid.principal > 0) expect(p.paid.costs + p.paid.interest).toBe(p.costs + p.interest);
          }
        },
      ),
    );
  });
});

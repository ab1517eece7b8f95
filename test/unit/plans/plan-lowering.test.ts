import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instalment, PlanInvoicePart } from '../../../functions/core/plans/payment-plan';
import { lowerPlan, shrinkFromTheLast } from '../../../functions/core/plans/plan-lowering';

function instalments(...amounts: [number, number][]): Instalment[] {
  return amounts.map(([amount, paidAmount], index) => ({
    number: index + 1,
    dueDate: `2026-0${index + 3}-15`,
    amount,
    paidAmount,
    status: paidAmount >= amount ? 'paid' : 'open',
  }));
}

function part(invoiceId: string, principal: number, paid = 0): PlanInvoicePart {
  return {
    invoiceId,
    invoiceNumber: invoiceId,
    dueDate: '2026-02-01',
    issueDate: '2026-01-01',
    principal,
    interest: 0,
    costs: 0,
    paid: { costs: 0, interest: 0, principal: paid },
  };
}

describe('a credit lowers a payment plan', () => {
  it('reduces the instalments not yet paid from the last one backwards, keeping their dates', () => {
    const plan = {
      parts: [part('inv-1', 600_00, 400_00), part('inv-2', 600_00)],
      instalments: instalments([400_00, 400_00], [400_00, 0], [400_00, 0]),
    };
    const lowered = lowerPlan(plan, 'inv-2', 500_00);
    expect(lowered.lowered).toBe(500_00);
    expect(lowered.parts.map((p) => p.principal)).toEqual([600_00, 100_00]);
    expect(lowered.instalments.map((i) => [i.number, i.dueDate, i.amount])).toEqual([
      [1, '2026-03-15', 400_00],
      [2, '2026-04-15', 300_00],
    ]);
    expect(lowered.completed).toBe(false);
  });

  it('never lowers by more than the plan still owes on the credited invoice', () => {
    const plan = {
      parts: [part('inv-1', 600_00, 400_00), part('inv-2', 600_00)],
      instalments: instalments([400_00, 400_00], [400_00, 0], [400_00, 0]),
    };
    expect(lowerPlan(plan, 'inv-1', 600_00).lowered).toBe(200_00);
    expect(lowerPlan(plan, 'inv-3', 600_00).lowered).toBe(0);
  });

  it('completes the plan when the credits clear everything still to pay', () => {
    const plan = {
      parts: [part('inv-1', 600_00, 400_00), part('inv-2', 600_00)],
      instalments: instalments([400_00, 400_00], [400_00, 0], [400_00, 0]),
    };
    const first = lowerPlan(plan, 'inv-1', 200_00);
    const both = lowerPlan({ ...plan, ...first }, 'inv-2', 600_00);
    expect(both.completed).toBe(true);
    expect(both.instalments.map((i) => [i.amount, i.status])).toEqual([[400_00, 'paid']]);
  });

  it('marks a partly paid instalment paid when the cut leaves nothing more to pay on it', () => {
    const shrunk = shrinkFromTheLast(instalments([400_00, 400_00], [400_00, 150_00]), 250_00);
    expect(shrunk.instalments.map((i) => [i.amount, i.status])).toEqual([
      [400_00, 'paid'],
      [150_00, 'paid'],
    ]);
    expect(shrunk.completed).toBe(true);
  });

  it('takes exactly the credit off what is still to pay, and never touches what was paid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (rows, credit) => {
          const before = instalments(
            ...rows.map(([amount, pct]): [number, number] => [amount, Math.floor((amount * pct) / 100)]),
          );
          const unpaid = before.reduce((sum, i) => sum + i.amount - i.paidAmount, 0);
          const after = shrinkFromTheLast(before, credit);
          const unpaidAfter = after.instalments.reduce((sum, i) => sum + i.amount - i.paidAmount, 0);
          expect(unpaidAfter).toBe(Math.max(0, unpaid - credit));
          expect(after.instalments.reduce((sum, i) => sum + i.paidAmount, 0)).toBe(
            before.reduce((sum, i) => sum + i.paidAmount, 0),
          );
          expect(after.completed).toBe(unpaidAfter === 0);
        },
      ),
    );
  });
});

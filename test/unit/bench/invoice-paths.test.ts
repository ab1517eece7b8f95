import { describe, expect, it } from 'vitest';
import { interleave, pathGroups, REALISTIC_MIX } from '../../../scripts/bench/invoice-paths';

describe('the path groups', () => {
  it('include the paths the results are read by', () => {
    const names = pathGroups({ perPath: 3, mix: 10 }).map((group) => group.name);
    expect(names).toEqual(
      expect.arrayContaining(['paid_before_first_reminder', 'paid_after_first_reminder', 'fully_escalated']),
    );
  });

  it('agree a plan of three instalments after the first reminder, within the days a controller may give', () => {
    const group = pathGroups({ perPath: 2, mix: 10 }).find((g) => g.name === 'payment_plan');
    const [terms] = group?.payments ?? [];
    expect(terms).toMatchObject({ kind: 'plan', step: 'firstReminder', instalments: 3 });
    // business-standard lets a controller set the first instalment at most 30 days ahead.
    expect(terms?.kind === 'plan' && terms.firstAfterDays).toBeLessThanOrEqual(30);
  });

  it('never pays a fully escalated invoice', () => {
    const group = pathGroups({ perPath: 4, mix: 10 }).find((g) => g.name === 'fully_escalated');
    expect(group?.payments).toEqual(Array.from({ length: 4 }, () => ({ kind: 'never' })));
  });
});

describe('interleaving the mix', () => {
  it('picks each share exactly its weight when the count is the total weight', () => {
    const picked = interleave(REALISTIC_MIX, 100);
    for (const share of REALISTIC_MIX) {
      expect(picked.filter((p) => p === share.payment)).toHaveLength(share.weight);
    }
  });

  it('spreads the shares out rather than in blocks', () => {
    const a = { kind: 'never' } as const;
    const b = { kind: 'daysAfterArrival', days: 1 } as const;
    expect(
      interleave(
        [
          { payment: a, weight: 1 },
          { payment: b, weight: 1 },
        ],
        4,
      ),
    ).toEqual([a, b, a, b]);
  });
});

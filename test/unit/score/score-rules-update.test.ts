import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_RULES } from '../../../functions/core/score/score-rules';
import { currentScoreRules, updateScoreRules } from '../../../functions/use-cases/score/score-rules';
import { Refusal } from '../../../functions/use-cases/refusal';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const clock = { now: () => new Date('2026-03-16T09:00:00Z') };
const change = (expectedVersion: number, perBrokenPromise = 20) => ({
  expectedVersion,
  weights: { ...DEFAULT_SCORE_RULES.weights, perBrokenPromise },
  segments: { goodPayerOnTimeInRow: 8, chronicMovesBackOnTimeInRow: 4 },
  reward: { kind: 'credit_limit' as const, percent: 10, description: '10% higher credit limit' },
});

describe('versions of the score rules', () => {
  it('stores a new version over the one edited, with who stored it and when', async () => {
    const store = new InMemoryCreditStore();

    const stored = await updateScoreRules({ store, clock }, change(1), 'manager-sub');

    expect(stored).toMatchObject({
      version: 2,
      updatedBy: 'manager-sub',
      updatedAt: '2026-03-16T09:00:00.000Z',
    });
    expect(await currentScoreRules(store)).toEqual(stored);
  });

  it('refuses an edit of a version that is no longer the latest, and keeps the latest', async () => {
    const store = new InMemoryCreditStore();
    await updateScoreRules({ store, clock }, change(1), 'manager-a');

    const refused = updateScoreRules({ store, clock }, change(1, 5), 'manager-b');

    await expect(refused).rejects.toBeInstanceOf(Refusal);
    await expect(refused).rejects.toThrow('The score rules are at version 2; you edited version 1.');
    expect((await currentScoreRules(store)).weights.perBrokenPromise).toBe(20);
  });
});

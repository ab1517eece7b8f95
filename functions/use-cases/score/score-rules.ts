import { DEFAULT_SCORE_RULES, type ScoreRules } from '../../core/score/score-rules';
import { ConcurrentModificationError, type CreditReader, type CreditStore } from '../../ports/credit-store';
import { conflict } from '../refusal';

/** The rules in force: the latest a manager or admin stored, or the defaults (version 1). */
export async function currentScoreRules(store: CreditReader): Promise<ScoreRules> {
  return (await store.getScoreRules()) ?? DEFAULT_SCORE_RULES;
}

export interface ScoreRulesChange {
  /** The version the manager edited: a colleague's newer edit is not overwritten. */
  expectedVersion: number;
  weights: ScoreRules['weights'];
  segments: ScoreRules['segments'];
  reward: ScoreRules['reward'];
}

/**
 * PUT /settings/score-rules: a new version, kept with who stored it and when. Scores already on
 * the debtors keep the version they were weighed with (`rulesVersion`) until their next fact.
 */
export async function updateScoreRules(
  deps: { store: CreditStore; clock: { now(): Date } },
  change: ScoreRulesChange,
  by: string,
): Promise<ScoreRules> {
  const stored = await deps.store.getScoreRules();
  const current = stored ?? DEFAULT_SCORE_RULES;
  if (change.expectedVersion !== current.version) {
    throw conflict(
      `The score rules are at version ${current.version}; you edited version ${change.expectedVersion}.`,
    );
  }
  const next: ScoreRules = {
    version: current.version + 1,
    weights: change.weights,
    segments: change.segments,
    reward: change.reward,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: by,
  };
  try {
    // The defaults count as version 1 without being stored: version 2 follows nothing stored.
    await deps.store.putScoreRules(next, stored ? stored.version : null);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      throw conflict(
        'The score rules were changed by someone else meanwhile; reload them and try again.',
        'version_conflict',
      );
    }
    throw error;
  }
  return next;
}

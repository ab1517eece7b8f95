import { DEFAULT_SCORE_RULES, type ScoreRules } from '../../core/score/score-rules';
import type { CreditStore } from '../../ports/credit-store';

/** The rules in force: the latest a manager or admin stored, or the defaults (version 1). */
export async function currentScoreRules(store: CreditStore): Promise<ScoreRules> {
  return (await store.getScoreRules()) ?? DEFAULT_SCORE_RULES;
}

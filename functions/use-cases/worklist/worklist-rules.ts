import { DEFAULT_WORKLIST_RULES, type WorklistRules } from '../../core/worklist/worklist-rules';
import { ConcurrentModificationError, type CreditReader, type CreditStore } from '../../ports/credit-store';
import { conflict } from '../refusal';

/** The rules in force: the latest a manager stored, or the defaults (version 1) while none was. */
export async function currentWorklistRules(store: CreditReader): Promise<WorklistRules> {
  const stored = await store.getWorklistRules();
  if (!stored) return DEFAULT_WORKLIST_RULES;
  // Versions stored before the score was weighed weigh it as the defaults do.
  const weights: Partial<WorklistRules['weights']> = stored.weights;
  return {
    ...stored,
    weights: { ...stored.weights, lowScore: weights.lowScore ?? DEFAULT_WORKLIST_RULES.weights.lowScore },
  };
}

export interface WorklistRulesChange {
  /** The version the manager edited, when given: a colleague's newer edit is not overwritten. */
  version?: number;
  /** The score's weight unchanged when left out. */
  weights: Omit<WorklistRules['weights'], 'lowScore'> & { lowScore?: number };
  assignment?: WorklistRules['assignment'];
}

/**
 * PUT /worklist/rules: a new version of the rules, kept with who stored it and when. Every
 * version is kept; the worklist reads the latest.
 */
export async function updateWorklistRules(
  deps: { store: CreditStore; clock: { now(): Date } },
  change: WorklistRulesChange,
  by: string,
): Promise<WorklistRules> {
  const stored = await deps.store.getWorklistRules();
  const current = await currentWorklistRules(deps.store);
  if (change.version !== undefined && change.version !== current.version) {
    throw conflict(
      `The worklist rules are at version ${current.version}; you edited version ${change.version}.`,
    );
  }
  const next: WorklistRules = {
    version: current.version + 1,
    weights: { ...change.weights, lowScore: change.weights.lowScore ?? current.weights.lowScore },
    assignment: change.assignment ?? current.assignment,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: by,
  };
  try {
    // The defaults count as version 1 without being stored: version 2 follows nothing stored.
    await deps.store.putWorklistRules(next, stored ? stored.version : null);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      throw conflict('The worklist rules were changed by someone else meanwhile; reload them and try again.');
    }
    throw error;
  }
  return next;
}

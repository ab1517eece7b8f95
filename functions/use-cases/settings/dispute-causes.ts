import {
  causeEntry,
  causeListIssues,
  type DisputeCauseEntry,
  type DisputeCauseList,
  SEED_CAUSE_LIST,
} from '../../core/disputes/dispute-causes';
import { ConcurrentModificationError, type CreditStore } from '../../ports/credit-store';
import { conflict, invalid } from '../refusal';

/** GET /settings/dispute-causes: the list an admin stored, or the seed list (version 0). */
export async function disputeCauses(store: Pick<CreditStore, 'getDisputeCauses'>): Promise<DisputeCauseList> {
  return (await store.getDisputeCauses()) ?? SEED_CAUSE_LIST;
}

/**
 * PUT /settings/dispute-causes: a new version of the list, over the version the admin read (so
 * that a colleague's edit is never overwritten unseen). Disputes raised before keep the cause
 * they were raised with, also when it is taken off the list.
 */
export async function setDisputeCauses(
  store: Pick<CreditStore, 'getDisputeCauses' | 'putDisputeCauses'>,
  input: { version: number; causes: DisputeCauseEntry[] },
  admin: string,
  now: Date,
): Promise<DisputeCauseList> {
  const issues = causeListIssues(input.causes);
  if (issues.length > 0) throw invalid(issues, 'The list of dispute causes cannot be stored as asked.');
  const stored = await store.getDisputeCauses();
  const latest = stored?.version ?? 0;
  if (input.version !== latest) {
    throw conflict(
      `The dispute causes are at version ${latest}, not ${input.version}: someone changed them meanwhile; reload them and try again.`,
      'version_conflict',
    );
  }
  const list: DisputeCauseList = {
    version: latest + 1,
    causes: input.causes,
    updatedAt: now.toISOString(),
    updatedBy: admin,
  };
  try {
    await store.putDisputeCauses(list, stored ? stored.version : null);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      throw conflict('The dispute causes were changed by someone else meanwhile; reload them and try again.');
    }
    throw error;
  }
  return list;
}

/** The entry of a cause a dispute names, or a 400 naming `cause` when the list does not hold it. */
export async function knownCause(
  store: Pick<CreditStore, 'getDisputeCauses'>,
  cause: string,
): Promise<DisputeCauseEntry> {
  const list = await disputeCauses(store);
  const entry = causeEntry(list, cause);
  if (!entry) {
    throw invalid(
      [
        {
          path: 'cause',
          message: `unknown cause ${cause}: one of ${list.causes.map((c) => c.cause).join(', ')} (GET /settings/dispute-causes)`,
        },
      ],
      'The dispute cannot be recorded as asked.',
    );
  }
  return entry;
}

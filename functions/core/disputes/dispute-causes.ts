import type { DisputeIssue } from './dispute';

/**
 * One cause a dispute may name. The code is what the API takes and what the `disputes` topic
 * carries as the message attribute `cause`; the owner, when given, says who handles disputes of
 * the cause (a team, a queue: `sales`, `logistics`) and goes with the message as the attribute
 * `owner`, for subscriptions that route by owner rather than by cause.
 */
export interface DisputeCauseEntry {
  cause: string;
  label: string;
  owner?: string;
}

/**
 * The list an admin keeps (`PUT /settings/dispute-causes`), each change a new version. Version 0
 * is the seed, stored by nobody.
 */
export interface DisputeCauseList {
  version: number;
  causes: DisputeCauseEntry[];
  updatedAt?: string;
  /** The admin who set it (their sub). */
  updatedBy?: string;
}

/** The causes every installation starts with. */
export const SEED_DISPUTE_CAUSES: readonly DisputeCauseEntry[] = [
  { cause: 'price', label: 'The price differs from the one agreed' },
  { cause: 'quantity', label: 'Fewer goods delivered than invoiced' },
  { cause: 'quality', label: 'The goods or the work are not as agreed' },
  { cause: 'not_delivered', label: 'Nothing was delivered' },
  { cause: 'not_ordered', label: 'The debtor did not order it' },
  { cause: 'duplicate_invoice', label: 'Invoiced twice' },
  { cause: 'wrong_debtor', label: 'Invoiced to the wrong company or person' },
  { cause: 'other', label: 'Another reason, told in the note' },
];

export const SEED_CAUSE_LIST: DisputeCauseList = { version: 0, causes: [...SEED_DISPUTE_CAUSES] };

/** At most this many causes: the list is read by every dispute raised and shown in full. */
export const MAX_DISPUTE_CAUSES = 50;

/** What is wrong with a list of causes as an admin wants to store it: each named by its index. */
export function causeListIssues(causes: readonly DisputeCauseEntry[]): DisputeIssue[] {
  const issues: DisputeIssue[] = [];
  if (causes.length === 0) issues.push({ path: 'causes', message: 'the list needs at least one cause' });
  const seen = new Set<string>();
  causes.forEach((entry, index) => {
    if (seen.has(entry.cause)) {
      issues.push({ path: `causes.${index}.cause`, message: `cause ${entry.cause} is listed twice` });
    }
    seen.add(entry.cause);
  });
  return issues;
}

/** The entry of a cause, or undefined when the list does not hold it. */
export function causeEntry(list: DisputeCauseList, cause: string): DisputeCauseEntry | undefined {
  return list.causes.find((entry) => entry.cause === cause);
}

import { isCollecting } from '../../core/ledger/invoice';
import {
  ConcurrentModificationError,
  type CreditStore,
  type LetterKey,
  type LetterRecord,
} from '../../ports/credit-store';

export interface LetterLockDeps {
  store: CreditStore;
  /** Waits a little (real time) while another execution sends the letter. */
  pause: (ms: number) => Promise<void>;
}

/**
 * `held`: this execution sends the letter (or sent it already); otherwise another one sent it, or
 * tried to and gave up on it (abandoned): either way the debtor has had this day's letter.
 */
export type LetterLock = { held: true; letter: LetterRecord } | { held: false; letter: LetterRecord };

/**
 * Another execution holds the letter and is still sending it: thrown so that the ASL retries this
 * task later, when the letter is sent (the task then skips) or its owner gave up (the task takes
 * it over). Skipping at once would lose this invoice's step if the owner never sends.
 */
export class LetterInFlightError extends Error {
  constructor(key: LetterKey, owner: string) {
    super(
      `the ${key.slot} letter in ${key.currency} of ${key.day} is still being sent by execution ${owner}`,
    );
    this.name = 'LetterInFlightError';
  }
}

/**
 * The day of the letter this execution locked ended before it was sent: thrown so that the ASL
 * retries the task, which then locks the letter of the day it runs on.
 */
export class LetterDayOverError extends Error {
  constructor(key: LetterKey) {
    super(`the ${key.slot} letter in ${key.currency} of ${key.day} was not sent that day`);
    this.name = 'LetterDayOverError';
  }
}

// The owner sends within a second or two when SES answers; this covers the usual race between
// two invoices whose steps fire at the same minute without failing the other task.
const WAIT_ROUNDS = 8;
const WAIT_MS = 250;

/**
 * One letter per debtor, step, currency and day: the first execution to lock it sends it and
 * lists every invoice it covers. A retry of the owner continues under its own lock. A lock whose
 * owner can no longer send (its invoice was settled, or its execution failed and was restored
 * under a new name) is taken over, so that no listed invoice is left without its letter. A
 * letter whose sending was under way keeps its list: that is what SES may have accepted.
 */
export async function lockLetter(
  deps: LetterLockDeps,
  key: LetterKey,
  owner: string,
  listInvoiceIds: () => Promise<string[]>,
): Promise<LetterLock> {
  let sender = 'unknown';
  for (let round = 0; round <= WAIT_ROUNDS; round++) {
    const existing = await deps.store.getLetter(key);
    if (existing?.owner === owner) return { held: true, letter: existing };
    if (!existing) {
      const letter: LetterRecord = { ...key, owner, invoiceIds: await listInvoiceIds(), status: 'claimed' };
      if (await tryLock(deps.store, letter)) return { held: true, letter };
      continue;
    }
    if (existing.status === 'sent' || existing.status === 'abandoned')
      return { held: false, letter: existing };
    if (!(await ownerCanSend(deps.store, existing))) {
      const letter: LetterRecord =
        existing.status === 'sending'
          ? { ...existing, owner }
          : { ...key, owner, invoiceIds: await listInvoiceIds(), status: 'claimed' };
      await deps.store
        .commit([{ kind: 'putLetter', letter, lock: false, unlessSent: true }])
        .catch(ignoreConflict);
      // Of two take-overs at once, the one whose write landed last usually sends alone; only if
      // both read back their own write before the other's landed would the debtor get two.
      const holder = await deps.store.getLetter(key);
      if (holder?.owner === owner) return { held: true, letter: holder };
      continue;
    }
    sender = existing.owner;
    if (round < WAIT_ROUNDS) await deps.pause(WAIT_MS);
  }
  throw new LetterInFlightError(key, sender);
}

/** Locks a letter nobody holds; false when another execution locked it first. */
async function tryLock(store: CreditStore, letter: LetterRecord): Promise<boolean> {
  try {
    await store.commit([{ kind: 'putLetter', letter, lock: true }]);
    return true;
  } catch (error) {
    if (error instanceof ConcurrentModificationError) return false;
    throw error;
  }
}

/** The letter was marked sent in the meantime: the next round reads it. */
function ignoreConflict(error: unknown): void {
  if (!(error instanceof ConcurrentModificationError)) throw error;
}

/** The owner's invoice comes first in the letter; the owner sends only while it still duns it. */
async function ownerCanSend(store: CreditStore, letter: LetterRecord): Promise<boolean> {
  const ownerInvoiceId = letter.invoiceIds[0];
  const invoice = ownerInvoiceId ? await store.getInvoice(ownerInvoiceId) : undefined;
  return (
    !!invoice &&
    isCollecting(invoice) &&
    invoice.dunning?.status === 'running' &&
    invoice.dunning.execution === letter.owner
  );
}

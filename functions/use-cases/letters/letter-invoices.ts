import type { CalendarDate } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import { type DunningPolicy, FOURTEEN_DAY_LETTER } from '../../core/dunning/dunning-policy';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import { nextStepOf, stepFor } from '../../core/dunning/policy-steps';
import { undisputedAmount } from '../../core/disputes/dispute';
import { isCollecting } from '../../core/ledger/invoice';
import type { CreditStore, InvoiceRecord } from '../../ports/credit-store';
import type { DunnedInvoice } from '../steps/check-step';
import { MAX_INVOICES_PER_LETTER } from './record-letter';

/** The local day on which an invoice's dunning has `slot` scheduled. */
function scheduledDay(invoice: DunnedInvoice, slot: DunningSlot, policy: DunningPolicy): CalendarDate {
  return localDate(new Date(invoice.dunning.schedule[slot]), policy.timeZone);
}

/**
 * Whether `slot` is the invoice's next step and falls today or earlier: its dunning runs, every
 * step its policy has before `slot` is done, and the step is scheduled on `today` or before (it
 * was deferred, or its execution was restored late). Such an invoice goes into the debtor's
 * letter of the day for that step, whichever execution sends it.
 */
export function dueForLetter(
  invoice: InvoiceRecord,
  slot: DunningSlot,
  policy: DunningPolicy,
  today: CalendarDate,
): invoice is DunnedInvoice {
  if (!awaitsStep(invoice, slot) || !stepFor(policy, slot)) return false;
  const next = nextStepOf(invoice.dunning, policy);
  return next?.slot === slot && scheduledDay(invoice, slot, policy) <= today;
}

/**
 * The invoices one letter covers: the owner's first (the letter names it, the other executions
 * refer to it), then every other invoice of the debtor in the same currency (one total, one
 * payment) that is due for this step today, longest waiting first, at most MAX_INVOICES_PER_LETTER.
 * A 14-day letter covers every invoice of the debtor overdue today that no earlier 14-day letter
 * covered, whichever step it waits for: one term and one amount of costs, over their combined
 * principal, instead of a letter a day with the minimum costs each.
 */
export async function invoicesForLetter(
  store: CreditStore,
  owner: { invoice: DunnedInvoice; policy: DunningPolicy },
  slot: DunningSlot,
  today: CalendarDate,
): Promise<DunnedInvoice[]> {
  const policies = new Map<string, DunningPolicy | undefined>([[policyKey(owner.policy), owner.policy]]);
  const policyOf = async (invoice: DunnedInvoice) => {
    const key = `${invoice.dunning.policyId}@${invoice.dunning.policyVersion}`;
    if (!policies.has(key)) {
      policies.set(key, await store.getPolicy(invoice.dunning.policyId, invoice.dunning.policyVersion));
    }
    return policies.get(key);
  };

  const fourteenDay = isFourteenDayLetter(owner.policy, slot);
  const covered = fourteenDay
    ? await coveredByFourteenDayLetters(store, owner.invoice.debtorId, slot, today)
    : new Set();
  const others: DunnedInvoice[] = [];
  for (const candidate of await store.listInvoicesOfDebtor(owner.invoice.debtorId)) {
    if (candidate.id === owner.invoice.id || candidate.currency !== owner.invoice.currency) continue;
    if (!awaitsStep(candidate, slot)) continue;
    // Only its disputed part is open: its own step pauses it for the dispute instead.
    if (undisputedAmount(candidate) === 0) continue;
    const policy = await policyOf(candidate);
    if (!policy) continue;
    const joins = fourteenDay
      ? isFourteenDayLetter(policy, slot) && candidate.dueDate < today && !covered.has(candidate.id)
      : dueForLetter(candidate, slot, policy, today);
    if (joins) others.push(candidate);
  }
  others.sort((a, b) => a.dunning.schedule[slot].localeCompare(b.dunning.schedule[slot]));
  return [owner.invoice, ...others].slice(0, MAX_INVOICES_PER_LETTER);
}

/** Whether the policy's step at `slot` is the 14-day letter (art. 6:96 lid 6 BW). */
export function isFourteenDayLetter(policy: DunningPolicy, slot: DunningSlot): boolean {
  return stepFor(policy, slot)?.template === FOURTEEN_DAY_LETTER;
}

/**
 * The invoices of the debtor that a 14-day letter of `slot` sent before `today` listed: their term
 * runs, and a second letter would state the costs twice. (Today's letter is the lock's to settle,
 * and a send of an earlier day still unconfirmed is settled before a new letter is locked.)
 */
export async function coveredByFourteenDayLetters(
  store: CreditStore,
  debtorId: string,
  slot: DunningSlot,
  today: CalendarDate,
): Promise<Set<string>> {
  const letters = await store.listLetters(debtorId, slot);
  return new Set(
    letters
      .filter((letter) => letter.status === 'sent' && letter.day < today)
      .flatMap((letter) => letter.invoiceIds),
  );
}

function policyKey(policy: DunningPolicy): string {
  return `${policy.id}@${policy.version}`;
}

/** Still collected, its dunning running, and this step not done yet. */
export function awaitsStep(invoice: InvoiceRecord, slot: DunningSlot): invoice is DunnedInvoice {
  return (
    isCollecting(invoice) && invoice.dunning?.status === 'running' && invoice.dunning.lastStep?.slot !== slot
  );
}

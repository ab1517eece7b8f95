import type { CalendarDate } from '../calendar/calendar-date';
import { localDate } from '../calendar/time-zone';
import type { Invoice } from '../ledger/invoice';
import type { Money } from '../money';
import type { DunningPolicy } from './dunning-policy';
import type { DunningState } from './dunning-state';
import type { DunningSlot } from './dunning-slot';
import { nextStepOf } from './policy-steps';

/** One invoice's step on the day: which slot, and the moment its Wait state ends. */
export interface PlannedStep {
  invoice: Pick<Invoice, 'id' | 'number' | 'debtorId' | 'currency' | 'openAmount'>;
  slot: DunningSlot;
  at: string;
}

export interface OutboxInvoice {
  invoiceId: string;
  number: string;
  openAmount: Money;
}

/** One letter: one per debtor, step, currency and day, listing every invoice it asks for. */
export interface OutboxLetter {
  debtorId: string;
  slot: DunningSlot;
  currency: string;
  at: string;
  invoices: OutboxInvoice[];
  total: Money;
}

/** A call, an escalation or a hand-over: one per invoice. */
export interface OutboxAction extends OutboxInvoice {
  debtorId: string;
  slot: DunningSlot;
  at: string;
}

export interface Outbox {
  date: CalendarDate;
  letters: OutboxLetter[];
  calls: OutboxAction[];
  escalations: OutboxAction[];
  handOvers: OutboxAction[];
}

/**
 * The step a running dunning takes next, when its Wait ends on `date` in the policy's time zone:
 * the policy's first step after the last one done (its first step when none is). Undefined for a
 * dunning that is paused, stopped or complete, or whose next step falls on another day.
 */
export function nextStepOn(
  dunning: Pick<DunningState, 'status' | 'lastStep' | 'schedule' | 'startSlot' | 'resumedAtOnce'>,
  policy: DunningPolicy,
  date: CalendarDate,
): { slot: DunningSlot; at: string } | undefined {
  if (dunning.status !== 'running') return undefined;
  const next = nextStepOf(dunning, policy);
  if (!next) return undefined;
  const at = dunning.schedule[next.slot];
  return localDate(new Date(at), policy.timeZone) === date ? { slot: next.slot, at } : undefined;
}

const LETTER_SLOTS: ReadonlySet<DunningSlot> = new Set(['firstReminder', 'secondReminder', 'finalNotice']);

/**
 * Groups a day's planned steps as they will go out: the letters per debtor, step and currency
 * (the letter step sends one letter a day for all of them), then the calls, escalations and
 * hand-overs one per invoice. Sorted by debtor, step and invoice number, so that the list reads
 * the same every time.
 */
export function groupOutbox(date: CalendarDate, planned: readonly PlannedStep[]): Outbox {
  const letters = new Map<string, OutboxLetter>();
  const outbox: Outbox = { date, letters: [], calls: [], escalations: [], handOvers: [] };
  const sorted = [...planned].sort(
    (a, b) =>
      a.invoice.debtorId.localeCompare(b.invoice.debtorId) ||
      a.invoice.number.localeCompare(b.invoice.number) ||
      a.invoice.id.localeCompare(b.invoice.id),
  );
  for (const { invoice, slot, at } of sorted) {
    const line: OutboxInvoice = {
      invoiceId: invoice.id,
      number: invoice.number,
      openAmount: { amount: invoice.openAmount, currency: invoice.currency },
    };
    if (LETTER_SLOTS.has(slot)) {
      const key = `${invoice.debtorId}\u0000${slot}\u0000${invoice.currency}`;
      const letter = letters.get(key) ?? {
        debtorId: invoice.debtorId,
        slot,
        currency: invoice.currency,
        at,
        invoices: [],
        total: { amount: 0, currency: invoice.currency },
      };
      letter.invoices.push(line);
      letter.total = { amount: letter.total.amount + invoice.openAmount, currency: invoice.currency };
      // The letter goes when the earliest of its invoices is due to go.
      if (at < letter.at) letter.at = at;
      letters.set(key, letter);
      continue;
    }
    const action: OutboxAction = { ...line, debtorId: invoice.debtorId, slot, at };
    if (slot === 'call') outbox.calls.push(action);
    else if (slot === 'accountManager') outbox.escalations.push(action);
    else outbox.handOvers.push(action);
  }
  outbox.letters = [...letters.values()].sort(
    (a, b) =>
      a.debtorId.localeCompare(b.debtorId) ||
      SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot) ||
      a.currency.localeCompare(b.currency),
  );
  return outbox;
}

const SLOT_ORDER: readonly DunningSlot[] = ['firstReminder', 'secondReminder', 'finalNotice'];

import { addDays, type CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { DEBTOR_HOLD_REF, isPaused, type Pause } from '../../core/dunning/dunning-pause';
import { hasOpenBalance, isCollecting } from '../../core/ledger/invoice';
import type { DebtorHold, DebtorRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { pausedInvoice, pauseWrites, stopPausedExecutions } from '../dunning/pause-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';

/** A hold longer than a year is no hold but a decision not to collect: cancel or credit instead. */
const MAX_HOLD_DAYS = 365;

export interface HoldInput {
  until: CalendarDate;
  reason: string;
  /** The user's id (`sub`). */
  by: string;
}

export interface InvoiceHoldView {
  invoiceId: string;
  hold: DebtorHold;
  dunning: { status: 'paused'; pausedFor: 'hold'; pausedUntil: CalendarDate };
}

/**
 * POST /invoices/{id}/hold: the automatic steps of this invoice wait until `until`, then go on at
 * the step after the last one done. The pause and its timeline entries are one transaction;
 * the running execution is stopped after it.
 */
export async function placeInvoiceHold(
  deps: DunningDeps,
  invoiceId: string,
  input: HoldInput,
): Promise<InvoiceHoldView> {
  const { hold, before } = await retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(invoiceId);
    if (!invoice) throw notFound(`Invoice ${invoiceId} does not exist.`, 'invoice_not_found');
    const now = deps.clock.now();
    checkUntil(input.until, localDate(now, BUSINESS_TIME_ZONE));
    refuseIfNotHoldable(invoice);
    const hold: DebtorHold = {
      until: input.until,
      reason: input.reason,
      by: `user:${input.by}`,
      at: now.toISOString(),
    };
    const debtor = await debtorOfInvoice(deps.store, invoice);
    await deps.store.commit(await holdWrites(deps, invoice, debtor, hold, undefined, now));
    return { hold, before: invoice };
  });
  await stopPausedExecutions(deps.workflow, [before], 'hold');
  return { invoiceId, hold, dunning: { status: 'paused', pausedFor: 'hold', pausedUntil: hold.until } };
}

/**
 * POST /debtors/{id}/hold: a hold on every open invoice of the debtor, and on those that fall due
 * while it lasts (the sweep pauses them instead of starting their dunning). The debtor carries
 * the hold; each invoice is paused in its own transaction, so that a debtor with many invoices
 * fits, and an invoice already paused for another reason keeps that pause.
 */
export async function placeDebtorHold(
  deps: DunningDeps,
  debtorId: string,
  input: HoldInput,
): Promise<{ debtorId: string; hold: DebtorHold; invoicesHeld: string[] }> {
  const hold = await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(debtorId);
    if (!debtor) throw notFound(`Debtor ${debtorId} does not exist.`, 'debtor_not_found');
    const now = deps.clock.now();
    const today = localDate(now, BUSINESS_TIME_ZONE);
    checkUntil(input.until, today);
    if (debtor.hold && debtor.hold.until > today) {
      throw conflict(`Debtor ${debtorId} is on hold until ${debtor.hold.until} already.`, 'already_on_hold');
    }
    const hold: DebtorHold = {
      until: input.until,
      reason: input.reason,
      by: `user:${input.by}`,
      at: now.toISOString(),
    };
    await commitDebtorHold(deps, debtor, hold, now);
    return hold;
  });
  return { debtorId, hold, invoicesHeld: await holdOpenInvoices(deps, debtorId, hold) };
}

/**
 * A hold the system places on a debtor (a reply by email, which a person must read before the
 * next reminder): as a user's, but a debtor already on hold keeps the hold it has, and a debtor
 * that does not exist is no error. Returns the hold in force, or undefined for no debtor.
 */
export async function holdDebtorFor(
  deps: DunningDeps,
  debtorId: string,
  hold: DebtorHold,
): Promise<{ hold: DebtorHold; placed: boolean; invoicesHeld: string[] } | undefined> {
  const outcome = await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(debtorId);
    if (!debtor) return undefined;
    const now = deps.clock.now();
    if (debtor.hold && debtor.hold.until > localDate(now, BUSINESS_TIME_ZONE)) {
      return { hold: debtor.hold, placed: false };
    }
    await commitDebtorHold(deps, debtor, hold, now);
    return { hold, placed: true };
  });
  if (!outcome) return undefined;
  // Also when the hold was there already: a delivery retried after a crash pauses what the first
  // did not reach; an invoice paused already (for this hold or another reason) is left as it is.
  return { ...outcome, invoicesHeld: await holdOpenInvoices(deps, debtorId, outcome.hold) };
}

async function commitDebtorHold(
  deps: DunningDeps,
  debtor: DebtorRecord,
  hold: DebtorHold,
  now: Date,
): Promise<void> {
  await deps.store.commit([
    { kind: 'putDebtor', debtor: revised(debtor, { hold }, now), expectedVersion: debtor.version },
    {
      kind: 'appendEvent',
      subject: { debtorId: debtor.id },
      event: {
        at: hold.at,
        type: 'hold_placed',
        actor: hold.by,
        summary: `Dunning of every invoice on hold until ${hold.until}: ${hold.reason}`,
        details: { until: hold.until, reason: hold.reason },
      },
    },
  ]);
}

async function holdOpenInvoices(deps: DunningDeps, debtorId: string, hold: DebtorHold): Promise<string[]> {
  const held: string[] = [];
  for (const invoice of await deps.store.listInvoicesOfDebtor(debtorId)) {
    if (await holdUnderDebtor(deps, invoice.id, hold)) held.push(invoice.id);
  }
  return held;
}

/**
 * Pauses one invoice under its debtor's hold, unless it is settled or paused already. Used when
 * the hold is placed, and by the sweep for an invoice that falls due while the hold lasts.
 */
export async function holdUnderDebtor(
  deps: DunningDeps,
  invoiceId: string,
  hold: DebtorHold,
): Promise<boolean> {
  const before = await retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(invoiceId);
    if (!invoice || !isCollecting(invoice) || !hasOpenBalance(invoice) || isPaused(invoice.dunning))
      return undefined;
    const debtor = await debtorOfInvoice(deps.store, invoice);
    await deps.store.commit(await holdWrites(deps, invoice, debtor, hold, DEBTOR_HOLD_REF, deps.clock.now()));
    return invoice;
  });
  if (!before) return false;
  await stopPausedExecutions(deps.workflow, [before], 'hold');
  return true;
}

async function holdWrites(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  debtor: DebtorRecord,
  hold: DebtorHold,
  ref: string | undefined,
  now: Date,
): Promise<StoreWrite[]> {
  const pause: Pause = {
    reason: 'hold',
    by: hold.by,
    at: now.toISOString(),
    until: hold.until,
    note: hold.reason,
    ...(ref ? { ref } : {}),
  };
  const paused = await pausedInvoice(deps.store, invoice, debtor, pause, now);
  const whose = ref === DEBTOR_HOLD_REF ? 'the debtor is on hold' : 'on hold';
  return [
    ...pauseWrites(invoice, paused, `Dunning paused until ${hold.until}: ${whose} (${hold.reason})`),
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at: pause.at,
        type: 'hold_placed',
        actor: hold.by,
        summary: `On hold until ${hold.until}: ${hold.reason}`,
        details: { until: hold.until, reason: hold.reason, ...(ref ? { on: ref } : {}) },
      },
    },
  ];
}

function checkUntil(until: CalendarDate, today: CalendarDate): void {
  const latest = addDays(today, MAX_HOLD_DAYS);
  if (until <= today) throw invalid([{ path: 'until', message: `until must be after today (${today})` }]);
  if (until > latest) {
    throw invalid([
      { path: 'until', message: `until must be at most ${MAX_HOLD_DAYS} days ahead (${latest})` },
    ]);
  }
}

function refuseIfNotHoldable(invoice: InvoiceRecord): void {
  if (!isCollecting(invoice) || !hasOpenBalance(invoice)) {
    throw conflict(
      `Invoice ${invoice.number} is ${invoice.status.replace('_', ' ')}: there is no dunning to hold.`,
      'invoice_not_open',
    );
  }
  const dunning = invoice.dunning;
  if (isPaused(dunning)) {
    throw conflict(
      `The dunning of invoice ${invoice.number} is paused for ${dunning.pausedFor.replace('_', ' ')}${dunning.pausedUntil ? ` until ${dunning.pausedUntil}` : ''} already.`,
      'already_paused',
    );
  }
}

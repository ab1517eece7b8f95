import { undisputedAmount } from '../../core/disputes/dispute';
import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { DunningPolicy } from '../../core/dunning/dunning-policy';
import { groupOutbox, nextStepOn, type Outbox, type PlannedStep } from '../../core/dunning/outbox';
import { planDunning } from '../../core/dunning/schedule';
import { chooseSegment } from '../../core/dunning/segment';
import { isCollecting } from '../../core/ledger/invoice';
import type { Clock } from '../../ports/clock';
import type { CreditReader, InvoiceRecord } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { behaviourOf } from '../dunning/start-dunning';
import { policyFor } from '../policies/policy-catalogue';

export interface OutboxDeps {
  store: CreditReader;
  clock: Clock;
}

/**
 * GET /outbox?date=: what the automatic dunning will do on `date`, grouped as it goes out. Reads
 * only the sparse index of open invoices due by that day, the one the daily sweep reads: an
 * invoice whose running dunning has its next step on that day is listed; one that falls due and
 * has no dunning yet is planned as the sweep will start it (its debtor's segment and the policy's
 * first step), unless its debtor is on hold that day. Paused, stopped and complete dunnings do
 * nothing and are not listed. A controller holds any of it with the hold routes before it goes.
 */
export async function dayOutbox(deps: OutboxDeps, date: CalendarDate): Promise<Outbox> {
  const policies = new Map<string, Promise<DunningPolicy | undefined>>();
  const policy = (id: string, version?: number) => {
    const key = `${id}#${version ?? 'latest'}`;
    const cached = policies.get(key) ?? policyFor(deps.store, id, version, { storeSeed: false });
    policies.set(key, cached);
    return cached;
  };
  const planned: PlannedStep[] = [];
  for await (const invoice of deps.store.listOpenInvoicesDueBy(date)) {
    if (!isCollecting(invoice)) continue;
    const step = await plannedStep(deps, invoice, date, policy);
    // A letter asks only for what is not under dispute (a dispute over part of the invoice); an
    // invoice with nothing else open is paused by its step instead.
    const asked = undisputedAmount(invoice);
    if (step && asked > 0) planned.push({ invoice: { ...invoice, openAmount: asked }, ...step });
  }
  return groupOutbox(date, planned);
}

async function plannedStep(
  deps: OutboxDeps,
  invoice: InvoiceRecord,
  date: CalendarDate,
  policy: (id: string, version?: number) => Promise<DunningPolicy | undefined>,
): Promise<Omit<PlannedStep, 'invoice'> | undefined> {
  if (invoice.dunning) {
    const stored = await policy(invoice.dunning.policyId, invoice.dunning.policyVersion);
    return stored ? nextStepOn(invoice.dunning, stored, date) : undefined;
  }
  // The sweep starts an invoice's dunning the day after it fell due.
  if (invoice.dueDate >= date) return undefined;
  const debtor = await debtorOfInvoice(deps.store, invoice);
  if (debtor.hold && debtor.hold.until > date) return undefined;
  const segment = chooseSegment(debtor, behaviourOf(debtor.behaviour));
  const latest = await policy(segment.segment);
  if (!latest) return undefined;
  const plan = planDunning({ policy: latest, dueDate: invoice.dueDate, now: deps.clock.now() });
  return nextStepOn({ status: 'running', schedule: plan.schedule, startSlot: plan.resumeAt }, latest, date);
}

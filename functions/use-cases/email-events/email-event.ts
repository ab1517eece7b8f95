import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import { isCollecting } from '../../core/ledger/invoice';
import type { TimelineEvent } from '../../core/ledger/timeline';
import {
  ConcurrentModificationError,
  type CreditStore,
  type InvoiceRecord,
  type LetterRecord,
  type StoreWrite,
} from '../../ports/credit-store';
import { payByGivesFullTerm } from '../../core/legal/fourteen-day-letter';
import { openTask } from '../../core/tasks/collection-task';
import { firstVersion, retryOnConflict } from '../record-versions';
import { type StepDeps, WORKFLOW_ACTOR } from '../steps/record-step';
import type { SesEvent } from './ses-event';
import { unreachableTaskWrites } from '../tasks/unreachable-task';

export type EmailEventOutcome =
  { status: 'recorded'; invoiceIds: string[] } | { status: 'ignored'; reason: string };

type Handled =
  { kind: 'delivery'; at: string } | { kind: 'bounce'; at: string } | { kind: 'complaint'; at: string };

/**
 * What SES learned about a letter, recorded on every invoice the letter listed. A delivery is the
 * day the letter counts as received (the 14-day term runs from the day after). A permanent bounce,
 * or a complaint (the debtor marked it as spam, so further email will not reach them), puts a task
 * on a controller's list to reach the debtor another way. Each event is recorded once per invoice,
 * however often SNS delivers it.
 */
export async function recordEmailEvent(deps: StepDeps, event: SesEvent): Promise<EmailEventOutcome> {
  const handled = whatHappened(event);
  if ('ignored' in handled) return { status: 'ignored', reason: handled.ignored };
  const letter = await letterOf(deps, event);
  if (!letter) return { status: 'ignored', reason: 'not a dunning letter (no letter matches its tags)' };
  await noteAccepted(deps.store, letter, event.mail.messageId);

  const recorded: string[] = [];
  for (const invoiceId of letter.invoiceIds) {
    if (await recordOnInvoice(deps, event, handled, letter, invoiceId)) recorded.push(invoiceId);
  }
  return { status: 'recorded', invoiceIds: recorded };
}

function whatHappened(event: SesEvent): Handled | { ignored: string } {
  switch (event.eventType) {
    case 'Delivery':
      return { kind: 'delivery', at: event.delivery?.timestamp ?? event.mail.timestamp };
    case 'Bounce':
      // A transient bounce (mailbox full, greylisting) is retried by SES itself.
      return event.bounce?.bounceType === 'Permanent'
        ? { kind: 'bounce', at: event.bounce.timestamp }
        : { ignored: `a ${event.bounce?.bounceType ?? 'unknown'} bounce: SES retries the delivery` };
    case 'Complaint':
      return { kind: 'complaint', at: event.complaint?.timestamp ?? event.mail.timestamp };
    default:
      return { ignored: `${event.eventType} events change nothing` };
  }
}

/**
 * The letter is found by the tags it was sent with (see sendDunningLetter). An email without a
 * currency tag was sent before the currency was part of a letter's key, when every letter was in
 * euros; such a letter is stored under its old key and not found, so an event that arrives after
 * the deployment for an email sent just before it is ignored.
 */
async function letterOf(deps: StepDeps, event: SesEvent): Promise<LetterRecord | undefined> {
  const [debtorId] = event.mail.tags.debtor ?? [];
  const [slot] = event.mail.tags.slot ?? [];
  const [day] = event.mail.tags.letterDay ?? [];
  const [currency = 'EUR'] = event.mail.tags.currency ?? [];
  if (!debtorId || !slot || !day) return undefined;
  return deps.store.getLetter({ debtorId, slot, currency, day });
}

/**
 * Any event about a letter proves that SES accepted it. While the letter is not recorded as sent
 * (its function was lost between SES's answer and the record), the message id is noted on the
 * letter, so that the retry records it instead of sending it again.
 */
async function noteAccepted(store: CreditStore, letter: LetterRecord, messageId: string): Promise<void> {
  if (letter.status !== 'sending' || letter.messageId) return;
  try {
    await store.commit([
      { kind: 'putLetter', letter: { ...letter, messageId }, lock: false, unlessSent: true },
    ]);
  } catch (error) {
    // Recorded as sent in the meantime, with the same message id.
    if (!(error instanceof ConcurrentModificationError)) throw error;
  }
}

async function recordOnInvoice(
  deps: StepDeps,
  event: SesEvent,
  handled: Handled,
  letter: LetterRecord,
  invoiceId: string,
): Promise<boolean> {
  const deliveryId = `ses-${event.eventType}-${event.mail.messageId}-${invoiceId}`;
  return retryOnConflict(async () => {
    if (await deps.store.getDelivery(deliveryId)) return false;
    const invoice = await deps.store.getInvoice(invoiceId);
    if (!invoice) return false;
    const now = deps.clock.now();
    await deps.store.commit([
      {
        kind: 'recordDelivery',
        delivery: { id: deliveryId, receivedAt: now.toISOString(), statusCode: 200, response: handled },
      },
      ...(await writesFor(deps.store, event, handled, letter, invoice, now)),
    ]);
    return true;
  });
}

/**
 * A 14-day letter delivered so late that the day it printed falls less than 14 days after the
 * day after receipt gives the debtor too little time: no costs are due on it (the claim sees the
 * same), and a controller gets the task to send a new one. One task per letter, on the invoice
 * the letter was sent for, while that invoice is still collected.
 */
async function deliveredTooLateWrites(
  store: CreditStore,
  deliveredAt: string,
  letter: LetterRecord,
  invoice: InvoiceRecord,
  now: Date,
): Promise<StoreWrite[]> {
  const payBy = letter.content?.fourteenDayTerm?.endsOn;
  const receivedOn = localDate(new Date(deliveredAt), BUSINESS_TIME_ZONE);
  if (!payBy || payByGivesFullTerm(payBy, receivedOn)) return [];
  if (letter.invoiceIds[0] !== invoice.id || !isCollecting(invoice)) return [];
  const id = `resend-fourteen-day-letter--${invoice.id}--${letter.day}`;
  if (await store.getTask(id)) return [];
  const at = now.toISOString();
  const summary =
    `The 14-day letter of ${letter.day} for invoice ${invoice.number} was received on ${receivedOn}, ` +
    `so its last day to pay (${payBy}) gives less than 14 days after the day after receipt: no collection ` +
    'costs are due on it. Send a new 14-day letter.';
  const task = openTask({
    id,
    kind: 'resend_fourteen_day_letter',
    invoice,
    today: localDate(now, BUSINESS_TIME_ZONE),
    summary,
    slot: letter.slot as DunningSlot,
  });
  return [
    { kind: 'putTask', task: firstVersion(task, at), expectedVersion: null },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at,
        type: 'task_created',
        actor: WORKFLOW_ACTOR,
        summary,
        details: { kind: 'resend_fourteen_day_letter', taskId: id, payBy, receivedOn, letterDay: letter.day },
      },
    },
  ];
}

async function writesFor(
  store: CreditStore,
  event: SesEvent,
  handled: Handled,
  letter: LetterRecord,
  invoice: InvoiceRecord,
  now: Date,
): Promise<StoreWrite[]> {
  const slot = letter.slot as DunningSlot;
  // SES's own send time beside its delivery time: the claim file shows the two in order.
  const details = {
    messageId: event.mail.messageId,
    slot,
    letterDay: letter.day,
    sesSentAt: event.mail.timestamp,
  };
  const append = (entry: Omit<TimelineEvent, 'actor'>): StoreWrite => ({
    kind: 'appendEvent',
    subject: { invoiceId: invoice.id },
    event: { ...entry, actor: WORKFLOW_ACTOR },
  });
  if (handled.kind === 'delivery') {
    const summary = `${slot} email delivered`;
    return [
      append({
        at: handled.at,
        type: 'email_delivered',
        summary,
        details: { ...details, deliveredAt: handled.at },
      }),
      ...(await deliveredTooLateWrites(store, handled.at, letter, invoice, now)),
    ];
  }

  const writes: StoreWrite[] = [];
  if (handled.kind === 'bounce') {
    const summary = `${slot} email bounced: the address does not take mail`;
    const bounceSubType = event.bounce?.bounceSubType ?? null;
    writes.push(
      append({ at: handled.at, type: 'email_bounced', summary, details: { ...details, bounceSubType } }),
    );
  }
  // A settled invoice needs nobody to chase it; a bounce stays on its timeline as evidence.
  if (!isCollecting(invoice)) return writes;
  const why = handled.kind === 'bounce' ? 'bounced for good' : 'was marked as spam by the debtor';
  const summary = `The ${slot} email for invoice ${invoice.number} ${why}: reach the debtor by phone or post`;
  const at = now.toISOString();
  const task = await unreachableTaskWrites(store, {
    invoice,
    slot,
    summary,
    // An email event belongs to no step's policy: the task is due on the business calendar's today.
    today: localDate(now, BUSINESS_TIME_ZONE),
    at,
  });
  if (task.length === 0) return writes;
  const created = append({
    at,
    type: 'task_created',
    summary,
    details: { ...details, kind: 'unreachable_by_email' },
  });
  return [...writes, ...task, created];
}

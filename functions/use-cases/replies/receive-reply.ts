import { createHash } from 'node:crypto';
import type { CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { addWorkingDays } from '../../core/calendar/working-days';
import { type AutomaticReplySign, automaticReplySign } from '../../core/replies/automatic-reply';
import { replyBrief, type UnmatchedReason, unmatchedReplyTask } from '../../core/replies/reply-tasks';
import { tokenOfRecipients } from '../../core/replies/reply-token';
import { openTask } from '../../core/tasks/collection-task';
import type { TimelineEvent } from '../../core/ledger/timeline';
import {
  ConcurrentModificationError,
  type InvoiceRecord,
  type ReplyAddress,
  type StoreWrite,
} from '../../ports/credit-store';
import type { ReplyMailbox } from '../../ports/reply-mailbox';
import type { DunningDeps } from '../dunning/start-dunning';
import { holdDebtorFor } from '../holds/place-hold';
import { firstVersion } from '../record-versions';
import { type ParsedReply, parseReply } from './parse-reply';

export interface ReplyDeps extends DunningDeps {
  mailbox: ReplyMailbox;
  /** The creditor's reply address (REPLY_TO_EMAIL), whose tagged forms name letters. */
  replyAddress: string;
  /** Working days a person's reply holds the debtor's automatic steps (configuration, default 2). */
  holdWorkingDays: number;
}

/** The stored message an S3 event names. */
export interface StoredReply {
  bucket: string;
  key: string;
}

export type ReplyOutcome =
  | {
      status: 'recorded';
      debtorId: string;
      letter: { slot: string; day: CalendarDate };
      /** The task for the owner; absent for an automatic reply. */
      taskId?: string;
      automatic?: AutomaticReplySign;
      /** The day the debtor's hold lasts until (a person's reply). */
      heldUntil?: CalendarDate;
    }
  | { status: 'unmatched'; reason: UnmatchedReason; taskId: string; automatic?: AutomaticReplySign }
  | { status: 'duplicate' };

/** Who wrote an entry a reply put on a timeline: the debtor by email (or its mail server's robot). */
const DEBTOR = 'debtor-email';
/** Who placed the hold a reply brings. */
const REPLY_HOLD_ACTOR = 'email-reply';

/**
 * An email that reached the reply address (SES, or the local SMTP server, stored it; the
 * bucket's event names it): parsed, placed next to the letter its address names, on the debtor's
 * timeline and the timeline of each invoice the letter listed. A person's reply becomes a
 * `debtor_replied` task for the account's owner and holds the debtor's automatic steps for
 * `holdWorkingDays` working days, so that no reminder crosses a reply nobody has read; an
 * automatic reply (out of office) is only recorded. A reply that names no letter becomes an
 * `unmatched_reply` task: none is dropped. The same message delivered twice (the same Message-ID,
 * or without one the same stored object) is handled once.
 */
export async function receiveReply(deps: ReplyDeps, stored: StoredReply): Promise<ReplyOutcome> {
  const reply = await parseReply(await deps.mailbox.read(stored.key));
  const id = replyId(reply, stored);
  const deliveryId = `reply:${id}`;
  if (await deps.store.getDelivery(deliveryId)) return { status: 'duplicate' };

  const now = deps.clock.now();
  const context: ReplyContext = {
    id,
    deliveryId,
    reply,
    receivedAt: now.toISOString(),
    today: localDate(now, BUSINESS_TIME_ZONE),
    stored: `s3://${stored.bucket}/${stored.key}`,
    automatic: automaticReplySign(reply),
  };
  const addressed = tokenOfRecipients(reply.recipients, deps.replyAddress);
  const letter =
    addressed.kind === 'token' ? await deps.store.findLetterByReplyToken(addressed.token) : undefined;
  if (!letter) {
    const reason: UnmatchedReason =
      addressed.kind === 'none'
        ? 'no_token'
        : addressed.kind === 'malformed'
          ? 'malformed_token'
          : 'unknown_token';
    return keepUnmatched(deps, context, reason);
  }
  return recordReply(deps, context, letter);
}

interface ReplyContext {
  id: string;
  deliveryId: string;
  reply: ParsedReply;
  receivedAt: string;
  today: CalendarDate;
  stored: string;
  automatic: AutomaticReplySign | undefined;
}

async function recordReply(
  deps: ReplyDeps,
  context: ReplyContext,
  found: ReplyAddress,
): Promise<ReplyOutcome> {
  const { reply, automatic } = context;
  const { letter } = found;
  const invoices = (await Promise.all(found.invoiceIds.map((id) => deps.store.getInvoice(id)))).filter(
    (invoice): invoice is InvoiceRecord => invoice !== undefined,
  );
  const taskId = automatic ? undefined : `debtor-replied--${context.id}`;

  // The hold first: a reply delivered again after a crash finds no delivery record and holds
  // again (a debtor on hold keeps its hold), so the hold is never lost with the record written.
  const held = automatic
    ? undefined
    : await holdDebtorFor(deps, letter.debtorId, {
        until: addWorkingDays(context.today, deps.holdWorkingDays),
        reason: `the debtor replied by email to the ${letter.slot} letter of ${letter.day}: read the reply first (task ${taskId})`,
        by: REPLY_HOLD_ACTOR,
        at: context.receivedAt,
      });

  const from = fromLine(reply);
  const summary = automatic
    ? `Automatic reply (out of office) to the ${letter.slot} letter of ${letter.day}: "${reply.subject}"`
    : `The debtor replied by email to the ${letter.slot} letter of ${letter.day}: "${reply.subject}"`;
  const event: TimelineEvent = {
    at: context.receivedAt,
    type: 'reply_received',
    actor: DEBTOR,
    summary,
    details: {
      slot: letter.slot,
      letterDay: letter.day,
      currency: letter.currency,
      invoiceIds: found.invoiceIds,
      from: reply.from?.address,
      ...(reply.from?.name ? { fromName: reply.from.name } : {}),
      subject: reply.subject,
      text: reply.text,
      receivedAt: context.receivedAt,
      ...(reply.sentAt ? { sentAt: reply.sentAt } : {}),
      ...(reply.messageId ? { messageId: reply.messageId } : {}),
      stored: context.stored,
      automatic: automatic !== undefined,
      ...(automatic ? { automaticSign: automatic } : {}),
      ...(taskId ? { taskId } : {}),
      ...(held ? { heldUntil: held.hold.until } : {}),
    },
  };
  const [first] = invoices;
  const task =
    taskId && first
      ? openTask({
          id: taskId,
          kind: 'debtor_replied',
          invoice: first,
          today: context.today,
          summary: `Read the debtor's reply "${reply.subject}" to the ${letter.slot} letter of ${letter.day} and answer it`,
          brief: replyBrief({
            from,
            subject: reply.subject,
            receivedAt: context.receivedAt,
            stored: context.stored,
            text: reply.text,
          }),
        })
      : undefined;
  const outcome: ReplyOutcome = {
    status: 'recorded',
    debtorId: letter.debtorId,
    letter: { slot: letter.slot, day: letter.day },
    ...(task ? { taskId: task.id } : {}),
    ...(automatic ? { automatic } : {}),
    ...(held ? { heldUntil: held.hold.until } : {}),
  };
  const writes: StoreWrite[] = [
    { kind: 'appendEvent', subject: { debtorId: letter.debtorId }, event, key: `reply#${context.id}` },
    ...invoices.map((invoice): StoreWrite => ({
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event,
      key: `reply#${context.id}`,
    })),
    ...(task && first
      ? [
          { kind: 'putTask', task: firstVersion(task, context.receivedAt), expectedVersion: null } as const,
          {
            kind: 'appendEvent',
            subject: { invoiceId: first.id },
            event: {
              at: context.receivedAt,
              type: 'task_created',
              actor: DEBTOR,
              summary: task.summary,
              details: { taskId: task.id, kind: task.kind },
            },
          } as const,
        ]
      : []),
  ];
  return commitOnce(deps, context, writes, outcome);
}

async function keepUnmatched(
  deps: ReplyDeps,
  context: ReplyContext,
  reason: UnmatchedReason,
): Promise<ReplyOutcome> {
  const { reply } = context;
  const task = unmatchedReplyTask({
    id: `unmatched-reply--${context.id}`,
    reason,
    from: fromLine(reply),
    subject: reply.subject,
    automatic: context.automatic !== undefined,
    today: context.today,
    brief: replyBrief({
      from: fromLine(reply),
      subject: reply.subject,
      receivedAt: context.receivedAt,
      stored: context.stored,
      text: `To: ${reply.recipients.join(', ')}\n\n${reply.text}`,
    }),
  });
  const outcome: ReplyOutcome = {
    status: 'unmatched',
    reason,
    taskId: task.id,
    ...(context.automatic ? { automatic: context.automatic } : {}),
  };
  return commitOnce(
    deps,
    context,
    [{ kind: 'putTask', task: firstVersion(task, context.receivedAt), expectedVersion: null }],
    outcome,
  );
}

/** The writes with the delivery record in one transaction: a second delivery finds it, or loses the race. */
async function commitOnce(
  deps: ReplyDeps,
  context: ReplyContext,
  writes: readonly StoreWrite[],
  outcome: ReplyOutcome,
): Promise<ReplyOutcome> {
  try {
    await deps.store.commit([
      ...writes,
      {
        kind: 'recordDelivery',
        delivery: {
          id: context.deliveryId,
          receivedAt: context.receivedAt,
          statusCode: 200,
          response: outcome,
        },
      },
    ]);
    return outcome;
  } catch (error) {
    if (error instanceof ConcurrentModificationError && (await deps.store.getDelivery(context.deliveryId))) {
      return { status: 'duplicate' };
    }
    throw error;
  }
}

/**
 * What names one message: its Message-ID, which a mail server that delivers it again keeps; a
 * message without one is named by where it was stored, which a repeated event keeps.
 */
function replyId(reply: ParsedReply, stored: StoredReply): string {
  const name = reply.messageId ? `message-id:${reply.messageId}` : `object:${stored.bucket}/${stored.key}`;
  return createHash('sha256').update(name).digest('hex').slice(0, 32);
}

function fromLine(reply: ParsedReply): string {
  if (!reply.from) return 'an unknown sender';
  return reply.from.name ? `${reply.from.name} <${reply.from.address}>` : reply.from.address;
}

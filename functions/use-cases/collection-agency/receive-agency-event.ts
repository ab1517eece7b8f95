import { createHash } from 'node:crypto';
import type { AgencyWebhookEvent } from '../../api/schemas/agency-schemas';
import {
  type AgencyClaim,
  afterAgencyEvent,
  agencyCollectionPaymentId,
} from '../../core/agency/agency-claim';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { formatMoney } from '../../core/money';
import { openTask } from '../../core/tasks/collection-task';
import type { AgencyClaimRecord, DeliveryRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { Reply } from '../../shared/http/reply';
import { logger } from '../../shared/observability';
import type { FollowUp, IntakeDeps } from '../intake/effect';
import { firstVersion, retryOnConflict, revised } from '../record-versions';
import { invalid, Refusal } from '../refusal';

/** Who the timeline names for what the agency reports. */
const AGENCY_ACTOR = 'collection-agency';

/** One signed, validated delivery of the agency's webhook. */
export interface AgencyDelivery {
  /** The webhook-id header: the agency keeps it across retries of the same event. */
  id: string;
  event: AgencyWebhookEvent;
}

/**
 * Handles one event of the agency once: the delivery record (under its own key space, apart from
 * the invoicing system's), the claim, the invoice, the timeline and, for a collection, the payment
 * as the invoicing webhook books one, all in one transaction. The same delivery again gets its
 * first answer; the same id with another body is a 409. Events may arrive in any order: money
 * always counts, the status follows the highest `sequence` (see afterAgencyEvent).
 */
export async function receiveAgencyDelivery(deps: IntakeDeps, delivery: AgencyDelivery): Promise<Reply> {
  const { record, followUps } = await retryOnConflict(() => answer(deps, delivery));
  if (followUps.length > 0) {
    const { runFollowUps } = await import('../intake/apply-parked');
    await runFollowUps(deps, followUps);
  }
  return new Reply(record.statusCode, record.response);
}

async function answer(
  deps: IntakeDeps,
  delivery: AgencyDelivery,
): Promise<{ record: DeliveryRecord; followUps: readonly FollowUp[] }> {
  const { event } = delivery;
  const deliveryId = `agency--${delivery.id}`;
  const bodyHash = createHash('sha256').update(JSON.stringify(event)).digest('hex');
  const seen = await deps.store.getDelivery(deliveryId);
  if (seen && seen.bodyHash !== bodyHash) {
    throw new Refusal(
      'conflict',
      'webhook_id_reused',
      `Delivery ${delivery.id} was received before with another body; send a new event under a new webhook-id.`,
      [{ path: 'webhook-id', message: 'was used before for another body' }],
    );
  }
  if (seen) {
    logger.info('Agency delivery seen before: its first answer is given again', { deliveryId });
    return { record: seen, followUps: [] };
  }

  const { invoice, claim } = await claimOf(deps, event.data.claimId);
  const now = deps.clock.now();
  const at = now.toISOString();
  const collection = await collectionEffect(deps, delivery, invoice, now);
  const after: AgencyClaim = afterAgencyEvent(claim, {
    type: event.type,
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    ...(event.type === 'claim.closed' ? { result: event.data.result } : {}),
    ...(event.type === 'claim.payment_collected' ? { amount: event.data.amount, fee: event.data.fee } : {}),
  });
  const statusSet = after.lastSequence === event.sequence && claim.lastSequence !== event.sequence;
  const closedNow = after.status === 'closed' && claim.status !== 'closed';

  const writes: StoreWrite[] = withInvoiceChanges(collection.writes, invoice, now, {
    ...(after.status !== claim.status ? { agencyStatus: after.status } : {}),
    // Back from the agency with money still open: overdue again, its dunning stays completed.
    ...(closedNow && (invoice.status === 'in_collection' || invoice.status === 'overdue')
      ? { status: 'overdue' as const }
      : {}),
  });
  writes.push(
    { kind: 'putAgencyClaim', claim: revised(claim, after, now), expectedVersion: claim.version },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at,
        type: 'agency_event',
        actor: AGENCY_ACTOR,
        summary: summaryOf(event, claim, after, statusSet),
        details: {
          agencyEvent: event.type,
          sequence: event.sequence,
          occurredAt: event.occurredAt,
          deliveryId: delivery.id,
          statusSet,
          agencyStatus: after.status,
          ...event.data,
        },
      },
    },
  );
  if (closedNow && after.result === 'uncollectable') writes.push(...(await writeOffTask(deps, invoice, now)));

  const record: DeliveryRecord = {
    id: deliveryId,
    receivedAt: at,
    statusCode: 200,
    response: { status: 'applied', claimId: invoice.id, agencyStatus: after.status },
    bodyHash,
  };
  await deps.store.commit([...writes, { kind: 'recordDelivery', delivery: record }]);
  logger.info('Agency event applied', { deliveryId, type: event.type, statusSet });
  return { record, followUps: collection.followUps };
}

async function claimOf(
  deps: IntakeDeps,
  claimId: string,
): Promise<{ invoice: InvoiceRecord; claim: AgencyClaimRecord }> {
  const [invoice, claim] = await Promise.all([
    deps.store.getInvoice(claimId),
    deps.store.getAgencyClaim(claimId),
  ]);
  if (!invoice) {
    throw new Refusal('not_found', 'claim_not_found', `No claim ${claimId} was handed over to the agency.`, [
      { path: 'data.claimId', message: 'names no invoice' },
    ]);
  }
  if (!claim) {
    throw new Refusal(
      'conflict',
      'claim_not_at_agency',
      `Invoice ${claimId} was never handed over to the agency; a file still on its way arrives first, so retry later.`,
      [{ path: 'data.claimId', message: 'names a claim not handed over to the agency' }],
    );
  }
  return { invoice, claim };
}

/**
 * A collection is booked as the invoicing system's payments are (the intake's own payment path,
 * so every money rule is the same), under a payment id made from the delivery: booked once.
 */
async function collectionEffect(
  deps: IntakeDeps,
  delivery: AgencyDelivery,
  invoice: InvoiceRecord,
  now: Date,
): Promise<{ writes: StoreWrite[]; followUps: FollowUp[] }> {
  const { event } = delivery;
  if (event.type !== 'claim.payment_collected') return { writes: [], followUps: [] };
  if (event.data.currency !== invoice.currency) {
    throw invalid([
      {
        path: 'data.currency',
        message: `the claim is in ${invoice.currency}; a collection in ${event.data.currency} cannot be booked on it`,
      },
    ]);
  }
  // Only a collection books money: the intake of payments is loaded with the first one, as the
  // agency's other events (accepted, judgement, bailiff, closed) and the report do without it.
  const [{ webhookEvent }, { applyEvent }] = await Promise.all([
    import('../../api/schemas/webhook-events'),
    import('../intake/apply-event'),
  ]);
  const payment = webhookEvent.parse({
    type: 'payment.received',
    timestamp: event.occurredAt,
    data: {
      id: agencyCollectionPaymentId(delivery.id),
      amount: event.data.amount,
      currency: event.data.currency,
      receivedAt: event.occurredAt,
      invoiceId: invoice.id,
    },
  });
  const effect = await applyEvent(deps, payment, now);
  if (effect.outcome !== 'applied') throw new Error(`the invoice ${invoice.id} of the claim is stored`);
  return { writes: [...effect.writes], followUps: [...effect.followUps] };
}

/**
 * One write per item in a transaction: the invoice the payment changed gets the agency's status
 * in the same write; without a payment the invoice is written on its own.
 */
function withInvoiceChanges(
  writes: StoreWrite[],
  invoice: InvoiceRecord,
  now: Date,
  changes: Partial<InvoiceRecord>,
): StoreWrite[] {
  if (Object.keys(changes).length === 0) return writes;
  const index = writes.findIndex((write) => write.kind === 'putInvoice' && write.invoice.id === invoice.id);
  if (index < 0) {
    return [
      ...writes,
      { kind: 'putInvoice', invoice: revised(invoice, changes, now), expectedVersion: invoice.version },
    ];
  }
  const paid = writes[index] as Extract<StoreWrite, { kind: 'putInvoice' }>;
  // A payment that settled the invoice has closed it: it stays paid whatever the agency says.
  const { status, ...rest } = changes;
  const keep = paid.invoice.status === 'paid' || status === undefined ? {} : { status };
  return writes.map((write, i) =>
    i === index ? { ...paid, invoice: { ...paid.invoice, ...rest, ...keep } } : write,
  );
}

/** Uncollectable at the agency: the special team considers writing the claim off. One task per claim. */
async function writeOffTask(deps: IntakeDeps, invoice: InvoiceRecord, now: Date): Promise<StoreWrite[]> {
  const id = `agency-uncollectable--${invoice.id}`;
  if (await deps.store.getTask(id)) return [];
  const at = now.toISOString();
  const summary =
    `The collection agency closed invoice ${invoice.number} as uncollectable: consider writing off ` +
    `${formatMoney({ amount: invoice.openAmount, currency: invoice.currency }, 'en')} (POST /invoices/${invoice.id}/write-off).`;
  const task = openTask({
    id,
    kind: 'consider_write_off',
    invoice,
    today: localDate(now, BUSINESS_TIME_ZONE),
    summary,
    forRole: 'special',
  });
  return [
    { kind: 'putTask', task: firstVersion(task, at), expectedVersion: null },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at,
        type: 'task_created',
        actor: AGENCY_ACTOR,
        summary,
        details: { kind: 'consider_write_off', taskId: id },
      },
    },
  ];
}

function summaryOf(
  event: AgencyWebhookEvent,
  before: AgencyClaim,
  after: AgencyClaim,
  statusSet: boolean,
): string {
  const money = (amount: number) => formatMoney({ amount, currency: before.currency }, 'en');
  const what = (() => {
    switch (event.type) {
      case 'claim.accepted':
        return 'The collection agency accepted the claim';
      case 'claim.payment_collected':
        return `The collection agency collected ${money(event.data.amount)} (booked as a payment), fee ${money(event.data.fee)}`;
      case 'claim.judgement_obtained':
        return `The collection agency obtained a judgement${event.data.court ? ` (${event.data.court})` : ''}`;
      case 'claim.bailiff_assigned':
        return `A bailiff was assigned${event.data.bailiff ? `: ${event.data.bailiff}` : ''}`;
      case 'claim.closed':
        return `The collection agency closed the claim: ${event.data.result}`;
    }
  })();
  if (before.status === 'recalled') return `${what}, after we recalled the claim: its status stays recalled`;
  if (!statusSet && event.type !== 'claim.payment_collected')
    return `${what}; it arrived after a later event (sequence ${before.lastSequence}): the status stays ${after.status}`;
  return what;
}

import { createHash } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { WebhookEvent } from '../../api/schemas/webhook-events';
import type { DeliveryRecord } from '../../ports/credit-store';
import { Reply } from '../../shared/http/reply';
import { logger, metrics } from '../../shared/observability';
import { applyEvent, arrivalFollowUps } from './apply-event';
import { runFollowUps } from './apply-parked';
import { type FollowUp, type IntakeDeps, subjectKey } from './effect';
import { retryOnConflict } from '../record-versions';
import { Refusal } from '../refusal';

/** One signed, validated delivery of the invoicing system's webhook. */
export interface Delivery {
  /** The webhook-id header: the sender keeps it across retries of the same event. */
  id: string;
  event: WebhookEvent;
}

/**
 * The answers. 200 {"status":"applied"}: the event took effect. 202 {"status":"parked",
 * "waitingFor":"invoice:inv-1"}: it came before the record it is about and is kept (with its
 * delivery) until that record arrives; it is accepted, so the sender must not retry it.
 */
type DeliveryAnswer = { status: 'applied' } | { status: 'parked'; waitingFor: string };

/**
 * Handles a delivery once. The delivery record is a must-not-exist write in the same transaction
 * as the event's effect, so of two identical deliveries racing each other exactly one commits; the
 * other's commit fails, it re-reads the delivery and gives the first answer again, with its status.
 * A conflict with another event on the same invoice or debtor is retried on fresh reads. The same
 * id with another body is refused with 409, as payment APIs refuse an idempotency key reused with
 * other parameters: answering "applied" would drop that body unseen.
 */
export async function receiveDelivery(deps: IntakeDeps, delivery: Delivery): Promise<Reply> {
  const { record, followUps } = await retryOnConflict(() => answer(deps, delivery));
  await runFollowUps(deps, followUps);
  return new Reply(record.statusCode, record.response);
}

async function answer(
  deps: IntakeDeps,
  delivery: Delivery,
): Promise<{ record: DeliveryRecord; followUps: readonly FollowUp[] }> {
  const log = { deliveryId: delivery.id, type: delivery.event.type };
  const bodyHash = hashOf(delivery.event);
  const seen = await deps.store.getDelivery(delivery.id);
  if (seen?.bodyHash !== undefined && seen.bodyHash !== bodyHash) {
    logger.warn('Delivery id reused with another body: refused', log);
    throw new Refusal(
      'conflict',
      'webhook_id_reused',
      `Delivery ${delivery.id} was received before with another body; send a new event under a new webhook-id.`,
      [{ path: 'webhook-id', message: 'was used before for another body' }],
    );
  }
  if (seen) {
    logger.info('Delivery seen before: its first answer is given again', log);
    return { record: seen, followUps: arrivalFollowUps(delivery.event) };
  }

  const at = deps.clock.now();
  const receivedAt = at.toISOString();
  const effect = await applyEvent(deps, delivery.event, at);

  if (effect.outcome === 'parked') {
    const subject = subjectKey(effect.waitingFor);
    const record = deliveryRecord(delivery, bodyHash, receivedAt, 202, {
      status: 'parked',
      waitingFor: subject,
    });
    await deps.store.commit([
      { kind: 'park', parked: { subject, deliveryId: delivery.id, receivedAt, event: delivery.event } },
      { kind: 'recordDelivery', delivery: record },
    ]);
    logger.info('Event parked', { ...log, waitingFor: subject });
    metrics.addMetric('WebhookEventsParked', MetricUnit.Count, 1);
    return { record, followUps: [{ kind: 'applyParked', subject: effect.waitingFor }] };
  }

  const record = deliveryRecord(delivery, bodyHash, receivedAt, 200, { status: 'applied' });
  await deps.store.commit([...effect.writes, { kind: 'recordDelivery', delivery: record }]);
  logger.info('Event applied', log);
  metrics.addMetric('WebhookEventsApplied', MetricUnit.Count, 1);
  return { record, followUps: effect.followUps };
}

function deliveryRecord(
  delivery: Delivery,
  bodyHash: string,
  receivedAt: string,
  statusCode: 200 | 202,
  response: DeliveryAnswer,
): DeliveryRecord {
  return { id: delivery.id, receivedAt, statusCode, response, bodyHash };
}

/**
 * The event as validated: the schema gives its fields in one order whatever order the sender
 * used, so a retry of the same event hashes the same.
 */
function hashOf(event: WebhookEvent): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('hex');
}

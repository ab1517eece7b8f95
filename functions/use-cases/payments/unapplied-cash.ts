import { paymentReceivedData } from '../../api/schemas/webhook-events';
import { daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { CollectionTask } from '../../core/tasks/collection-task';
import { taskPriority } from '../../core/tasks/task-priority';
import { formatMoney } from '../../core/money';
import type { Clock } from '../../ports/clock';
import type { CreditStore, ParkedEvent, StoreWrite, UnappliedPaymentRecord } from '../../ports/credit-store';
import { logger } from '../../shared/observability';
import { firstVersion, retryOnConflict } from '../record-versions';

const DAY_MS = 86_400_000;

/** One task per unapplied payment: a second run of the daily review finds it. */
export function unappliedPaymentTaskId(paymentId: string): string {
  return `unapplied--${paymentId}`;
}

/**
 * Payments parked for longer than `afterDays` (a reference no invoice carries, an invoice or a
 * debtor that never arrived) become unapplied cash: listed for controllers, with a task to assign
 * each by hand. In one transaction the parked event leaves the parking place and its
 * "applied" marker is written, the same marker a late arrival of its subject would write: of the
 * two, exactly one wins, so the money is either applied or unapplied, never both and never lost.
 */
export async function turnOldParkedPaymentsIntoUnappliedCash(
  deps: { store: CreditStore; clock: Clock },
  afterDays: number,
): Promise<{ unapplied: number; failed: { paymentId: string; error: string }[] }> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - afterDays * DAY_MS).toISOString();
  const result = { unapplied: 0, failed: [] as { paymentId: string; error: string }[] };
  for (const parked of await deps.store.listParkedPaymentsBefore(before)) {
    const paymentId = String((parked.event.data as { id?: unknown } | null)?.id);
    try {
      if (await unapply(deps, parked)) result.unapplied += 1;
    } catch (error) {
      result.failed.push({ paymentId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

async function unapply(deps: { store: CreditStore; clock: Clock }, parked: ParkedEvent): Promise<boolean> {
  const payment = paymentReceivedData.safeParse(parked.event.data);
  if (!payment.success) {
    logger.error('Parked payment no longer matches the webhook schema; it stays parked', {
      deliveryId: parked.deliveryId,
    });
    return false;
  }
  const data = payment.data;
  return retryOnConflict(async () => {
    const marker = `${parked.deliveryId}#applied`;
    if (await deps.store.getDelivery(marker)) return false;
    const now = deps.clock.now();
    const at = now.toISOString();
    const done: StoreWrite[] = [
      { kind: 'unpark', parked },
      {
        kind: 'recordDelivery',
        delivery: { id: marker, receivedAt: at, statusCode: 200, response: { status: 'unapplied' } },
      },
    ];
    // The same payment booked meanwhile, or made unapplied cash under another delivery of it.
    if ((await deps.store.getPayment(data.id)) || (await deps.store.getUnappliedPayment(data.id))) {
      await deps.store.commit(done);
      return false;
    }
    const record: UnappliedPaymentRecord = firstVersion(
      {
        id: data.id,
        amount: data.amount,
        currency: data.currency,
        receivedAt: data.receivedAt,
        named: {
          ...(data.reference !== undefined ? { reference: data.reference } : {}),
          ...(data.invoiceId !== undefined ? { invoiceId: data.invoiceId } : {}),
          ...(data.debtorId !== undefined ? { debtorId: data.debtorId } : {}),
        },
        waitingFor: parked.subject,
        deliveryId: parked.deliveryId,
        parkedAt: parked.receivedAt,
        status: 'unapplied' as const,
      },
      at,
    );
    await deps.store.commit([
      ...done,
      { kind: 'putUnappliedPayment', payment: record, expectedVersion: null },
      { kind: 'putTask', task: firstVersion(unappliedPaymentTask(record, now), at), expectedVersion: null },
    ]);
    logger.info('Parked payment became unapplied cash', { paymentId: data.id, waitingFor: parked.subject });
    return true;
  });
}

function unappliedPaymentTask(payment: UnappliedPaymentRecord, now: Date): CollectionTask {
  const today = localDate(now, BUSINESS_TIME_ZONE);
  const received = localDate(new Date(payment.receivedAt), BUSINESS_TIME_ZONE);
  const money = formatMoney({ amount: payment.amount, currency: payment.currency }, 'en');
  const named = Object.entries(payment.named)
    .map(([what, value]) => `${what} ${value}`)
    .join(', ');
  return {
    id: unappliedPaymentTaskId(payment.id),
    kind: 'unapplied_payment',
    status: 'open',
    paymentId: payment.id,
    dueDate: today,
    priority: taskPriority(
      { amount: payment.amount, currency: payment.currency },
      daysBetween(received, today),
    ),
    summary: `Payment ${payment.id} of ${money}, received ${received}, matches nothing (${named}): assign it to an invoice or a debtor`,
  };
}

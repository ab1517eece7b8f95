import type { WebhookEvent } from '../../api/schemas/webhook-events';
import { creditNoteCreated } from './credit-note-created';
import { debtorUpserted } from './debtor-upserted';
import type { Effect, FollowUp, IntakeDeps } from './effect';
import { refuseBalancesOutOfRange, refuseWhatNoStepCanHandle } from './intake-limits';
import { invoiceCancelled } from './invoice-cancelled';
import { invoiceCreated } from './invoice-created';
import { invoiceUpdated } from './invoice-updated';
import { paymentReceived } from './payment-received';

/**
 * Decides what one event of the invoicing system comes to, at `at` by the clock port. What no
 * step could handle later is refused first, and an effect that would store a number past the
 * bounds is refused before it is committed.
 */
export async function applyEvent(deps: IntakeDeps, event: WebhookEvent, at: Date): Promise<Effect> {
  refuseWhatNoStepCanHandle(event, at);
  return refuseBalancesOutOfRange(await effectOf(deps, event, at));
}

function effectOf(deps: IntakeDeps, event: WebhookEvent, at: Date): Promise<Effect> {
  switch (event.type) {
    case 'debtor.upserted':
      return debtorUpserted(deps, event.data, at);
    case 'invoice.created':
      return invoiceCreated(deps, event.data, at);
    case 'invoice.updated':
      return invoiceUpdated(deps, event.data, at);
    case 'invoice.cancelled':
      return invoiceCancelled(deps, event.data, at);
    case 'credit_note.created':
      return creditNoteCreated(deps, event.data, at);
    case 'payment.received':
      return paymentReceived(deps, event.data, at);
  }
}

/**
 * The follow-ups of an event that brings its subject into existence. A delivery that is answered
 * again runs them once more: if the first attempt died between its commit and its follow-ups, the
 * sender's retry is what finishes the work. They are safe to repeat.
 */
export function arrivalFollowUps(event: WebhookEvent): FollowUp[] {
  switch (event.type) {
    case 'debtor.upserted':
      return [{ kind: 'applyParked', subject: { kind: 'debtor', id: event.data.id } }];
    case 'invoice.created':
      return [
        { kind: 'applyParked', subject: { kind: 'invoice', id: event.data.id } },
        { kind: 'setOffCredit', debtorId: event.data.debtorId, currency: event.data.currency },
        { kind: 'startDunningIfOverdue', invoiceId: event.data.id },
      ];
    default:
      return [];
  }
}

import type { InvoiceData, PaymentReceivedData, WebhookEvent } from '../../api/schemas/webhook-events';
import { currencyProblem } from '../../core/dunning/policy-currency';
import { chooseSegment } from '../../core/dunning/segment';
import { MAX_BALANCE_CENTS } from '../../core/money';
import type { StoreWrite } from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { policyFor } from '../policies/policy-catalogue';
import { Refusal } from '../refusal';
import type { Effect, IntakeDeps } from './effect';

/**
 * How far ahead of our clock a payment's `receivedAt` may lie: the bank's and the invoicing
 * system's clocks and time zones differ a little, never by more than a day.
 */
const CLOCK_SKEW_MS = 86_400_000;

/**
 * Refuses, before anything is decided, an event that the request schema could not judge on its
 * own because it needs the clock or the store: a payment received in the future, or an invoice in
 * a currency its debtor's dunning policy cannot dun (which would make a step fail every day).
 * An invoice whose debtor is not known yet is judged when it is applied, once the debtor arrived.
 */
export async function refuseWhatNoStepCanHandle(
  deps: IntakeDeps,
  event: WebhookEvent,
  at: Date,
): Promise<void> {
  switch (event.type) {
    case 'payment.received':
      return refuseFuturePayment(event.data, at);
    case 'invoice.created':
      return refuseUndunnableCurrency(deps, event.data);
    default:
      return;
  }
}

function refuseFuturePayment(payment: PaymentReceivedData, at: Date): void {
  if (Date.parse(payment.receivedAt) <= at.getTime() + CLOCK_SKEW_MS) return;
  throw new Refusal('invalid', 'validation_failed', 'The request has invalid fields.', [
    {
      path: 'data.receivedAt',
      message: `must not be in the future: it is ${at.toISOString()} now, and clocks may differ by a day at most`,
    },
  ]);
}

async function refuseUndunnableCurrency(deps: IntakeDeps, invoice: InvoiceData): Promise<void> {
  const debtor = await deps.store.getDebtor(invoice.debtorId);
  // Parked until the debtor arrives, and judged then; an invoice already on file was judged before.
  if (!debtor || (await deps.store.getInvoice(invoice.id))) return;
  const { segment } = chooseSegment(debtor, behaviourOf(debtor.behaviour));
  const policy = await policyFor(deps.store, segment, undefined, { storeSeed: false });
  const problem = policy && currencyProblem(policy, invoice.currency);
  if (!problem) return;
  throw new Refusal('invalid', 'currency_not_dunnable', `Invoice ${invoice.number} cannot be dunned.`, [
    { path: 'data.currency', message: problem },
  ]);
}

/**
 * Refuses an effect that would store a balance past MAX_BALANCE_CENTS: past 2^53 a number is no
 * longer exact, and DynamoDB's client refuses it, so the delivery would fail and be retried for
 * ever. Refused, it is answered once (422) and the sender stops.
 */
export function refuseBalancesOutOfRange(effect: Effect): Effect {
  if (effect.outcome !== 'applied') return effect;
  for (const write of effect.writes) {
    for (const [currency, amount] of Object.entries(creditsIn(write))) {
      if (amount <= MAX_BALANCE_CENTS) continue;
      throw new Refusal(
        'unprocessable',
        'balance_out_of_range',
        `The debtor's credit in ${currency} would exceed ${MAX_BALANCE_CENTS} cents.`,
        [{ path: 'data.amount', message: `would take a balance past ${MAX_BALANCE_CENTS} cents` }],
      );
    }
  }
  return effect;
}

function creditsIn(write: StoreWrite): Record<string, number> {
  return write.kind === 'putDebtor' ? (write.debtor.credits ?? {}) : {};
}

import type { InvoiceData, PaymentReceivedData, WebhookEvent } from '../../api/schemas/webhook-events';
import { currencyProblem } from '../../core/dunning/policy-currency';
import { chooseSegment } from '../../core/dunning/segment';
import { MAX_BALANCE_CENTS } from '../../core/money';
import type { CreditStore, DebtorRecord, StoreWrite } from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { policyFor } from '../policies/policy-catalogue';
import { Refusal } from '../refusal';
import type { Effect, IntakeDeps } from './effect';
import { readingPoliciesAfresh } from './kept-policies';

/**
 * How far ahead of our clock a payment's `receivedAt` may lie: the bank's and the invoicing
 * system's clocks and time zones differ a little, never by more than a day.
 */
const CLOCK_SKEW_MS = 86_400_000;

/**
 * Refuses, before anything is decided, an event that the request schema could not judge on its
 * own because it needs the clock: a payment received in the future. An invoice in a currency its
 * debtor's dunning policy cannot dun is refused by `refuseUndunnableCurrency`, which the invoice's
 * intake calls with the debtor and the invoice it reads anyway.
 */
export function refuseWhatNoStepCanHandle(event: WebhookEvent, at: Date): void {
  if (event.type === 'payment.received') refuseFuturePayment(event.data, at);
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

/**
 * Refuses a new invoice in a currency its debtor's dunning policy cannot dun (a step would fail
 * on it every day). Called for an invoice not on file yet whose debtor is known: one parked for
 * its debtor is judged when it is applied, and one already on file was judged before. The policy
 * may be one a warm function keeps for a minute (`keepingLatestPolicies`): a refusal is final, so
 * it is judged again on the latest version read afresh.
 */
export async function refuseUndunnableCurrency(
  deps: IntakeDeps,
  debtor: DebtorRecord,
  invoice: InvoiceData,
): Promise<void> {
  const { segment } = chooseSegment(debtor, behaviourOf(debtor.behaviour));
  const problemWith = async (store: CreditStore) => {
    const policy = await policyFor(store, segment, undefined, { storeSeed: false });
    return policy && currencyProblem(policy, invoice.currency);
  };
  const afresh = readingPoliciesAfresh(deps.store);
  const kept = await problemWith(deps.store);
  const problem = kept && afresh !== deps.store ? await problemWith(afresh) : kept;
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

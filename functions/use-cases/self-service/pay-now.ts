import { undisputedAmount } from '../../core/disputes/dispute';
import { formatMoney } from '../../core/money';
import { splitPayment } from '../../core/self-service/payment-parts';
import type { SubmissionResult } from '../../ports/self-service-records';
import { startCheckout } from '../provider-payments/start-checkout';
import { invalid } from '../refusal';
import type { ActionContext } from './page-actions';
import type { ActionFields } from './action-fields';
import { openInvoicesOf } from './page-view';
import { PAYMENT_STARTED } from './payment-return';
import { DEBTOR_ACTOR, type SelfServiceDeps } from './self-service-deps';

/**
 * "Pay now": a checkout at the payment provider for the invoices the debtor chose (or a part of
 * them, at least the configured minimum), which brings them back to their page with this
 * submission's result. The submission's key is the checkout's idempotency key, so a form posted
 * twice makes one payment. Nothing is booked here: the provider's webhook books what is paid.
 */
export async function payNow(
  deps: SelfServiceDeps,
  context: ActionContext,
  fields: Extract<ActionFields, { action: 'pay' }>,
): Promise<SubmissionResult> {
  const { debtor } = context;
  if (!deps.payments) {
    throw invalid([{ path: 'invoiceIds', message: 'online payment is not available; pay by transfer' }]);
  }
  const open = await openInvoicesOf(deps, debtor.id);
  const chosen = open.filter((invoice) => fields.invoiceIds.includes(invoice.id));
  if (chosen.length !== new Set(fields.invoiceIds).size) {
    throw invalid([{ path: 'invoiceIds', message: 'choose among your open invoices' }]);
  }
  const split = splitPayment(
    chosen.map((invoice) => ({ invoiceId: invoice.id, amount: undisputedAmount(invoice) })),
    fields.amount,
    deps.settings.minimumPayment,
  );
  if (!split.valid) throw invalid([{ path: 'amount', message: split.message }]);

  const started = await startCheckout(
    { store: deps.store, provider: deps.payments.provider, webhookUrl: deps.payments.webhookUrl },
    {
      debtorId: debtor.id,
      parts: split.parts,
      redirectUrl: `${context.pageUrl}?result=${context.submission}`,
      language: debtor.language,
      idempotencyKey: context.submission,
    },
  );
  const paid = new Set(split.parts.map((part) => part.invoiceId));
  const numbers = chosen.filter((invoice) => paid.has(invoice.id)).map((invoice) => invoice.number);
  const amount = formatMoney(started.amount, debtor.language);
  await deps.store.commit([
    {
      kind: 'appendEvent',
      subject: { debtorId: debtor.id },
      event: {
        at: deps.clock.now().toISOString(),
        type: 'debtor_request',
        actor: DEBTOR_ACTOR,
        summary: `The debtor started a payment of ${formatMoney(started.amount, 'en')} for ${numbers.join(', ')} on the self-service page`,
        details: { paymentId: started.paymentId, parts: split.parts, requestId: context.requestId },
      },
    },
  ]);
  return {
    outcome: PAYMENT_STARTED,
    values: {
      amount,
      invoices: numbers.join(', '),
      checkoutUrl: started.checkoutUrl,
      paymentId: started.paymentId,
    },
  };
}

import type { PaymentPromise } from '../../core/promises/promise-to-pay';
import type { CreditReader } from '../../ports/credit-store';
import { notFound } from '../refusal';

/** A promise as the API shows it; `invoiceId` is its first invoice. */
export type PromiseView = Omit<PaymentPromise, never> & { invoiceId: string };

export function promiseView(promise: PaymentPromise): PromiseView {
  const {
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = promise as PaymentPromise & {
    version?: number;
    createdAt?: string;
    updatedAt?: string;
  };
  return { ...rest, invoiceId: promise.invoiceIds[0] ?? '' };
}

/** GET /invoices/{id}/promises: every promise that covered the invoice, oldest first. */
export async function promisesOfInvoice(
  store: CreditReader,
  invoiceId: string,
): Promise<{ promises: PromiseView[] }> {
  const invoice = await store.getInvoice(invoiceId);
  if (!invoice) throw notFound(`Invoice ${invoiceId} does not exist.`, 'invoice_not_found');
  const promises = await store.listPromisesOfDebtor(invoice.debtorId);
  return {
    promises: promises
      .filter((promise) => promise.invoiceIds.includes(invoiceId))
      .map((promise) => ({ ...promiseView(promise), invoiceId })),
  };
}

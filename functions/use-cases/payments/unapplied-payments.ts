import type { CreditReader, UnappliedPaymentRecord } from '../../ports/credit-store';

export type UnappliedPaymentView = Omit<UnappliedPaymentRecord, 'updatedAt' | 'createdAt'> & {
  unappliedSince: string;
};

/** GET /payments/unapplied: money that matched nothing and waits to be assigned, oldest first. */
export async function unappliedPayments(store: CreditReader): Promise<UnappliedPaymentView[]> {
  return (await store.listUnappliedPayments()).map(view);
}

export function view({
  createdAt,
  updatedAt: _updated,
  ...payment
}: UnappliedPaymentRecord): UnappliedPaymentView {
  return { ...payment, unappliedSince: createdAt };
}

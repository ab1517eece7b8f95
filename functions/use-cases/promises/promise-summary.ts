import { keptRate, type PaymentPromise, type PromiseStatus } from '../../core/promises/promise-to-pay';

export interface PromiseSummary {
  counts: Record<PromiseStatus, number>;
  /** kept / (kept + broken); null while none was kept or broken. */
  keptRate: number | null;
}

/** How a debtor keeps its promises, for the debtor view. */
export function promiseSummary(promises: readonly Pick<PaymentPromise, 'status'>[]): PromiseSummary {
  const counts: Record<PromiseStatus, number> = { open: 0, kept: 0, broken: 0, cancelled: 0 };
  for (const promise of promises) counts[promise.status] += 1;
  return { counts, keptRate: keptRate(promises) };
}

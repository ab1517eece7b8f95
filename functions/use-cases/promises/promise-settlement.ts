import { isPaused } from '../../core/dunning/dunning-pause';
import type { InvoiceRecord } from '../../ports/credit-store';
import type { DunningDeps } from '../dunning/start-dunning';
import { followUpPromise } from './follow-up-promise';

/**
 * Runs after an invoice under a promise was settled or cancelled: a promise none of whose
 * invoices has anything open any more is decided at once (kept, or cancelled with its invoices)
 * instead of on its follow-up day. The settled invoice's pause ended with the settlement itself.
 */
export async function decidePromiseOnSettlement(deps: DunningDeps, before: InvoiceRecord): Promise<void> {
  const dunning = before.dunning;
  if (!isPaused(dunning) || dunning.pausedFor !== 'promise' || !dunning.pauseRef) return;
  await followUpPromise(deps, dunning.pauseRef);
}

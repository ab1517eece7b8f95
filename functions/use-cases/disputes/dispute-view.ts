import type { CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { type Dispute, disputeAgeDays, documentOf, invoicesOf } from '../../core/disputes/dispute';
import type { Clock } from '../../ports/clock';
import type { CreditReader } from '../../ports/credit-store';

/** A dispute as the API shows it: without its record version fields, with every invoice it covers. */
export type DisputeView = Dispute & { invoiceIds: string[] };

export function disputeView(dispute: Dispute): DisputeView {
  const {
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = dispute as Dispute & { version?: number; createdAt?: string; updatedAt?: string };
  // Disputes stored before references had a kind hold bare strings.
  const documents = (rest.documents as (string | Dispute['documents'][number])[]).map(documentOf);
  return { ...rest, invoiceIds: invoicesOf(dispute), documents };
}

/** GET /disputes?status=open: the disputes waiting for an answer, oldest first, with their age in days. */
export async function openDisputes(deps: {
  store: CreditReader;
  clock: Clock;
}): Promise<{ disputes: (DisputeView & { ageDays: number; overdue: boolean })[] }> {
  const today: CalendarDate = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const disputes = await deps.store.listOpenDisputes();
  return {
    disputes: disputes.map((dispute) => ({
      ...disputeView(dispute),
      ageDays: disputeAgeDays(dispute, today),
      overdue: dispute.respondBy <= today,
    })),
  };
}

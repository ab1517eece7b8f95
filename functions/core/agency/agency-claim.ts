import { type CalendarDate, daysBetween } from '../calendar/calendar-date';

/**
 * Where a claim stands at the collection agency. `handed_over` until the agency accepts it; the
 * agency then reports a judgement and a bailiff as it goes; `closed` with its result; `recalled`
 * when we took it back.
 */
export const AGENCY_STATUSES = [
  'handed_over',
  'accepted',
  'judgement_obtained',
  'bailiff_assigned',
  'closed',
  'recalled',
] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

/** How the agency closed a claim: paid in full, settled for less, or not collectable at all. */
export const AGENCY_RESULTS = ['paid', 'settled', 'uncollectable'] as const;
export type AgencyResult = (typeof AGENCY_RESULTS)[number];

/** What the agency reports on a claim; each moves its status, a collection also books money. */
export const AGENCY_EVENT_TYPES = [
  'claim.accepted',
  'claim.payment_collected',
  'claim.judgement_obtained',
  'claim.bailiff_assigned',
  'claim.closed',
] as const;
export type AgencyEventType = (typeof AGENCY_EVENT_TYPES)[number];

/** One claim at the agency: one invoice handed over, in the claim file of its debtor. */
export interface AgencyClaim {
  /** The invoice's id: the agency knows the claim by it. */
  invoiceId: string;
  debtorId: string;
  /** The agency keeps one file per debtor: its id is the debtor's. */
  claimFileId: string;
  invoiceNumber: string;
  currency: string;
  status: AgencyStatus;
  result?: AgencyResult;
  handedOverAt: string;
  handedOverOn: CalendarDate;
  /** What was open on the invoice when it went, in cents. */
  handedOverAmount: number;
  /** Cents the agency collected and we booked on the invoice. */
  collected: number;
  /** Cents the agency charged as its fee. */
  fees: number;
  /** Payments that reached us directly while the claim was at the agency, each told to the agency once. */
  directPayments: { paymentId: string; amount: number; toldAt: string }[];
  /**
   * The agency's sequence number of the last event that set the status: an event with a lower one
   * arrived late, is recorded (and its money booked) but does not set the status back.
   */
  lastSequence: number;
  /** When the claim left the agency: closed or recalled. */
  endedAt?: string;
  recall?: { by: string; at: string; reason: string };
}

/** Still with the agency: handed over and neither closed nor recalled. */
export function isAtAgency(claim: Pick<AgencyClaim, 'status'>): boolean {
  return claim.status !== 'closed' && claim.status !== 'recalled';
}

/** The status an event reports; a payment collected says the agency works on it (accepted at least). */
function statusOf(type: AgencyEventType): AgencyStatus {
  switch (type) {
    case 'claim.accepted':
    case 'claim.payment_collected':
      return 'accepted';
    case 'claim.judgement_obtained':
      return 'judgement_obtained';
    case 'claim.bailiff_assigned':
      return 'bailiff_assigned';
    case 'claim.closed':
      return 'closed';
  }
}

export interface AgencyEventFacts {
  type: AgencyEventType;
  sequence: number;
  occurredAt: string;
  result?: AgencyResult;
  amount?: number;
  fee?: number;
}

/**
 * The claim after one event of the agency, whatever order the events arrive in. Money always
 * counts (a collection is booked however late it arrives); the status follows only the event with
 * the highest sequence, so a `claim.accepted` that arrives after `claim.closed` changes nothing.
 * A claim we recalled keeps that status: what the agency reports afterwards is recorded only.
 */
export function afterAgencyEvent(claim: AgencyClaim, event: AgencyEventFacts): AgencyClaim {
  const money: Partial<AgencyClaim> =
    event.type === 'claim.payment_collected'
      ? { collected: claim.collected + (event.amount ?? 0), fees: claim.fees + (event.fee ?? 0) }
      : {};
  const sets = claim.status !== 'recalled' && event.sequence > claim.lastSequence;
  if (!sets) return { ...claim, ...money };
  const status = statusOf(event.type);
  // A payment collected does not undo a judgement or a bailiff: the agency still works on it.
  const kept = event.type === 'claim.payment_collected' && claim.status !== 'handed_over';
  return {
    ...claim,
    ...money,
    lastSequence: event.sequence,
    ...(kept ? {} : { status }),
    ...(event.type === 'claim.closed' && event.result
      ? { result: event.result, endedAt: event.occurredAt }
      : {}),
  };
}

/** Days the claim was at the agency: until it ended (closed or recalled), or until `today`. */
export function daysAtAgency(handedOverOn: CalendarDate, endedOn: CalendarDate): number {
  return Math.max(0, daysBetween(handedOverOn, endedOn));
}

/** The payment an agency's collection is booked as: its id cannot collide with the invoicing system's. */
export function agencyCollectionPaymentId(deliveryId: string): string {
  return `agency-collection--${deliveryId}`;
}

/** Money the agency collected (booked from its webhook), not money that reached us directly. */
export function isAgencyCollection(paymentId: string): boolean {
  return paymentId.startsWith('agency-collection--');
}

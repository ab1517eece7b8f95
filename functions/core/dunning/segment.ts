import { type CalendarDate, daysBetween } from '../calendar/calendar-date';
import type { Debtor, PaymentBehaviour } from '../ledger/debtor';
import type { SegmentThresholds } from '../score/score-rules';

/** The segments the seed policies serve; a policy's id is its segment id. */
export const SEGMENT = {
  businessStandard: 'business-standard',
  businessChronicLate: 'business-chronic-late',
  businessKeyAccount: 'business-key-account',
  /** Pays on time as a rule: never reminded before the policy's first step, rewarded on arrival. */
  businessGoodPayer: 'business-good-payer',
  consumerStandard: 'consumer-standard',
} as const;

export interface SegmentChoice {
  segment: string;
  /** Why, in words a controller can read on the invoice's timeline. */
  reason: string;
}

/**
 * A chronic late payer shows a pattern, not an incident: enough paid invoices to judge by, at
 * least half of them late and more than a week late on average; or dunning that had to
 * escalate to a call or beyond at least twice.
 */
const CHRONIC = { minInvoicesPaid: 3, minLateShare: 0.5, overAverageDaysLate: 7, minEscalations: 2 };

function chronicLateReason(behaviour: PaymentBehaviour): string | undefined {
  if (behaviour.escalations >= CHRONIC.minEscalations) {
    return `chronic late payer: dunning escalated to a call or beyond ${behaviour.escalations} times`;
  }
  const { invoicesPaid, invoicesPaidLate, averageDaysLate } = behaviour;
  if (
    invoicesPaid >= CHRONIC.minInvoicesPaid &&
    invoicesPaidLate / invoicesPaid >= CHRONIC.minLateShare &&
    averageDaysLate > CHRONIC.overAverageDaysLate
  ) {
    return `chronic late payer: ${invoicesPaidLate} of ${invoicesPaid} invoices paid late, ${averageDaysLate.toFixed(1)} days late on average`;
  }
  return undefined;
}

/**
 * The segment whose policy duns this debtor. A key account is a commercial decision, so it is
 * only ever set by hand (segmentOverride); the handler should check that the chosen policy's
 * debtorKind matches the debtor, since an override can name any policy. The segment the payment
 * behaviour gave at the debtor's last fact (`behaviourSegment`, decided with the score rules then
 * in force) comes next; a debtor without one is judged by the chronic-late rule alone.
 */
export function chooseSegment(
  debtor: Pick<Debtor, 'kind' | 'segmentOverride' | 'behaviourSegment'>,
  behaviour: PaymentBehaviour,
): SegmentChoice {
  if (debtor.segmentOverride) {
    return { segment: debtor.segmentOverride, reason: `segment set by hand: ${debtor.segmentOverride}` };
  }
  if (debtor.kind === 'consumer') {
    return {
      segment: SEGMENT.consumerStandard,
      reason: 'consumer: the 14-day letter comes before any costs',
    };
  }
  if (debtor.behaviourSegment) {
    return { segment: debtor.behaviourSegment.id, reason: debtor.behaviourSegment.reason };
  }
  const chronic = chronicLateReason(behaviour);
  if (chronic) return { segment: SEGMENT.businessChronicLate, reason: chronic };
  return { segment: SEGMENT.businessStandard, reason: 'business without a pattern of late payment' };
}

/**
 * The segment a debtor's payment behaviour gives, both ways: a business that paid the last
 * `goodPayerOnTimeInRow` invoices on time (no broken promise, lost dispute or broken plan in
 * between) is a good payer; a chronic late payer that paid the last `chronicMovesBackOnTimeInRow`
 * on time moves back to the standard segment, and returns to chronic at its next late payment
 * while the pattern stands. Consumers keep their one segment: the 14-day letter rules them all.
 */
export function segmentByBehaviour(
  kind: Debtor['kind'],
  behaviour: PaymentBehaviour,
  /** Invoices paid on time since the last late payment, broken promise, lost dispute or broken plan. */
  inRow: number,
  thresholds: SegmentThresholds,
): SegmentChoice {
  if (kind === 'consumer') return chooseSegment({ kind }, behaviour);
  if (inRow >= thresholds.goodPayerOnTimeInRow) {
    return {
      segment: SEGMENT.businessGoodPayer,
      reason: `good payer: the last ${inRow} invoices paid on time`,
    };
  }
  const chronic = chronicLateReason(behaviour);
  if (chronic && inRow >= thresholds.chronicMovesBackOnTimeInRow) {
    return {
      segment: SEGMENT.businessStandard,
      reason: `pays on time again: the last ${inRow} invoices paid on time (before: ${chronic.replace('chronic late payer: ', '')})`,
    };
  }
  if (chronic) return { segment: SEGMENT.businessChronicLate, reason: chronic };
  return { segment: SEGMENT.businessStandard, reason: 'business without a pattern of late payment' };
}

export interface SettledInvoice {
  dueDate: CalendarDate;
  paidDate: CalendarDate;
}

/** Payment behaviour from the invoices settled by payment; `escalations` is counted elsewhere. */
export function paymentBehaviour(settled: readonly SettledInvoice[], escalations: number): PaymentBehaviour {
  const daysLate = settled.map(({ dueDate, paidDate }) => Math.max(0, daysBetween(dueDate, paidDate)));
  const totalDaysLate = daysLate.reduce((total, days) => total + days, 0);
  return {
    invoicesPaid: settled.length,
    invoicesPaidLate: daysLate.filter((days) => days > 0).length,
    averageDaysLate: settled.length === 0 ? 0 : totalDaysLate / settled.length,
    escalations,
  };
}

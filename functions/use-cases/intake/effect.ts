import type { TimelineEventType } from '../../core/ledger/timeline';
import type { VatReturnPeriod } from '../../core/special/vat-relief';
import type { PaymentReferenceScheme } from '../../core/payments/payment-reference';
import type { InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import type { Notifier } from '../../ports/notifier';
import type { PlanWorkflow } from '../../ports/plan-workflow';
import type { CreditorDetails } from '../../shared/creditor';
import type { DunningDeps } from '../dunning/start-dunning';
import type { LoweredPlan } from '../plans/lower-plan';
import type { DirectPayment } from '../collection-agency/tell-agency-of-payment';

export interface IntakeDeps extends DunningDeps {
  /** Which structured reference new invoices get (PAYMENT_REFERENCE_SCHEME). */
  referenceScheme: PaymentReferenceScheme;
  /** The payment-plan workflow, to stop a plan's execution once a payment completed it. */
  plans?: PlanWorkflow;
  /** To confirm to the debtor a payment plan a credit lowered; without them the next reminder shows it. */
  mailer?: Mailer;
  creditor?: CreditorDetails;
  /** SNS, to announce a credit hold lifted once the debtor's last long-overdue invoice is settled. */
  notifier?: Notifier;
  /** The VAT return period a repayment of bad-debt VAT falls in (VAT_RETURN_PERIOD); quarterly by default. */
  vatPeriod?: VatReturnPeriod;
  /** Days to file an insolvency claim when a register publication gives none (INSOLVENCY_CLAIM_DAYS). */
  claimDays?: number;
}

/** Who the timeline names for everything the webhook brings in. */
export const INVOICING_SYSTEM = 'invoicing-system';

/** What an event waits for when it came before the record it is about. */
export type Subject =
  | { kind: 'invoice'; id: string }
  | { kind: 'debtor'; id: string }
  /** A payment by a reference no invoice carries yet: the reference is made from the invoice number. */
  | { kind: 'reference'; id: string };

/** The store's key of a subject's parked events, e.g. `invoice:inv-1`. */
export function subjectKey(subject: Subject): string {
  return `${subject.kind}:${subject.id}`;
}

/** Work that must wait until the effect is committed: the workflow is no part of the transaction. */
export type FollowUp =
  /**
   * Events that came before their subject are applied once it exists. `stored`: the commit before
   * the follow-ups wrote the subject (where none existed), so it exists without a read.
   */
  | { kind: 'applyParked'; subject: Subject; stored?: boolean }
  /**
   * An invoice that arrives already overdue is dunned at once instead of at the next sweep.
   * `stored`: the invoice as the commit before the follow-ups wrote it.
   */
  | { kind: 'startDunningIfOverdue'; invoiceId: string; stored?: InvoiceRecord }
  /** The invoice as it was before it was settled or cancelled: its execution, if running, is stopped. */
  | { kind: 'stopExecution'; before: InvoiceRecord; reason: string }
  /** Credit on the debtor's account in this currency pays their oldest open invoices. */
  | { kind: 'setOffCredit'; debtorId: string; currency: string }
  /** A credit note that left something open on a disputed invoice: a dispute that waited for it ends. */
  | { kind: 'creditNoteOnDispute'; invoiceId: string; disputeId: string; creditNoteId: string }
  /** A payment completed a payment plan: its execution has nothing left to remind or check. */
  | { kind: 'stopPlanExecution'; execution: string; reason: string }
  /** A credit lowered a payment plan: the debtor gets the new schedule. */
  | { kind: 'confirmPlanLowered'; lowered: LoweredPlan }
  /** A debtor arrived with a (new) KvK number: the insolvency register is asked about it. */
  | { kind: 'checkInsolvencyRegister'; debtorId: string }
  /** A payment reached us for a claim at the collection agency: the agency is told. */
  | ({ kind: 'tellAgencyOfPayment' } & DirectPayment);

/**
 * What one event comes to, decided from the current state of the store. The caller commits the
 * writes in one transaction together with its idempotency record, then runs the follow-ups.
 */
export type Effect =
  | { outcome: 'applied'; writes: StoreWrite[]; followUps: FollowUp[] }
  | { outcome: 'parked'; waitingFor: Subject };

export function applied(writes: StoreWrite[], followUps: FollowUp[] = []): Effect {
  return { outcome: 'applied', writes, followUps };
}

export function parked(waitingFor: Subject): Effect {
  return { outcome: 'parked', waitingFor };
}

/** A timeline entry of the invoice or debtor, written in the same transaction as the change it records. */
export function timelineEntry(
  subject: { invoiceId: string } | { debtorId: string },
  at: Date,
  type: TimelineEventType,
  summary: string,
  details?: Record<string, unknown>,
): StoreWrite {
  return {
    kind: 'appendEvent',
    subject,
    event: { at: at.toISOString(), type, actor: INVOICING_SYSTEM, summary, ...(details ? { details } : {}) },
  };
}

/** After a credit lowered payment plans: the debtor is told, and a completed plan's execution stops. */
export function planFollowUps(lowered: readonly LoweredPlan[]): FollowUp[] {
  return lowered.flatMap((plan): FollowUp[] => [
    { kind: 'confirmPlanLowered', lowered: plan },
    ...(plan.completed
      ? [
          {
            kind: 'stopPlanExecution' as const,
            execution: plan.execution,
            reason: 'payment plan completed by a credit',
          },
        ]
      : []),
  ]);
}

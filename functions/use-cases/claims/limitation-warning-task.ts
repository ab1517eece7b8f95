import { type CalendarDate } from '../../core/calendar/calendar-date';
import type { Debtor } from '../../core/ledger/debtor';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { LegalPolicy } from '../../core/legal/legal-policy';
import { claimLimitation } from '../../core/legal/limitation';
import { openTask } from '../../core/tasks/collection-task';
import type { InvoiceRecord, TaskRecord } from '../../ports/credit-store';
import { firstVersion } from '../record-versions';
import { consumerPurchaseAssumed } from './claim-facts';
import { writtenNotices } from './written-notices';

export interface LimitationWarningInput {
  invoice: InvoiceRecord;
  debtor: Pick<Debtor, 'kind'>;
  timeline: readonly TimelineEvent[];
  legal: LegalPolicy;
  today: CalendarDate;
  /** ISO timestamp of now, from the clock port. */
  at: string;
}

export interface LimitationWarning {
  task: TaskRecord;
  event: TimelineEvent;
}

/**
 * One task per lapse date: a reminder received later starts a new period with a new date, which
 * deserves its own warning when that one comes near; the same date is warned about once.
 */
function limitationWarningTaskId(invoiceId: string, lapsesOn: CalendarDate): string {
  return `limitation--${invoiceId}--${lapsesOn}`;
}

/**
 * The task for a controller when the claim on an invoice lapses within the warning window
 * (core/legal/limitation.ts: 90 days), with the timeline entry that says so; null otherwise. A
 * written reminder received before the lapse date interrupts the period (art. 3:317 BW).
 */
export function limitationWarning(input: LimitationWarningInput): LimitationWarning | null {
  const { invoice, today, at } = input;
  const limitation = claimLimitation({
    dueDate: invoice.dueDate,
    consumerPurchase: consumerPurchaseAssumed(input.debtor.kind),
    notices: writtenNotices(input.timeline),
    postalDeliveryDays: input.legal.postalDeliveryDays,
    asOf: today,
  });
  if (!limitation.raisesTask) return null;

  const id = limitationWarningTaskId(invoice.id, limitation.lapsesOn);
  const atAgency = invoice.status === 'in_collection' ? ' The claim is at the collection agency.' : '';
  const summary =
    `The claim on invoice ${invoice.number} lapses on ${limitation.lapsesOn} (${limitation.article}, ` +
    `${limitation.daysLeft} days left): send an interruption letter (stuitingsbrief, ` +
    `POST /invoices/${invoice.id}/interruption-letter) or start proceedings before then; its recorded ` +
    `delivery starts the period again.${atAgency}`;
  return {
    task: firstVersion(openTask({ id, kind: 'limitation_warning', invoice, today, summary }), at),
    event: {
      at,
      type: 'task_created',
      actor: 'sweep',
      summary,
      details: { kind: 'limitation_warning', taskId: id, lapsesOn: limitation.lapsesOn },
    },
  };
}

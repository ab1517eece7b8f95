import type { DebtorRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { revised } from '../record-versions';
import { creditsWith } from './settlement';
import { type FollowUp, timelineEntry } from './effect';

/** Money put on a debtor's account: an overpayment, or what an invoice can no longer keep. */
export interface AccountCredit {
  debtorId: string;
  currency: string;
  amount: number;
  /** The invoice the money came from or was meant for, if any: the entry goes on its timeline too. */
  invoiceId?: string;
  /** What happened, for both timelines. */
  summary: string;
  details: Record<string, unknown>;
}

/**
 * The timeline entries of money put on the account (the invoice's and the debtor's, so that it can
 * be followed from either side), and the set-off that offers it to the debtor's oldest open
 * invoices once the commit has landed. The caller writes the debtor's new credits.
 */
export function accountCredited(
  credit: AccountCredit,
  at: Date,
): { writes: StoreWrite[]; followUp: FollowUp } {
  const details = { ...credit.details, amount: credit.amount, currency: credit.currency };
  const subjects = [
    ...(credit.invoiceId ? [{ invoiceId: credit.invoiceId }] : []),
    { debtorId: credit.debtorId },
  ];
  return {
    writes: subjects.map((subject) =>
      timelineEntry(subject, at, 'overpayment_credited', credit.summary, details),
    ),
    followUp: { kind: 'setOffCredit', debtorId: credit.debtorId, currency: credit.currency },
  };
}

/**
 * What an invoice held beyond what it is still owed (a cancellation, a lower total, a credit note)
 * goes back to its debtor's account: the debtor's new credits, both timeline entries, and the
 * set-off that offers it to the debtor's oldest open invoices.
 */
export function handBackToAccount(
  debtor: DebtorRecord,
  invoice: Pick<InvoiceRecord, 'id' | 'currency'>,
  handedBack: { amount: number; summary: string; details: Record<string, unknown> },
  at: Date,
): { writes: StoreWrite[]; followUp: FollowUp } {
  const credited = accountCredited(
    { debtorId: debtor.id, currency: invoice.currency, invoiceId: invoice.id, ...handedBack },
    at,
  );
  return {
    writes: [
      {
        kind: 'putDebtor',
        debtor: revised(debtor, { credits: creditsWith(debtor, invoice.currency, handedBack.amount) }, at),
        expectedVersion: debtor.version,
      },
      ...credited.writes,
    ],
    followUp: credited.followUp,
  };
}

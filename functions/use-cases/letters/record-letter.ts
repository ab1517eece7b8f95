import type { DunningSlot } from '../../core/dunning/dunning-slot';
import type { StepRecord } from '../../core/dunning/dunning-state';
import type { LetterContent, LetterRecord, StoreWrite } from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';
import type { DunnedInvoice } from '../steps/check-step';
import { type StepDeps, stepEntry, WORKFLOW_ACTOR } from '../steps/record-step';

/** A letter SES accepted, with what it said (kept on each invoice's timeline as evidence). */
export type SentLetter = LetterRecord & {
  status: 'sent';
  messageId: string;
  sentAt: string;
  recipient: string;
  content: LetterContent;
};

/**
 * The letter and two writes per invoice go in one DynamoDB transaction (at most 100 writes), so a
 * letter is marked sent exactly when every invoice it lists carries it. Longer lists would not be
 * read by anyone either.
 */
export const MAX_INVOICES_PER_LETTER = 45;

export function includedReason(ownerInvoiceId: string): string {
  return `included in the letter sent for invoice ${ownerInvoiceId}`;
}

/**
 * Marks the letter sent and records it on every invoice it lists: `dunning.lastStep` and an
 * 'email_sent' entry (by post: 'letter_posted') with the message id and the recipient. Written unconditionally on the
 * letter: once SES accepted the email, the record must say so. Invoices that already carry the
 * step are left alone, so the record is never written twice.
 */
export async function recordLetter(deps: StepDeps, letter: SentLetter): Promise<void> {
  const slot = letter.slot as DunningSlot;
  const [ownerInvoiceId = ''] = letter.invoiceIds;
  await retryOnConflict(async () => {
    const writes: StoreWrite[] = [{ kind: 'putLetter', letter, lock: false }];
    const entries: StoreWrite[] = [];
    for (const id of letter.invoiceIds) {
      const invoice = await deps.store.getInvoice(id);
      if (!invoice?.dunning || invoice.dunning.lastStep?.slot === slot) continue;
      const reason = id === ownerInvoiceId ? undefined : includedReason(ownerInvoiceId);
      const [record, entry] = letterWrites(invoice as DunnedInvoice, letter, reason);
      writes.push(record);
      entries.push(entry);
    }
    // Each invoice's entry before the transaction, keyed by its step: an invoice that carries the
    // letter always has its entry, a retry rewrites it, and the transaction pays for no entry.
    await Promise.all(entries.map((entry) => deps.store.commit([entry])));
    await deps.store.commit(writes);
  });
}

function letterWrites(
  invoice: DunnedInvoice,
  letter: SentLetter,
  reason: string | undefined,
): [StoreWrite, StoreWrite] {
  const evidence = letter.content;
  const slot = letter.slot as DunningSlot;
  const lastStep: StepRecord = { slot, status: 'sent', at: letter.sentAt, ...(reason ? { reason } : {}) };
  const count = letter.invoiceIds.length;
  const part = evidence.request?.kind === 'total-claim' ? evidence.request.parts[invoice.id] : undefined;
  // The costs and interest the letter demanded are owed with the principal: payments go to them first.
  const claimDue = part
    ? { claimDue: { costs: part.costs, interest: part.interest, askedOn: letter.day } }
    : {};
  return [
    {
      kind: 'putInvoice',
      invoice: revised(
        invoice,
        { dunning: { ...invoice.dunning!, lastStep }, ...claimDue },
        new Date(letter.sentAt),
      ),
      expectedVersion: invoice.version,
    },
    stepEntry(
      invoice.id,
      { execution: invoice.dunning.execution, step: slot },
      {
        at: letter.sentAt,
        // A letter by post is a letter of its own kind: its receipt counts by the post, not by SES.
        type: evidence.post ? 'letter_posted' : 'email_sent',
        actor: WORKFLOW_ACTOR,
        summary: `${slot} sent ${evidence.post ? (evidence.post.registered ? 'by registered post' : 'by post') : 'by email'}: "${evidence.subject}"${count > 1 ? ` (one letter for ${count} invoices)` : ''}`,
        details: {
          slot,
          template: evidence.template,
          tone: evidence.tone,
          subject: evidence.subject,
          messageId: letter.messageId,
          recipient: letter.recipient,
          letter: {
            debtorId: letter.debtorId,
            slot: letter.slot,
            currency: letter.currency,
            day: letter.day,
            owner: letter.owner,
          },
          invoiceIds: letter.invoiceIds,
          // The letter's own reference for the total: a payment quoting it pays these invoices.
          ...(evidence.reference ? { reference: evidence.reference } : {}),
          ...(evidence.post ? { post: evidence.post } : {}),
          ...(evidence.fourteenDayTerm ? { fourteenDayTerm: evidence.fourteenDayTerm } : {}),
          ...(evidence.demand ? { demand: evidence.demand } : {}),
          ...(evidence.request
            ? {
                request: {
                  kind: evidence.request.kind,
                  amount: evidence.request.amount,
                  payBy: evidence.request.payBy,
                  part: evidence.request.parts[invoice.id]?.amount ?? 0,
                },
              }
            : {}),
        },
      },
    ),
  ];
}

import { createHash } from 'node:crypto';
import { type CalendarDate, daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  isSmallBalance,
  type SmallBalanceCriteria,
  smallBalanceDueBy,
} from '../../core/special/small-balances';
import type { InvoiceRecord } from '../../ports/credit-store';
import { conflict, Refusal } from '../refusal';
import { type WriteOffDeps, writeOffInvoice } from './write-off';

export interface WriteOffProposalLine {
  invoiceId: string;
  number: string;
  debtorId: string;
  dueDate: CalendarDate;
  daysOverdue: number;
  currency: string;
  /** Cents open: what the approval writes off. */
  amount: number;
}

export interface WriteOffProposal {
  /** Names this proposal's contents on this day: an approval must name the proposal it saw. */
  id: string;
  asOf: CalendarDate;
  criteria: SmallBalanceCriteria;
  invoices: WriteOffProposalLine[];
  /** Per currency: how many invoices and how many cents. */
  totals: Record<string, { invoices: number; amount: number }>;
}

export type ProposalDeps = WriteOffDeps & { criteria: SmallBalanceCriteria };

/** At most this many invoices in one proposal: what a manager can review, and one request can write off. */
const MAX_PROPOSED = 500;

/**
 * GET /write-off-proposals: the small balances of today, proposed for write-off in one batch.
 * Read from the sparse index of open invoices by due date, up to the last due date old enough,
 * so a proposal never reads an invoice that is young or settled.
 */
export async function currentWriteOffProposal(
  deps: Pick<ProposalDeps, 'store' | 'clock' | 'criteria'>,
): Promise<WriteOffProposal> {
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const invoices: WriteOffProposalLine[] = [];
  for await (const invoice of deps.store.listOpenInvoicesDueBy(smallBalanceDueBy(deps.criteria, today))) {
    if (!isSmallBalance(invoice, deps.criteria, today)) continue;
    invoices.push(lineOf(invoice, today));
    if (invoices.length === MAX_PROPOSED) break;
  }
  const totals: WriteOffProposal['totals'] = {};
  for (const line of invoices) {
    const sum = (totals[line.currency] ??= { invoices: 0, amount: 0 });
    sum.invoices += 1;
    sum.amount += line.amount;
  }
  return { id: proposalId(today, invoices), asOf: today, criteria: deps.criteria, invoices, totals };
}

function lineOf(invoice: InvoiceRecord, today: CalendarDate): WriteOffProposalLine {
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    debtorId: invoice.debtorId,
    dueDate: invoice.dueDate,
    daysOverdue: daysBetween(invoice.dueDate, today),
    currency: invoice.currency,
    amount: invoice.openAmount,
  };
}

/** The day and every invoice with the amount proposed: the same proposal has the same id all day. */
function proposalId(day: CalendarDate, lines: readonly WriteOffProposalLine[]): string {
  const contents = lines.map((line) => `${line.invoiceId}:${line.currency}:${line.amount}`).join('\n');
  return `${day.replaceAll('-', '')}-${createHash('sha256').update(contents).digest('hex').slice(0, 16)}`;
}

export interface WriteOffProposalApproval {
  id: string;
  approvedBy: string;
  writtenOff: WriteOffProposalLine[];
  /** Invoices that changed between the proposal and the approval's write-off (paid a moment ago). */
  skipped: { invoiceId: string; reason: string }[];
  totals: Record<string, { invoices: number; amount: number }>;
}

/**
 * POST /write-off-proposals/{id}/approval: a manager approves the proposal they saw, and each of
 * its invoices is written off in full with the write-off every invoice gets (status
 * `written_off`, dunning stopped for good, VAT relief). The proposal is computed again: if it is
 * not the one named (an invoice was paid, a new one became old enough, or the proposal was
 * approved already and its invoices are gone), the approval is refused with 409, so nothing is
 * written off that the manager did not see, and nothing twice.
 */
export async function approveWriteOffProposal(
  deps: ProposalDeps,
  id: string,
  approver: { sub: string; isAdmin: boolean; reason: string },
): Promise<WriteOffProposalApproval> {
  const proposal = await currentWriteOffProposal(deps);
  if (proposal.id !== id) {
    throw conflict(
      `The write-off proposal is ${proposal.id} now, not ${id}: it was approved already or its invoices changed; read GET /write-off-proposals again.`,
      'proposal_changed',
    );
  }
  const by = `user:${approver.sub}`;
  const writtenOff: WriteOffProposalLine[] = [];
  const skipped: WriteOffProposalApproval['skipped'] = [];
  for (const line of proposal.invoices) {
    try {
      const before = await deps.store.getInvoice(line.invoiceId);
      if (before?.openAmount !== line.amount) {
        skipped.push({ invoiceId: line.invoiceId, reason: 'open amount changed' });
        continue;
      }
      await writeOffInvoice(deps, line.invoiceId, {
        reason: `Small balance, write-off proposal ${id}: ${approver.reason}`,
        amount: line.amount,
        by,
        isAdmin: approver.isAdmin,
      });
      writtenOff.push(line);
    } catch (error) {
      // Paid or written off by a concurrent approval a moment ago: it is not written off twice.
      if (error instanceof Refusal && error.kind === 'conflict') {
        skipped.push({ invoiceId: line.invoiceId, reason: error.code });
        continue;
      }
      throw error;
    }
  }
  const totals: WriteOffProposalApproval['totals'] = {};
  for (const line of writtenOff) {
    const sum = (totals[line.currency] ??= { invoices: 0, amount: 0 });
    sum.invoices += 1;
    sum.amount += line.amount;
  }
  return { id, approvedBy: by, writtenOff, skipped, totals };
}

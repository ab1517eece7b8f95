import { DEBTOR_HOLD_REF, isPaused } from '../../core/dunning/dunning-pause';
import type { PausedDunning } from '../../core/dunning/dunning-pause';
import type { InvoiceRecord } from '../../ports/credit-store';
import { type ResumeResult, resumeDunning } from '../dunning/resume-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, notFound } from '../refusal';

/** Why a hold ended: its day came (the sweep) or a user lifted it early. */
export type HoldEnding = { by: 'sweep' } | { by: `user:${string}` };

/**
 * DELETE /invoices/{id}/hold: ends the invoice's own hold early; the dunning resumes at once at
 * the step after the last one done. A hold on the whole debtor is lifted on the debtor.
 */
export async function endInvoiceHold(
  deps: DunningDeps,
  invoiceId: string,
  ending: HoldEnding,
): Promise<{ invoiceId: string; result: ResumeResult }> {
  const invoice = await deps.store.getInvoice(invoiceId);
  if (!invoice) throw notFound(`Invoice ${invoiceId} does not exist.`, 'invoice_not_found');
  const dunning = invoice.dunning;
  if (!isPaused(dunning) || dunning.pausedFor !== 'hold') {
    throw conflict(`Invoice ${invoice.number} is not on hold.`, 'not_on_hold');
  }
  if (dunning.pauseRef === DEBTOR_HOLD_REF) {
    throw conflict(
      `Invoice ${invoice.number} is on hold with its debtor: lift the hold with DELETE /debtors/${invoice.debtorId}/hold.`,
      'held_with_debtor',
    );
  }
  return { invoiceId, result: await endHoldOf(deps, invoice, dunning, ending) };
}

/**
 * DELETE /debtors/{id}/hold, and the sweep on the hold's last day: the debtor's hold is lifted
 * and every invoice paused under it resumes.
 */
export async function endDebtorHold(
  deps: DunningDeps,
  debtorId: string,
  ending: HoldEnding,
): Promise<{ debtorId: string; invoicesResumed: string[] }> {
  await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(debtorId);
    if (!debtor) throw notFound(`Debtor ${debtorId} does not exist.`, 'debtor_not_found');
    if (!debtor.hold) {
      if (ending.by === 'sweep') return;
      throw conflict(`Debtor ${debtorId} is not on hold.`, 'not_on_hold');
    }
    const now = deps.clock.now();
    const { hold, ...rest } = debtor;
    await deps.store.commit([
      { kind: 'putDebtor', debtor: revised(rest, {}, now), expectedVersion: debtor.version },
      {
        kind: 'appendEvent',
        subject: { debtorId },
        event: {
          at: now.toISOString(),
          type: 'hold_ended',
          actor: ending.by,
          summary: endedSummary(hold.until, ending),
          details: { until: hold.until },
        },
      },
    ]);
  });
  const resumed: string[] = [];
  for (const invoice of await deps.store.listInvoicesOfDebtor(debtorId)) {
    const dunning = invoice.dunning;
    if (!isPaused(dunning) || dunning.pausedFor !== 'hold' || dunning.pauseRef !== DEBTOR_HOLD_REF) continue;
    if ((await endHoldOf(deps, invoice, dunning, ending)) === 'resumed') resumed.push(invoice.id);
  }
  return { debtorId, invoicesResumed: resumed };
}

/** The sweep ends a hold on its day: the invoice's own, or its debtor's (and with it every invoice under it). */
export async function endDueHold(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  dunning: PausedDunning,
): Promise<void> {
  if (dunning.pauseRef === DEBTOR_HOLD_REF) await endDebtorHold(deps, invoice.debtorId, { by: 'sweep' });
  // The debtor's hold may have been lifted or replaced before: this invoice resumes either way.
  const current = await deps.store.getInvoice(invoice.id);
  if (current && isPaused(current.dunning) && current.dunning.pausedFor === 'hold') {
    await endHoldOf(deps, current, current.dunning, { by: 'sweep' });
  }
}

async function endHoldOf(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  dunning: PausedDunning,
  ending: HoldEnding,
): Promise<ResumeResult> {
  const at = deps.clock.now().toISOString();
  await deps.store.commit([
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at,
        type: 'hold_ended',
        actor: ending.by,
        summary: endedSummary(dunning.pausedUntil, ending),
        details: { until: dunning.pausedUntil },
      },
    },
  ]);
  return resumeDunning(deps, invoice.id, { reason: 'hold' }, ending.by);
}

function endedSummary(until: string | undefined, ending: HoldEnding): string {
  return ending.by === 'sweep'
    ? `Hold ended on ${until ?? 'its day'}; the dunning goes on at the next step`
    : `Hold lifted early by ${ending.by.slice('user:'.length)}; the dunning goes on at the next step`;
}

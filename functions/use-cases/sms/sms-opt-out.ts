import type { Clock } from '../../ports/clock';
import type { CreditStore, DebtorRecord } from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';
import { notFound } from '../refusal';

/** Whether texts reach the debtor, and who said no. */
export interface SmsOptOutView {
  debtorId: string;
  /** True when the debtor gets no texts, whoever asked. */
  smsOptOut: boolean;
  /** The debtor's own request (the self-service page, or a controller for them); null when none stands. */
  request: { at: string; by: string } | null;
  /** The invoicing system's `smsOptOut`, which only the invoicing system changes. */
  byInvoicingSystem: boolean;
}

/**
 * The debtor's own "no more texts" (or "texts again"). The texts come from an alphanumeric sender
 * that cannot receive "STOP", so the self-service page asks this with `by: 'debtor'`, and
 * `PUT /debtors/{id}/sms-opt-out` lets a controller record what the debtor said on the phone. It
 * is kept apart from the invoicing system's `smsOptOut`, so that the next `debtor.upserted`
 * cannot undo it; either one stops the texts. The same request twice changes nothing.
 */
export async function setSmsOptOut(
  deps: { store: CreditStore; clock: Clock },
  input: { debtorId: string; optOut: boolean; by: string },
): Promise<SmsOptOutView> {
  return retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(input.debtorId);
    if (!debtor) throw notFound(`Debtor ${input.debtorId} does not exist.`);
    if (input.optOut === Boolean(debtor.smsOptOutRequest)) return viewOf(debtor);

    const now = deps.clock.now();
    const at = now.toISOString();
    const { smsOptOutRequest: _previous, ...rest } = debtor;
    const next = revised(
      rest as DebtorRecord,
      input.optOut ? { smsOptOutRequest: { at, by: input.by } } : {},
      now,
    );
    await deps.store.commit([
      { kind: 'putDebtor', debtor: next, expectedVersion: debtor.version },
      {
        kind: 'appendEvent',
        subject: { debtorId: debtor.id },
        event: {
          at,
          type: 'sms_opt_out_changed',
          actor: input.by,
          summary: input.optOut ? 'The debtor wants no more texts' : 'The debtor gets texts again',
          details: { optOut: input.optOut },
        },
      },
    ]);
    return viewOf(next);
  });
}

function viewOf(debtor: DebtorRecord): SmsOptOutView {
  return {
    debtorId: debtor.id,
    smsOptOut: Boolean(debtor.smsOptOut || debtor.smsOptOutRequest),
    request: debtor.smsOptOutRequest ?? null,
    byInvoicingSystem: debtor.smsOptOut === true,
  };
}

import type { CreditHold } from '../../core/credit/credit-hold';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { DebtorRecord } from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';
import { notFound } from '../refusal';
import { publishCreditStatus } from './credit-status';
import type { CreditHoldDeps } from './lift-credit-hold';

export interface CreditHoldRequest {
  debtorId: string;
  hold: boolean;
  reason: string;
  /** The manager's sub. */
  by: string;
}

export interface CreditHoldAnswer {
  debtorId: string;
  creditHold: boolean;
  creditHoldDetail?: CreditHold;
  /** False when the debtor already stood so: nothing was written, the status was published again. */
  changed: boolean;
}

/**
 * PUT /debtors/{id}/credit-hold: a manager sets or lifts the credit hold by hand, with a reason.
 * A hold set by hand stands until a manager lifts it (the automatic lift leaves it alone); a
 * manager's hold over one the workflow set takes it over. The change and its timeline entry are
 * one write; the `credit-status` message follows, and is published again for the same request
 * repeated, so that a retry after a failed publish still reaches the order system.
 */
export async function putCreditHold(
  deps: CreditHoldDeps,
  request: CreditHoldRequest,
): Promise<CreditHoldAnswer> {
  const actor = `user:${request.by}`;
  const { debtor, changed } = await retryOnConflict(async () => {
    const current = await deps.store.getDebtor(request.debtorId);
    if (!current) throw notFound(`Debtor ${request.debtorId} does not exist.`);
    if (isAlready(current, request, actor)) return { debtor: current, changed: false };
    const now = deps.clock.now();
    const at = now.toISOString();
    const detail: CreditHold | undefined = request.hold
      ? {
          since: current.creditHold && current.creditHoldDetail ? current.creditHoldDetail.since : at,
          reason: request.reason,
          invoiceIds: current.creditHoldDetail?.invoiceIds ?? [],
          setBy: actor,
        }
      : undefined;
    const after = revised(current, { creditHold: request.hold, creditHoldDetail: detail }, now);
    const event: TimelineEvent = {
      at,
      type: request.hold ? 'credit_hold_set' : 'credit_hold_lifted',
      actor,
      summary: `${request.hold ? 'Credit hold set' : 'Credit hold lifted'} by a manager: ${request.reason}`,
    };
    await deps.store.commit([
      { kind: 'putDebtor', debtor: after, expectedVersion: current.version },
      { kind: 'appendEvent', subject: { debtorId: current.id }, event },
    ]);
    return { debtor: after, changed: true };
  });
  await publishCreditStatus(deps.notifier, debtor, {
    at: debtor.updatedAt,
    by: actor,
    reason: request.reason,
  });
  return {
    debtorId: debtor.id,
    creditHold: debtor.creditHold,
    ...(debtor.creditHoldDetail ? { creditHoldDetail: debtor.creditHoldDetail } : {}),
    changed,
  };
}

function isAlready(debtor: DebtorRecord, request: CreditHoldRequest, actor: string): boolean {
  if (!request.hold) return !debtor.creditHold;
  return (
    debtor.creditHold &&
    debtor.creditHoldDetail?.setBy === actor &&
    debtor.creditHoldDetail.reason === request.reason
  );
}

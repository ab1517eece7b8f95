import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { type CreditReason, checkCredit, type CreditDecision } from '../../core/credit/credit-check';
import type { OrderAuthority, OrderAuthorityHolder } from '../../core/credit/order-authority';
import { chooseSegment, SEGMENT } from '../../core/dunning/segment';
import { hasOpenBalance } from '../../core/ledger/invoice';
import type { TimelineEvent } from '../../core/ledger/timeline';
import { formatMoney } from '../../core/money';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { notFound } from '../refusal';

export interface CreditCheckRequest {
  debtorId: string;
  orderAmount: number;
  currency?: string;
  /** Who asks: a person ('user:<sub>' and their roles) or the order system's app client. */
  caller: { actor: string; authority: OrderAuthorityHolder | 'unlimited' };
}

export interface CreditCheckAnswer {
  decision: CreditDecision;
  reasons: CreditReason[];
  /** Open invoices of the debtor in `currency`, in cents. */
  exposure: number;
  creditLimit: number | null;
  /** What the limit leaves before this order; null without a limit. */
  available: number | null;
  currency: string;
}

/**
 * GET /debtors/{id}/credit-check: may the debtor order `orderAmount` more on credit? The decision
 * (core/credit/credit-check.ts) and its reasons are logged on the debtor's timeline.
 */
export async function creditCheck(
  deps: { store: CreditStore; clock: Clock; orderAuthority: OrderAuthority },
  request: CreditCheckRequest,
): Promise<CreditCheckAnswer> {
  const debtor = await deps.store.getDebtor(request.debtorId);
  if (!debtor) throw notFound(`Debtor ${request.debtorId} does not exist.`);
  const now = deps.clock.now();
  const currency = request.currency ?? debtor.creditLimit?.currency ?? 'EUR';
  const exposure = (await deps.store.listInvoicesOfDebtor(debtor.id))
    .filter((invoice) => hasOpenBalance(invoice) && invoice.currency === currency)
    .reduce((sum, invoice) => sum + invoice.openAmount, 0);
  const creditLimit = debtor.creditLimit?.currency === currency ? debtor.creditLimit.amount : undefined;
  // The segment the behaviour alone gives: a hand-set key-account segment does not hide the pattern.
  const byBehaviour = chooseSegment({ kind: debtor.kind }, behaviourOf(debtor.behaviour));
  const check = checkCredit({
    ...(debtor.management === 'special' && debtor.specialManagement
      ? { specialManagement: debtor.specialManagement.reason }
      : {}),
    ...(debtor.creditHold
      ? {
          creditHold: debtor.creditHoldDetail ?? {
            since: debtor.updatedAt,
            reason: 'escalated to the account manager',
            invoiceIds: [],
            setBy: 'workflow',
          },
        }
      : {}),
    exposure,
    orderAmount: request.orderAmount,
    currency,
    ...(creditLimit === undefined ? {} : { creditLimit }),
    ...(debtor.creditReport ? { latestReport: debtor.creditReport } : {}),
    ...(byBehaviour.segment === SEGMENT.businessChronicLate ? { chronicLate: byBehaviour.reason } : {}),
    ...(request.caller.authority === 'unlimited'
      ? {}
      : { orderAuthority: deps.orderAuthority[request.caller.authority] }),
    today: localDate(now, BUSINESS_TIME_ZONE),
  });

  const event: TimelineEvent = {
    at: now.toISOString(),
    type: 'credit_checked',
    actor: request.caller.actor,
    summary: `Credit check of an order of ${formatMoney({ amount: request.orderAmount, currency }, 'en')}: ${check.decision}`,
    details: {
      orderAmount: request.orderAmount,
      currency,
      decision: check.decision,
      reasons: check.reasons.map((reason) => reason.code),
      exposure,
    },
  };
  await deps.store.commit([{ kind: 'appendEvent', subject: { debtorId: debtor.id }, event }]);
  return {
    decision: check.decision,
    reasons: check.reasons,
    exposure,
    creditLimit: creditLimit ?? null,
    available: creditLimit === undefined ? null : Math.max(0, creditLimit - exposure),
    currency,
  };
}

/** The order authority of a person by their roles: a manager or admin decides without a limit. */
export function authorityOfRoles(roles: readonly string[]): OrderAuthorityHolder | 'unlimited' {
  return roles.some((role) => role === 'manager' || role === 'admin') ? 'unlimited' : 'controller';
}

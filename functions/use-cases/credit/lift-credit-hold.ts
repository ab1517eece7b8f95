import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { creditHoldRulesOf, whyHoldStands } from '../../core/credit/credit-hold';
import { chooseSegment } from '../../core/dunning/segment';
import { hasOpenBalance } from '../../core/ledger/invoice';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Clock } from '../../ports/clock';
import type { CreditStore, DebtorRecord } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import { logger } from '../../shared/observability';
import { behaviourOf } from '../dunning/start-dunning';
import { policyFor } from '../policies/policy-catalogue';
import { retryOnConflict, revised } from '../record-versions';
import { publishCreditStatus } from './credit-status';

export interface CreditHoldDeps {
  store: CreditStore;
  clock: Clock;
  notifier: Notifier;
}

const WORKFLOW = 'workflow';

/**
 * Lifts the credit hold the account-manager step set once it no longer stands (see
 * `whyHoldStands`): run when one of the debtor's invoices was settled or cancelled. The change
 * and its timeline entry are one write, conditional on the debtor's version; the `credit-status`
 * message follows it. Returns whether the hold was lifted.
 */
export async function liftCreditHoldIfDue(deps: CreditHoldDeps, debtorId: string): Promise<boolean> {
  const lifted = await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(debtorId);
    if (!debtor?.creditHold) return undefined;
    const now = deps.clock.now();
    const standing = await whyItStands(deps.store, debtor, now);
    if (standing) return undefined;
    const after = revised(debtor, { creditHold: false, creditHoldDetail: undefined }, now);
    const event: TimelineEvent = {
      at: now.toISOString(),
      type: 'credit_hold_lifted',
      actor: WORKFLOW,
      summary: 'Credit hold lifted: no invoice is long overdue any more',
      details: { invoiceIds: debtor.creditHoldDetail?.invoiceIds ?? [] },
    };
    await deps.store.commit([
      { kind: 'putDebtor', debtor: after, expectedVersion: debtor.version },
      { kind: 'appendEvent', subject: { debtorId }, event },
    ]);
    return after;
  });
  if (!lifted) return false;
  logger.info('Credit hold lifted', { debtorId });
  await publishLift(deps, lifted);
  return true;
}

async function publishLift(deps: CreditHoldDeps, debtor: DebtorRecord): Promise<void> {
  await publishCreditStatus(deps.notifier, debtor, {
    at: debtor.updatedAt,
    by: WORKFLOW,
    reason: 'no invoice is long overdue any more',
  });
}

async function whyItStands(store: CreditStore, debtor: DebtorRecord, now: Date): Promise<string | undefined> {
  // A hold stored before its details were kept was set by the account-manager step.
  const hold = debtor.creditHoldDetail ?? {
    since: debtor.updatedAt,
    reason: 'escalated to the account manager',
    invoiceIds: [],
    setBy: WORKFLOW,
  };
  if (hold.setBy !== WORKFLOW) return 'set by hand';
  const segment = chooseSegment(debtor, behaviourOf(debtor.behaviour)).segment;
  const policy = await policyFor(store, segment, undefined, { storeSeed: false });
  const invoices = await store.listInvoicesOfDebtor(debtor.id);
  const open = new Set(invoices.filter(hasOpenBalance).map((invoice) => invoice.id));
  const plans = await store.listPlansOfDebtor(debtor.id);
  const brokenPlansWithOpenInvoices = plans.filter(
    (plan) => plan.status === 'broken' && plan.parts.some((part) => open.has(part.invoiceId)),
  ).length;
  return whyHoldStands({
    hold,
    invoices,
    brokenPlansWithOpenInvoices,
    thresholdDays: policy ? creditHoldRulesOf(policy).thresholdDays : 0,
    today: localDate(now, policy?.timeZone ?? BUSINESS_TIME_ZONE),
  });
}

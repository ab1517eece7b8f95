import { localDate } from '../../core/calendar/time-zone';
import { creditHoldRulesOf } from '../../core/credit/credit-hold';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { DebtorRecord, StoreWrite } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import type { ColleagueLanguage } from '../../templates/colleagues/colleague-words';
import { publishCreditStatus } from '../credit/credit-status';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { accountManagerAlert } from '../messages/account-manager-alert';
import { alertOfTheDay } from '../messages/alert-of-the-day';
import { historyOfDebtor } from '../messages/history-of-debtor';
import { revised } from '../record-versions';
import { checkStep } from './check-step';
import { debtorSummary } from './debtor-summary';
import { recordStep, type StepDeps, WORKFLOW_ACTOR } from './record-step';
import { type Replayed, replayed, type Skipped } from './step-outcome';
import type { StepPayload } from './step-payload';
import { reassessedAfterEscalation } from '../score/reassess-debtor';

export interface AccountManagerDeps extends StepDeps {
  notifier: Notifier;
  /** The language of an alert to an account manager whose own is not known; Dutch when not given. */
  businessLanguage?: ColleagueLanguage;
}

export type AccountManagerOutcome = { status: 'done' } | Skipped | Replayed;

/**
 * Tells the account manager that their customer does not pay, with the whole account, and puts
 * the debtor on credit hold (no new orders on credit) in the same transaction as the step's
 * record, when the policy says so (a key account's manager decides for themselves). One alert per
 * debtor and day: the invoices of the debtor that reach this step the same day share it (the
 * first to claim the day sends it; see `alertOfTheDay`). The alert goes first: if the record then
 * fails, the retry may send it twice, which is better than a hold nobody was told about. A new
 * hold is published on `credit-status` once it is recorded.
 */
export async function notifyAccountManager(
  deps: AccountManagerDeps,
  payload: StepPayload,
): Promise<AccountManagerOutcome> {
  const check = await checkStep(deps, payload);
  if ('outcome' in check) return check.outcome;
  const { invoice, policy, recorded } = check.active;
  if (recorded) return replayed(recorded);

  const debtor = await debtorOfInvoice(deps.store, invoice);
  const now = deps.clock.now();
  const today = localDate(now, policy.timeZone);
  const setsHold = creditHoldRulesOf(policy).holdAtAccountManager;
  const onHold = setsHold || debtor.creditHold;
  let newHold: DebtorRecord | undefined;
  const alert = await alertOfTheDay(deps.store, {
    debtorId: debtor.id,
    day: today,
    owner: payload.execution,
    invoiceId: invoice.id,
    at: now.toISOString(),
  });
  // The invoice's own retry (or its restored execution) sends what it claimed.
  const sends = alert.invoiceId === invoice.id;
  const manager = debtor.accountManager;
  if (sends) {
    const invoices = await deps.store.listInvoicesOfDebtor(debtor.id);
    const summary = debtorSummary(debtor, invoices, today);
    const open = new Set(summary.openInvoices.map((each) => each.invoiceId));
    const history = await historyOfDebtor(
      deps.store,
      debtor.id,
      invoices.filter((each) => open.has(each.id)),
    );
    await deps.notifier.publish(
      accountManagerAlert({
        day: today,
        debtor,
        summary,
        history,
        escalatedFor: { invoiceId: invoice.id, number: invoice.number, currency: invoice.currency },
        creditHold: onHold,
        businessLanguage: deps.businessLanguage ?? 'nl',
      }),
    );
  }
  const told = manager
    ? `Account manager ${manager.name}`
    : "The account managers' lead (no account manager on file)";

  await recordStep(deps, payload, {
    status: 'done',
    event: {
      type: 'account_manager_notified',
      summary: sends
        ? `${told} told; the debtor is ${onHold ? 'on' : 'not on'} credit hold`
        : `${told} told in today's alert about this debtor (sent for another invoice); the debtor is ${onHold ? 'on' : 'not on'} credit hold`,
      details: { accountManager: manager?.email ?? null, alertDay: today, alertSentFor: alert.invoiceId },
    },
    // Re-read inside the transaction's retry: a payment may have changed the debtor meanwhile.
    alsoWrite: async (_invoice, now): Promise<StoreWrite[]> => {
      const current = await deps.store.getDebtor(debtor.id);
      if (!current) throw new Error(`debtor ${debtor.id} disappeared`);
      const at = now.toISOString();
      const hold = setsHold ? heldFor(current, invoice.id, at) : {};
      const behaviour = { ...current.behaviour, escalations: current.behaviour.escalations + 1 };
      const reassessed = await reassessedAfterEscalation(deps.store, current, behaviour, now);
      const after = revised(current, { ...hold, ...reassessed.fields }, now);
      newHold = setsHold && !current.creditHold ? after : undefined;
      const writes: StoreWrite[] = [
        { kind: 'putDebtor', debtor: after, expectedVersion: current.version },
        ...reassessed.writes,
      ];
      if (newHold) {
        const held: TimelineEvent = {
          at,
          type: 'credit_hold_set',
          actor: WORKFLOW_ACTOR,
          summary: `Credit hold set: invoice ${invoice.number} escalated to the account manager`,
          details: { invoiceId: invoice.id },
        };
        writes.push({ kind: 'appendEvent', subject: { debtorId: debtor.id }, event: held });
      }
      return writes;
    },
  });
  if (newHold) {
    await publishCreditStatus(deps.notifier, newHold, {
      at: newHold.updatedAt,
      by: WORKFLOW_ACTOR,
      reason: `invoice ${invoice.number} escalated to the account manager`,
    });
  }
  return { status: 'done' };
}

/** The hold with this invoice among those it was set for; a hold already set keeps its day and reason. */
function heldFor(debtor: DebtorRecord, invoiceId: string, at: string): Partial<DebtorRecord> {
  const detail = debtor.creditHold ? debtor.creditHoldDetail : undefined;
  if (debtor.creditHold && !detail) return {};
  return {
    creditHold: true,
    creditHoldDetail: {
      since: detail?.since ?? at,
      reason: detail?.reason ?? 'escalated to the account manager',
      invoiceIds: [...new Set([...(detail?.invoiceIds ?? []), invoiceId])],
      setBy: detail?.setBy ?? WORKFLOW_ACTOR,
    },
  };
}

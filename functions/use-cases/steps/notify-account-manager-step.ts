import { localDate } from '../../core/calendar/time-zone';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { StoreWrite } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { revised } from '../record-versions';
import { checkStep } from './check-step';
import { debtorSummary } from './debtor-summary';
import { recordStep, type StepDeps, WORKFLOW_ACTOR } from './record-step';
import { type Replayed, replayed, type Skipped } from './step-outcome';
import type { StepPayload } from './step-payload';

export interface AccountManagerDeps extends StepDeps {
  notifier: Notifier;
}

export type AccountManagerOutcome = { status: 'done' } | Skipped | Replayed;

/**
 * Tells the account manager that their customer does not pay, with the whole account, and puts
 * the debtor on credit hold (no new orders on credit) in the same transaction as the step's
 * record. The notice goes first: if the record then fails, the retry may notify twice, which is
 * better than a hold nobody was told about.
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
  const today = localDate(deps.clock.now(), policy.timeZone);
  const summary = debtorSummary(debtor, await deps.store.listInvoicesOfDebtor(debtor.id), today);
  await deps.notifier.publish({
    topic: 'account-managers',
    subject: `Customer does not pay: invoice ${invoice.number} is still open`,
    message: {
      escalatedFor: { invoiceId: invoice.id, number: invoice.number },
      creditHold: true,
      ...summary,
    },
    attributes: { kind: 'account_manager_escalation' },
  });

  await recordStep(deps, payload, {
    status: 'done',
    event: {
      type: 'account_manager_notified',
      summary: `Account manager ${summary.accountManager?.name ?? '(none: sent to their lead)'} told; the debtor is on credit hold`,
      details: { accountManager: summary.accountManager?.email ?? null },
    },
    // Re-read inside the transaction's retry: a payment may have changed the debtor meanwhile.
    alsoWrite: async (_invoice, now): Promise<StoreWrite[]> => {
      const current = await deps.store.getDebtor(debtor.id);
      if (!current) throw new Error(`debtor ${debtor.id} disappeared`);
      const at = now.toISOString();
      const writes: StoreWrite[] = [
        {
          kind: 'putDebtor',
          debtor: revised(
            current,
            {
              creditHold: true,
              behaviour: { ...current.behaviour, escalations: current.behaviour.escalations + 1 },
            },
            now,
          ),
          expectedVersion: current.version,
        },
      ];
      if (!current.creditHold) {
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
  return { status: 'done' };
}

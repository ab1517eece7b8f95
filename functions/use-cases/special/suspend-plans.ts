import { isPaused, pausedDunning } from '../../core/dunning/dunning-pause';
import { SPECIAL_MANAGEMENT_REF, type SpecialManagement } from '../../core/special/special-management';
import type { Insolvency } from '../../core/special/insolvency';
import type { StoreWrite } from '../../ports/credit-store';
import type { PlanWorkflow } from '../../ports/plan-workflow';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';

/**
 * An insolvency suspends the debtor's active payment plan: from the court's decision individual
 * collection stops, so the plan's instalment reminders must not reach the debtor (art. 33 Fw;
 * art. 299 Fw for the WSNP), and its payments would no longer be the debtor's to make. It is not
 * broken: breaking would make the rest due at once, email the debtor and resume the dunning.
 * Its invoices stay paused, now under the special management, and are claimed in the insolvency.
 * The plan is written first (its reminder and check skip a plan that is not active), then its
 * execution is stopped.
 */
export async function suspendPlansOf(
  deps: DunningDeps & { plans?: PlanWorkflow },
  debtorId: string,
  insolvency: Insolvency,
  management: SpecialManagement,
): Promise<string[]> {
  const suspended: string[] = [];
  for (const { id } of await deps.store.listPlansOfDebtor(debtorId)) {
    const execution = await retryOnConflict(async () => {
      const plan = await deps.store.getPlan(id);
      if (plan?.status !== 'active') return undefined;
      const now = deps.clock.now();
      const at = now.toISOString();
      const summary = `Payment plan suspended: ${insolvency.kind.replaceAll('_', ' ')} since ${insolvency.date} (${insolvency.caseNumber}); no more instalment reminders, what is open is claimed in the insolvency`;
      const writes: StoreWrite[] = [
        {
          kind: 'putPlan',
          plan: revised(plan, { status: 'suspended', endedAt: at }, now),
          expectedVersion: plan.version,
        },
        {
          kind: 'appendEvent',
          subject: { debtorId },
          event: {
            at,
            type: 'payment_plan_suspended',
            actor: insolvency.openedBy,
            summary,
            details: { planId: plan.id },
          },
        },
      ];
      for (const part of plan.parts) {
        const invoice = await deps.store.getInvoice(part.invoiceId);
        const dunning = invoice?.dunning;
        if (!invoice || !isPaused(dunning) || dunning.pauseRef !== plan.id) continue;
        const repaused = pausedDunning(dunning, {
          reason: 'special_management',
          by: management.by,
          at,
          ref: SPECIAL_MANAGEMENT_REF,
          note: management.reason,
        });
        writes.push(
          {
            kind: 'putInvoice',
            invoice: revised(invoice, { dunning: repaused }, now),
            expectedVersion: invoice.version,
          },
          {
            kind: 'appendEvent',
            subject: { invoiceId: invoice.id },
            event: { at, type: 'payment_plan_suspended', actor: insolvency.openedBy, summary },
          },
        );
      }
      await deps.store.commit(writes);
      return plan.execution;
    });
    if (!execution) continue;
    await deps.plans?.stop(execution, 'insolvency');
    suspended.push(id);
  }
  return suspended;
}

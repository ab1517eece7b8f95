import { localDate } from '../../core/calendar/time-zone';
import { formatMoney } from '../../core/money';
import { planRulesOf } from '../../core/plans/plan-rules';
import { monthlyInstalments } from '../../core/self-service/self-service-plan';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import type { SubmissionResult } from '../../ports/self-service-records';
import { policyOfInvoice } from '../claims/invoice-policy';
import { raiseDispute } from '../disputes/raise-dispute';
import { createPlan } from '../plans/create-plan';
import { takePromise } from '../promises/take-promise';
import { invalid, Refusal } from '../refusal';
import { moveOwnPromise } from './move-promise';
import { payNow } from './pay-now';
import type { ActionFields } from './action-fields';
import { openInvoicesOf } from './page-view';
import { DEBTOR_ACTOR, DEBTOR_BY, type SelfServiceDeps } from './self-service-deps';
import { requestTask } from './self-service-task';

export interface ActionContext {
  debtor: DebtorRecord;
  /** The submission's key: names the tasks it raises, so that a repeat raises none. */
  submission: string;
  /** API Gateway's request id: recorded with a plan the debtor accepted. */
  requestId: string;
  /** The page's own address, where a payment brings the debtor back. */
  pageUrl: string;
}

/**
 * Runs one form of the page through the use case a controller would use, within the same policy
 * limits, as done by the debtor. A refusal of that use case (a date too far ahead, an invoice
 * already paused) goes back to the page as it is.
 */
export async function runAction(
  deps: SelfServiceDeps,
  context: ActionContext,
  fields: ActionFields,
): Promise<SubmissionResult> {
  switch (fields.action) {
    case 'promise':
      return promise(deps, context, fields);
    case 'dispute':
      return dispute(deps, context, fields);
    case 'plan':
      return plan(deps, context, fields);
    case 'call_back':
      return callBack(deps, context, fields);
    case 'pay':
      return payNow(deps, context, fields);
  }
}

async function promise(
  deps: SelfServiceDeps,
  { debtor }: ActionContext,
  fields: Extract<ActionFields, { action: 'promise' }>,
): Promise<SubmissionResult> {
  const invoice = await ownInvoice(deps, debtor, fields.invoiceId);
  const promises = await deps.store.listPromisesOfDebtor(debtor.id);
  const open = promises.find(
    (candidate) =>
      candidate.status === 'open' &&
      candidate.invoiceIds.includes(invoice.id) &&
      invoice.dunning?.pauseRef === candidate.id,
  );
  const values = { invoice: invoice.number, date: fields.promisedDate };
  if (open) {
    await moveOwnPromise(deps, open.id, fields.promisedDate);
    return { outcome: 'promise_moved', values };
  }
  await takePromise(deps, {
    invoiceIds: [invoice.id],
    debtorId: debtor.id,
    promisedDate: fields.promisedDate,
    by: DEBTOR_BY,
    isManager: false,
    actor: DEBTOR_ACTOR,
  });
  return { outcome: 'promise_taken', values };
}

async function dispute(
  deps: SelfServiceDeps,
  { debtor }: ActionContext,
  fields: Extract<ActionFields, { action: 'dispute' }>,
): Promise<SubmissionResult> {
  const invoice = await ownInvoice(deps, debtor, fields.invoiceId);
  const raised = await raiseDispute(deps, {
    invoiceId: invoice.id,
    cause: fields.cause,
    ...(fields.amount !== undefined ? { amount: fields.amount } : {}),
    note: fields.explanation,
    by: DEBTOR_BY,
    actor: DEBTOR_ACTOR,
  });
  return {
    outcome: raised.partial ? 'dispute_partial' : 'dispute_raised',
    values: {
      invoice: invoice.number,
      amount: formatMoney({ amount: raised.amount, currency: raised.currency }, debtor.language),
    },
  };
}

/**
 * A plan over every open invoice in the number of monthly instalments the debtor picked. Where the
 * policy allows self-service plans it starts at once and the debtor's acceptance is recorded with
 * its moment and the request id; where it does not, or where the plan needs a manager (a longer
 * term, a plan broken lately) or is not what the policy allows, the owner gets a task to set it up.
 */
async function plan(
  deps: SelfServiceDeps,
  context: ActionContext,
  fields: Extract<ActionFields, { action: 'plan' }>,
): Promise<SubmissionResult> {
  const { debtor } = context;
  const invoices = await openInvoicesOf(deps, debtor.id);
  const oldest = invoices[0];
  if (!oldest)
    throw invalid([{ path: 'instalments', message: 'there is nothing open to pay in instalments' }]);
  const policy = await policyOfInvoice(deps.store, oldest, debtor);
  const rules = planRulesOf(policy);
  const now = deps.clock.now();
  const total = invoices.reduce((sum, invoice) => sum + invoice.openAmount, 0);
  const instalments = monthlyInstalments(total, fields.instalments, localDate(now, policy.timeZone), rules);
  const values = { instalments: String(fields.instalments) };
  if (policy.selfServicePlans === true) {
    try {
      const agreed = await createPlan(deps, {
        debtorId: debtor.id,
        invoiceIds: invoices.map((invoice) => invoice.id),
        instalments,
        by: DEBTOR_BY,
        isManager: false,
        actor: DEBTOR_ACTOR,
      });
      const at = now.toISOString();
      await deps.store.commit([
        {
          kind: 'appendEvent',
          subject: { debtorId: debtor.id },
          event: {
            at,
            type: 'debtor_request',
            actor: DEBTOR_ACTOR,
            summary: `The debtor accepted payment plan ${agreed.id} on the self-service page`,
            details: {
              planId: agreed.id,
              acceptedAt: at,
              requestId: context.requestId,
              instalments: instalments.length,
            },
          },
        },
      ]);
      return { outcome: 'plan_started', values: { ...values, reference: agreed.reference } };
    } catch (error) {
      // Only a plan the rules leave to a person becomes a task; anything else is the page's answer.
      if (!(error instanceof Refusal) || !['forbidden', 'invalid'].includes(error.kind)) throw error;
    }
  }
  const money = formatMoney({ amount: total, currency: oldest.currency }, 'en');
  await requestTask(deps, {
    debtor,
    invoice: oldest,
    kind: 'set_up_payment_plan',
    submission: context.submission,
    summary: `Set up a payment plan: the debtor asked on the self-service page for ${money} in ${fields.instalments} monthly instalments`,
    details: { instalments: fields.instalments, invoiceIds: invoices.map((invoice) => invoice.id) },
  });
  return { outcome: 'plan_requested', values };
}

async function callBack(
  deps: SelfServiceDeps,
  context: ActionContext,
  fields: Extract<ActionFields, { action: 'call_back' }>,
): Promise<SubmissionResult> {
  const { debtor } = context;
  const [oldest] = await openInvoicesOf(deps, debtor.id);
  if (!oldest) throw invalid([{ path: 'phone', message: 'there is no open invoice to call about' }]);
  await requestTask(deps, {
    debtor,
    invoice: oldest,
    kind: 'call_back_requested',
    submission: context.submission,
    summary: `Call the debtor back on ${fields.phone}, preferably ${fields.preferredTime}: asked on the self-service page`,
    details: { phone: fields.phone, preferredTime: fields.preferredTime },
  });
  return { outcome: 'call_back', values: { phone: fields.phone, time: fields.preferredTime } };
}

/** The invoice, if it is one of this debtor's open ones; otherwise the field is wrong. */
async function ownInvoice(
  deps: SelfServiceDeps,
  debtor: DebtorRecord,
  invoiceId: string,
): Promise<InvoiceRecord> {
  const invoice = (await openInvoicesOf(deps, debtor.id)).find((candidate) => candidate.id === invoiceId);
  if (!invoice) throw invalid([{ path: 'invoiceId', message: 'choose one of your open invoices' }]);
  return invoice;
}

import { randomUUID } from 'node:crypto';
import { addYears } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import { isPaused } from '../../core/dunning/dunning-pause';
import { hasOpenBalance, isCollecting } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import {
  brokenSince,
  type PaymentPlan,
  type PlanInvoicePart,
  planExecutionName,
  planTotal,
} from '../../core/plans/payment-plan';
import { type PlanRules, planRulesOf } from '../../core/plans/plan-rules';
import { needsManager, planIssues, type ProposedInstalment } from '../../core/plans/plan-validation';
import type { DebtorRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { invoiceClaim } from '../claims/invoice-claim';
import { policyOfInvoice } from '../claims/invoice-policy';
import {
  pausedInvoice,
  pauseWrites,
  refuseUnlessPausable,
  stopPausedExecutions,
} from '../dunning/pause-dunning';
import { firstVersion, retryOnConflict, revised } from '../record-versions';
import { conflict, forbidden, invalid, notFound } from '../refusal';
import type { PlanDeps } from './plan-deps';
import { sendPlanEmail } from './plan-email';
import { startPlanExecution } from './plan-execution';
import { referenceForPlan } from './plan-reference';
import { type PlanView, planView } from './plan-view';

export interface CreatePlanInput {
  debtorId: string;
  invoiceIds: readonly string[];
  instalments: readonly ProposedInstalment[];
  /** The user's id (`sub`). */
  by: string;
  /** Managers may agree a longer plan, or one with a debtor who broke a plan in the last year. */
  isManager: boolean;
  /** The special team (or a manager): for a debtor under special management the policy's limits do not bind. */
  isSpecialTeam?: boolean;
  /** Who the timeline names instead of `user:<by>`: `debtor` for a plan from the self-service page. */
  actor?: string;
}

/**
 * Agrees a payment plan: checks the schedule against the invoices and the policy, stores the plan
 * with its own reference, pauses each invoice's dunning (`pausedFor: payment_plan`, replacing the
 * week's pause of a requested plan and closing its task) in one transaction; then stops the
 * running executions, starts the plan's execution and confirms the schedule to the debtor.
 */
export async function createPlan(deps: PlanDeps, input: CreatePlanInput): Promise<PlanView> {
  const { plan, before } = await retryOnConflict(async () => {
    const { debtor, invoices, parts, total, currency, rules, policy, special, managerReasons, now } =
      await agreeablePlan(deps, input);
    const id = `plan-${randomUUID()}`;
    const reference = await referenceForPlan(deps.store, id, deps.creditor.referenceScheme);
    const at = now.toISOString();
    const actor = input.actor ?? `user:${input.by}`;
    const plan: PaymentPlan = {
      id,
      debtorId: debtor.id,
      currency,
      status: 'active',
      reference: reference.electronic,
      parts,
      instalments: input.instalments.map((instalment, index) => ({
        number: index + 1,
        dueDate: instalment.dueDate,
        amount: instalment.amount,
        paidAmount: 0,
        status: 'open',
      })),
      includesInterestAndCosts: rules.includesInterestAndCosts,
      graceDays: rules.graceDays,
      reminderDaysBefore: rules.reminderDaysBefore,
      policyId: policy.id,
      timeZone: policy.timeZone,
      sendAt: policy.sendAt,
      createdBy: actor,
      createdAt: at,
      execution: planExecutionName(id, 1),
      attempt: 1,
      ...(managerReasons.length > 0 || special
        ? { managerApproval: [...(special ? [SPECIAL_ARRANGEMENT] : []), ...managerReasons].join('; ') }
        : {}),
    };
    const money = formatMoney({ amount: total, currency }, 'en');
    const summary = `Payment plan ${reference.printed} agreed by ${input.by}: ${money} in ${plan.instalments.length} instalments, the last on ${plan.instalments.at(-1)?.dueDate}`;
    const details = {
      planId: id,
      reference: reference.electronic,
      total,
      instalments: plan.instalments.length,
    };
    const writes: StoreWrite[] = [
      { kind: 'putPlan', plan: firstVersion(plan, at), expectedVersion: null },
      { kind: 'putPlanReference', reference: reference.electronic, planId: id },
      {
        kind: 'appendEvent',
        subject: { debtorId: debtor.id },
        event: { at, type: 'payment_plan_agreed', actor, summary, details },
      },
    ];
    const requestTasks = new Set<string>();
    for (const invoice of invoices) {
      const requestTask =
        invoice.dunning?.pausedFor === 'plan_requested' ? invoice.dunning.pauseRef : undefined;
      if (requestTask && !requestTasks.has(requestTask)) {
        requestTasks.add(requestTask);
        writes.push(...(await closedRequestTask(deps, requestTask, id, actor, now)));
      }
      const paused = await pausedInvoice(
        deps.store,
        withoutPause(invoice),
        debtor,
        { reason: 'payment_plan', by: actor, at, ref: id },
        now,
      );
      writes.push(...pauseWrites(invoice, paused, `Dunning paused for payment plan ${reference.printed}`), {
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: { at, type: 'payment_plan_agreed', actor, summary, details },
      });
    }
    await deps.store.commit(writes);
    return { plan, before: invoices };
  });
  await stopPausedExecutions(deps.workflow, before, 'payment plan');
  await startPlanExecution(deps.plans, plan);
  await sendPlanEmail(deps, plan, {
    kind: 'agreed',
    key: `${plan.id}#agreed`,
    due: plan.instalments[0]!,
    actor: plan.createdBy,
  });
  return planView(plan);
}

/** What a plan asked for is checked against, and what agreeing it writes from. */
interface AgreeablePlan {
  debtor: DebtorRecord;
  invoices: InvoiceRecord[];
  parts: PlanInvoicePart[];
  total: number;
  currency: string;
  rules: PlanRules;
  policy: Awaited<ReturnType<typeof policyOfInvoice>>;
  special: boolean;
  /** Why only a manager may agree it (already checked against the caller); empty when anyone may. */
  managerReasons: string[];
  now: Date;
}

/**
 * Every check of a plan, reading only: the debtor, its invoices, the schedule against the policy,
 * the pauses it replaces, one active plan at a time, who may agree it. A refusal is the same 4xx
 * whether the plan is being agreed or only checked.
 */
async function agreeablePlan(deps: PlanDeps, input: CreatePlanInput): Promise<AgreeablePlan> {
  const debtor = await deps.store.getDebtor(input.debtorId);
  if (!debtor) throw notFound(`Debtor ${input.debtorId} does not exist.`, 'debtor_not_found');
  const special = specialArrangement(debtor, input);
  const invoices = await invoicesOf(deps, debtor, input.invoiceIds);
  const oldest = invoices[0]!;
  const policy = await policyOfInvoice(deps.store, oldest, debtor);
  const rules = special ? beyondPolicyLimits(planRulesOf(policy)) : planRulesOf(policy);
  const now = deps.clock.now();
  const today = localDate(now, policy.timeZone);
  const currency = oldest.currency;

  const parts = await Promise.all(
    invoices.map(async (invoice): Promise<PlanInvoicePart> => {
      const dueNow = rules.includesInterestAndCosts
        ? await interestAndCostsDue(deps, invoice.id, today)
        : { interest: 0, costs: 0 };
      return {
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        dueDate: invoice.dueDate,
        issueDate: invoice.issueDate,
        principal: invoice.openAmount,
        ...dueNow,
        paid: { costs: 0, interest: 0, principal: 0 },
      };
    }),
  );
  const total = planTotal({ parts });
  const issues = planIssues({ instalments: input.instalments, total, currency, today, rules });
  if (issues.length > 0) throw invalid(issues, 'The payment plan cannot be agreed as asked.');
  for (const invoice of invoices) {
    const replaced = special ? ['plan_requested', 'special_management'] : ['plan_requested'];
    if (!replaced.includes(invoice.dunning?.pausedFor ?? ''))
      refuseUnlessPausable(invoice, 'payment_plan', 'plan');
  }

  const earlier = await deps.store.listPlansOfDebtor(debtor.id);
  const active = earlier.find((plan) => plan.status === 'active');
  if (active) {
    throw conflict(
      `Debtor ${debtor.id} already has an active payment plan (${active.id}); a debtor has one plan at a time.`,
      'plan_active',
    );
  }
  const yearAgo = addYears(today, -1);
  const managerReasons = needsManager({
    lastDueDate: input.instalments.at(-1)?.dueDate,
    today,
    maxPlanMonths: rules.maxPlanMonths,
    brokeAPlanRecently: earlier.some((plan) => brokenSince(plan, yearAgo)),
  });
  if (managerReasons.length > 0 && !input.isManager && !special) {
    throw forbidden(`Only a manager may agree this payment plan: ${managerReasons.join('; ')}.`);
  }
  return { debtor, invoices, parts, total, currency, rules, policy, special, managerReasons, now };
}

/** The answer to a plan checked without agreeing it: what it would be, nothing written. */
export interface PlanCheck {
  valid: true;
  currency: string;
  /** What the instalments must add up to, in cents: the invoices' open amounts (with interest and costs where the policy says). */
  total: number;
  instalments: number;
  /** Why a manager's approval is part of it, where it is. */
  managerApproval?: string;
}

/**
 * Checks a plan as `createPlan` would agree it, with the same refusals and field messages, and
 * writes nothing: the console checks the schedule as the controller types it.
 */
export async function checkPlan(deps: PlanDeps, input: CreatePlanInput): Promise<PlanCheck> {
  const { total, currency, special, managerReasons } = await agreeablePlan(deps, input);
  const approval = [...(special ? [SPECIAL_ARRANGEMENT] : []), ...managerReasons];
  return {
    valid: true,
    currency,
    total,
    instalments: input.instalments.length,
    ...(approval.length > 0 ? { managerApproval: approval.join('; ') } : {}),
  };
}

/**
 * The plan's invoices, oldest first (the order payments are booked in): each named once, the
 * debtor's, in one currency, and still open. A bad list is a 400 naming `invoiceIds`.
 */
async function invoicesOf(
  deps: PlanDeps,
  debtor: DebtorRecord,
  invoiceIds: readonly string[],
): Promise<InvoiceRecord[]> {
  const ids = [...new Set(invoiceIds)];
  if (ids.length === 0) throw invalid([{ path: 'invoiceIds', message: 'name at least one invoice' }]);
  const invoices: InvoiceRecord[] = [];
  for (const id of ids) {
    const invoice = await deps.store.getInvoice(id);
    if (!invoice) throw invalid([{ path: 'invoiceIds', message: `invoice ${id} does not exist` }]);
    if (invoice.debtorId !== debtor.id) {
      throw invalid([
        { path: 'invoiceIds', message: `invoice ${id} belongs to another debtor than ${debtor.id}` },
      ]);
    }
    if (!isCollecting(invoice) || !hasOpenBalance(invoice)) {
      throw invalid([
        {
          path: 'invoiceIds',
          message: `invoice ${id} is ${invoice.status.replace('_', ' ')}: only open invoices go into a plan`,
        },
      ]);
    }
    invoices.push(invoice);
  }
  if (invoices.some((invoice) => invoice.currency !== invoices[0]!.currency)) {
    throw invalid([{ path: 'invoiceIds', message: 'the invoices of one plan must share one currency' }]);
  }
  return invoices.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.issueDate.localeCompare(b.issueDate) ||
      a.id.localeCompare(b.id),
  );
}

const SPECIAL_ARRANGEMENT = 'agreed under special management, beyond the policy limits where needed';

/**
 * A plan the special team agrees with a debtor under its management is an arrangement of its own
 * (a longer term, smaller instalments, a debtor who broke a plan before): the policy's limits do
 * not bind it. Refused while an insolvency is open: then nothing is collected from the debtor.
 */
function specialArrangement(debtor: DebtorRecord, input: CreatePlanInput): boolean {
  if (debtor.insolvency?.status === 'open') {
    throw conflict(
      `Debtor ${debtor.id} is in ${debtor.insolvency.kind.replaceAll('_', ' ')}: no payment plan while it lasts; its claim is filed with the administrator.`,
      'insolvency_open',
    );
  }
  return debtor.management === 'special' && input.isSpecialTeam === true;
}

/** The schedule rules that stay (dates ascending, amounts adding up), without the policy's limits. */
function beyondPolicyLimits(rules: PlanRules): PlanRules {
  return { ...rules, minInstalmentAmount: 1, maxDaysToFirstInstalment: 3650, maxPlanMonths: 1200 };
}

/** Interest and costs already due on the plan's first day, as the claim states them. */
async function interestAndCostsDue(
  deps: PlanDeps,
  invoiceId: string,
  today: string,
): Promise<{ interest: number; costs: number }> {
  const claim = await invoiceClaim(deps, invoiceId, today);
  const costsDue = claim.costs.dueFrom !== null && claim.costs.dueFrom <= today;
  return { interest: claim.interest.amount, costs: costsDue ? claim.costs.amount + claim.costs.vat : 0 };
}

/** The invoice without the week's pause of a requested plan, which the plan replaces. */
function withoutPause(invoice: InvoiceRecord): InvoiceRecord {
  if (!isPaused(invoice.dunning)) return invoice;
  const { pausedUntil: _until, pauseRef: _ref, pauseNote: _note, ...dunning } = invoice.dunning;
  return { ...invoice, dunning };
}

/** The set-up-payment-plan task of the call outcome plan_requested, closed: the plan is set up. */
async function closedRequestTask(
  deps: PlanDeps,
  taskId: string,
  planId: string,
  actor: string,
  now: Date,
): Promise<StoreWrite[]> {
  const task = await deps.store.getTask(taskId);
  if (!task || task.status !== 'open') return [];
  const at = now.toISOString();
  const by = actor.replace(/^user:/, '');
  return [
    {
      kind: 'putTask',
      task: revised(
        task,
        { status: 'closed', outcome: { result: 'done', note: `payment plan ${planId}`, by, at } },
        now,
      ),
      expectedVersion: task.version,
    },
  ];
}

import { type CalendarDate, isAfter } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  claimDeadlineOf,
  type Insolvency,
  type InsolvencyKind,
  specialManagementReasonOf,
} from '../../core/special/insolvency';
import { isUnderSpecialManagement, type SpecialManagement } from '../../core/special/special-management';
import { ownerStamp } from '../../core/worklist/account-owner';
import type { DebtorRecord, StoreWrite, TaskRecord } from '../../ports/credit-store';
import type { DunningDeps } from '../dunning/start-dunning';
import { firstVersion, retryOnConflict, revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';
import { pauseInvoicesOf, specialManagementStartWrites } from './special-management';
import { moveTasksOfDebtor } from './special-tasks';
import { suspendPlansOf } from './suspend-plans';
import type { PlanWorkflow } from '../../ports/plan-workflow';

export interface InsolvencyInput {
  kind: InsolvencyKind;
  date: CalendarDate;
  court: string;
  caseNumber: string;
  administrator: { name: string; email?: string };
  claimDeadline?: CalendarDate;
  /** The user's id (`sub`). */
  by: string;
  /** Who the timeline names instead of `user:<by>` (the insolvency register's hit). */
  actor?: string;
}

/** The task to file the claim: one per insolvency. */
function fileClaimTaskId(debtorId: string, date: CalendarDate): string {
  return `insolvency-claim--${debtorId}--${date}`;
}

/**
 * POST /debtors/{id}/insolvency: records the court's decision. The debtor goes under special
 * management in the same transaction (if it was not already), so no execution starts and no
 * letter goes out from then on; every running dunning is paused and stopped after it; and a task
 * on the special team's list says to file the claim with the administrator before the deadline.
 */
export async function openInsolvency(
  deps: DunningDeps & { claimDays: number; plans?: PlanWorkflow },
  debtorId: string,
  input: InsolvencyInput,
): Promise<{
  debtorId: string;
  insolvency: Insolvency;
  taskId: string;
  invoicesPaused: string[];
  plansSuspended: string[];
}> {
  const { insolvency, management } = await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(debtorId);
    if (!debtor) throw notFound(`Debtor ${debtorId} does not exist.`, 'debtor_not_found');
    if (debtor.insolvency?.status === 'open') {
      throw conflict(
        `Debtor ${debtorId} is in ${debtor.insolvency.kind.replaceAll('_', ' ')} already (${debtor.insolvency.caseNumber}).`,
        'insolvency_open',
      );
    }
    const now = deps.clock.now();
    const today = localDate(now, BUSINESS_TIME_ZONE);
    if (isAfter(input.date, today)) {
      throw invalid([
        { path: 'date', message: `must be the day of the court's decision, not after today (${today})` },
      ]);
    }
    const claimDeadline = claimDeadlineOf(input.date, input.claimDeadline, deps.claimDays);
    if (!isAfter(claimDeadline, input.date)) {
      throw invalid([
        { path: 'claimDeadline', message: `must be after the insolvency's date (${input.date})` },
      ]);
    }
    const by = input.actor ?? `user:${input.by}`;
    const insolvency: Insolvency = {
      kind: input.kind,
      date: input.date,
      court: input.court,
      caseNumber: input.caseNumber,
      administrator: input.administrator,
      claimDeadline,
      status: 'open',
      openedBy: by,
      openedAt: now.toISOString(),
    };
    const management: SpecialManagement = debtor.specialManagement ?? {
      reason: specialManagementReasonOf(input.kind),
      note: `${input.kind.replaceAll('_', ' ')} ${input.caseNumber}, ${input.court}`,
      by,
      at: now.toISOString(),
    };
    await deps.store.commit(insolvencyWrites(debtor, insolvency, management, now));
    return { insolvency, management };
  });
  const plansSuspended = await suspendPlansOf(deps, debtorId, insolvency, management);
  const invoicesPaused = await pauseInvoicesOf(deps, debtorId, management);
  await moveTasksOfDebtor(deps, debtorId, 'special', insolvency.openedBy);
  return {
    debtorId,
    insolvency,
    taskId: fileClaimTaskId(debtorId, insolvency.date),
    invoicesPaused,
    plansSuspended,
  };
}

function insolvencyWrites(
  debtor: DebtorRecord,
  insolvency: Insolvency,
  management: SpecialManagement,
  now: Date,
): StoreWrite[] {
  const underManagement: StoreWrite[] = isUnderSpecialManagement(debtor)
    ? [
        {
          kind: 'putDebtor',
          debtor: revised(debtor, { insolvency }, now),
          expectedVersion: debtor.version,
        },
      ]
    : specialManagementStartWrites({ ...debtor, insolvency }, management, now);
  const task: TaskRecord = firstVersion(
    {
      id: fileClaimTaskId(debtor.id, insolvency.date),
      kind: 'file_insolvency_claim',
      status: 'open',
      debtorId: debtor.id,
      dueDate: insolvency.claimDeadline,
      priority: 100,
      summary: `File the claim with ${insolvency.administrator.name} (${insolvency.kind.replaceAll('_', ' ')} ${insolvency.caseNumber}, ${insolvency.court}) before ${insolvency.claimDeadline}: GET /debtors/${debtor.id}/insolvency-claim`,
      forRole: 'special',
      ...ownerStamp(debtor),
    },
    now.toISOString(),
  );
  return [
    ...underManagement,
    {
      kind: 'appendEvent',
      subject: { debtorId: debtor.id },
      event: {
        at: now.toISOString(),
        type: 'insolvency_opened',
        actor: insolvency.openedBy,
        summary: `${insolvency.kind.replaceAll('_', ' ')} since ${insolvency.date} (${insolvency.court}, ${insolvency.caseNumber}); administrator ${insolvency.administrator.name}; claim to be filed by ${insolvency.claimDeadline}`,
        details: { ...insolvency },
      },
    },
    { kind: 'putTask', task, expectedVersion: null },
  ];
}

/** The debtor and its open insolvency, or a refusal naming what is missing. */
export async function debtorInInsolvency(
  deps: Pick<DunningDeps, 'store'>,
  debtorId: string,
  options: { open?: boolean } = {},
): Promise<DebtorRecord & { insolvency: Insolvency }> {
  const debtor = await deps.store.getDebtor(debtorId);
  if (!debtor) throw notFound(`Debtor ${debtorId} does not exist.`, 'debtor_not_found');
  const insolvency = debtor.insolvency;
  if (!insolvency) throw conflict(`Debtor ${debtorId} has no insolvency on file.`, 'no_insolvency');
  if (options.open && insolvency.status !== 'open') {
    throw conflict(
      `The insolvency of debtor ${debtorId} was closed on ${insolvency.closedAt ?? ''}.`,
      'insolvency_closed',
    );
  }
  return { ...debtor, insolvency };
}

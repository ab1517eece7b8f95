import { isPaused, type Pause } from '../../core/dunning/dunning-pause';
import { hasOpenBalance, isCollecting } from '../../core/ledger/invoice';
import {
  isUnderSpecialManagement,
  SPECIAL_MANAGEMENT_REF,
  type SpecialManagement,
  type SpecialManagementReason,
} from '../../core/special/special-management';
import type { DebtorRecord, StoreWrite } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { pausedInvoice, pauseWrites, stopPausedExecutions } from '../dunning/pause-dunning';
import { resumeDunning } from '../dunning/resume-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, notFound } from '../refusal';
import { moveTasksOfDebtor } from './special-tasks';

export interface SpecialManagementInput {
  reason: SpecialManagementReason;
  note?: string;
  /** The user's id (`sub`). */
  by: string;
}

export interface SpecialManagementView {
  debtorId: string;
  management: 'special';
  specialManagement: SpecialManagement;
  /** Invoices whose dunning was paused now (running or not started); others were paused already. */
  invoicesPaused: string[];
  /** Open tasks of the debtor moved to the special team's list. */
  tasksMoved: string[];
}

/**
 * POST /debtors/{id}/special-management: the debtor leaves the normal cycle. The debtor record
 * says so first (every dunning that would start from now on is paused instead, see startDunning),
 * then each open invoice is paused in its own transaction and its execution stopped: no letter,
 * no call. An invoice paused for something else (a promise, a dispute, a plan) keeps that pause
 * and is paused under the special management when it ends. The debtor's open tasks move to the
 * special team's list.
 */
export async function placeInSpecialManagement(
  deps: DunningDeps,
  debtorId: string,
  input: SpecialManagementInput,
): Promise<SpecialManagementView> {
  const specialManagement = await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(debtorId);
    if (!debtor) throw notFound(`Debtor ${debtorId} does not exist.`, 'debtor_not_found');
    if (isUnderSpecialManagement(debtor) && debtor.specialManagement) {
      throw conflict(
        `Debtor ${debtorId} is under special management already (${debtor.specialManagement.reason}, since ${debtor.specialManagement.at}).`,
        'already_in_special_management',
      );
    }
    const now = deps.clock.now();
    const management: SpecialManagement = {
      reason: input.reason,
      ...(input.note ? { note: input.note } : {}),
      by: `user:${input.by}`,
      at: now.toISOString(),
    };
    await deps.store.commit(specialManagementStartWrites(debtor, management, now));
    return management;
  });
  const invoicesPaused = await pauseInvoicesOf(deps, debtorId, specialManagement);
  const tasksMoved = await moveTasksOfDebtor(deps, debtorId, 'special', specialManagement.by);
  return { debtorId, management: 'special', specialManagement, invoicesPaused, tasksMoved };
}

/** The debtor's record under special management and its timeline entry: one transaction. */
export function specialManagementStartWrites(
  debtor: DebtorRecord,
  management: SpecialManagement,
  now: Date,
): StoreWrite[] {
  return [
    {
      kind: 'putDebtor',
      debtor: revised(debtor, { management: 'special', specialManagement: management }, now),
      expectedVersion: debtor.version,
    },
    {
      kind: 'appendEvent',
      subject: { debtorId: debtor.id },
      event: {
        at: management.at,
        type: 'special_management_started',
        actor: management.by,
        summary: `Under special management (${management.reason.replaceAll('_', ' ')})${management.note ? `: ${management.note}` : ''}`,
        details: { reason: management.reason, ...(management.note ? { note: management.note } : {}) },
      },
    },
  ];
}

/** Pauses every open invoice of the debtor that is not paused already, and stops its execution. */
export async function pauseInvoicesOf(
  deps: DunningDeps,
  debtorId: string,
  management: SpecialManagement,
): Promise<string[]> {
  const paused: string[] = [];
  for (const { id } of await deps.store.listInvoicesOfDebtor(debtorId)) {
    const before = await retryOnConflict(async () => {
      const invoice = await deps.store.getInvoice(id);
      if (!invoice || !isCollecting(invoice) || !hasOpenBalance(invoice) || isPaused(invoice.dunning))
        return undefined;
      const debtor = await debtorOfInvoice(deps.store, invoice);
      const now = deps.clock.now();
      const pause: Pause = {
        reason: 'special_management',
        by: management.by,
        at: now.toISOString(),
        ref: SPECIAL_MANAGEMENT_REF,
        note: management.reason,
      };
      const after = await pausedInvoice(deps.store, invoice, debtor, pause, now);
      await deps.store.commit(
        pauseWrites(invoice, after, 'Dunning paused: the debtor is under special management'),
      );
      return invoice;
    });
    if (!before) continue;
    await stopPausedExecutions(deps.workflow, [before], 'special management');
    paused.push(id);
  }
  return paused;
}

/**
 * DELETE /debtors/{id}/special-management: the debtor returns to the normal cycle, and each
 * invoice paused under the special management resumes at the step after its last one (one not
 * yet due goes back to waiting for its due date). Refused while an insolvency is open: no
 * collection while it lasts (art. 299 Fw for the WSNP).
 */
export async function endSpecialManagement(
  deps: DunningDeps,
  debtorId: string,
  by: string,
): Promise<{ debtorId: string; management: 'normal'; invoicesResumed: string[]; tasksMoved: string[] }> {
  const actor = `user:${by}`;
  await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(debtorId);
    if (!debtor) throw notFound(`Debtor ${debtorId} does not exist.`, 'debtor_not_found');
    if (!isUnderSpecialManagement(debtor)) {
      throw conflict(`Debtor ${debtorId} is not under special management.`, 'not_in_special_management');
    }
    if (debtor.insolvency?.status === 'open') {
      throw conflict(
        `Debtor ${debtorId} is in ${debtor.insolvency.kind.replaceAll('_', ' ')}: close the insolvency first.`,
        'insolvency_open',
      );
    }
    const now = deps.clock.now();
    const { specialManagement: _ended, ...rest } = debtor;
    await deps.store.commit([
      {
        kind: 'putDebtor',
        debtor: revised(rest, { management: 'normal' }, now),
        expectedVersion: debtor.version,
      },
      {
        kind: 'appendEvent',
        subject: { debtorId },
        event: {
          at: now.toISOString(),
          type: 'special_management_ended',
          actor,
          summary: 'Back in the normal cycle: each invoice resumes at the step after its last',
        },
      },
    ]);
  });
  const invoicesResumed: string[] = [];
  for (const invoice of await deps.store.listInvoicesOfDebtor(debtorId)) {
    const dunning = invoice.dunning;
    if (!isPaused(dunning) || dunning.pausedFor !== 'special_management') continue;
    const result = await resumeDunning(deps, invoice.id, { reason: 'special_management' }, actor);
    if (result === 'resumed') invoicesResumed.push(invoice.id);
  }
  const tasksMoved = await moveTasksOfDebtor(deps, debtorId, undefined, actor);
  return { debtorId, management: 'normal', invoicesResumed, tasksMoved };
}

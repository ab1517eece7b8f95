import type { InsolvencyRegisterEntry } from '../../core/special/insolvency-register';
import type { DebtorRecord } from '../../ports/credit-store';
import type { InsolvencyRegister } from '../../ports/insolvency-register';
import type { PlanWorkflow } from '../../ports/plan-workflow';
import type { DunningDeps } from '../dunning/start-dunning';
import { Refusal } from '../refusal';
import { openInsolvency } from './insolvency';

/** The first adapter of the register port: the publications the special team entered by hand. */
function manualInsolvencyRegister(store: DunningDeps['store']): InsolvencyRegister {
  return { publicationsFor: (kvkNumber) => store.listInsolvencyRegisterEntries(kvkNumber) };
}

export type RegisterDeps = DunningDeps & { claimDays: number; plans?: PlanWorkflow };

/** Who the timeline names for what a register publication started. */
const REGISTER_ACTOR = 'insolvency-register';

export interface RegisterHit {
  debtorId: string;
  /** `opened`: the insolvency flow started; `known`: this case is on file already; `other_open`: another insolvency is open. */
  result: 'opened' | 'known' | 'other_open';
}

/**
 * POST /insolvency-register/entries: what the special team read in the central insolvency
 * register, entered by hand. Stored once per KvK number and case number; every debtor carrying
 * that KvK number enters the insolvency flow (special management, collection stopped, a task to
 * file the claim), as if the team had recorded the insolvency on each. Entering it again starts
 * nothing twice.
 */
export async function recordRegisterEntry(
  deps: RegisterDeps,
  input: Omit<InsolvencyRegisterEntry, 'source' | 'recordedBy' | 'recordedAt'> & { by: string },
): Promise<{ entry: InsolvencyRegisterEntry; recorded: boolean; debtors: RegisterHit[] }> {
  const { by, ...fields } = input;
  const entry: InsolvencyRegisterEntry = {
    ...fields,
    source: 'manual',
    recordedBy: `user:${by}`,
    recordedAt: deps.clock.now().toISOString(),
  };
  const recorded = await deps.store.putInsolvencyRegisterEntry(entry);
  const debtors: RegisterHit[] = [];
  for (const debtor of await deps.store.findDebtorsByKvkNumber(entry.kvkNumber)) {
    debtors.push({ debtorId: debtor.id, result: await applyPublication(deps, debtor, entry) });
  }
  return { entry, recorded, debtors };
}

/**
 * Intake of a debtor with a KvK number (new, or its number changed): the register is asked, and
 * the latest publication on it starts the insolvency flow unless that case is on file already.
 */
export async function checkInsolvencyRegister(
  deps: RegisterDeps & { register?: InsolvencyRegister },
  debtorId: string,
): Promise<RegisterHit | undefined> {
  const debtor = await deps.store.getDebtor(debtorId);
  if (!debtor?.kvkNumber) return undefined;
  const register = deps.register ?? manualInsolvencyRegister(deps.store);
  const latest = (await register.publicationsFor(debtor.kvkNumber)).at(-1);
  if (!latest) return undefined;
  return { debtorId, result: await applyPublication(deps, debtor, latest) };
}

async function applyPublication(
  deps: RegisterDeps,
  debtor: DebtorRecord,
  entry: InsolvencyRegisterEntry,
): Promise<RegisterHit['result']> {
  if (debtor.insolvency?.caseNumber === entry.caseNumber) return 'known';
  if (debtor.insolvency?.status === 'open') return 'other_open';
  try {
    await openInsolvency(deps, debtor.id, {
      kind: entry.kind,
      date: entry.date,
      court: entry.court,
      caseNumber: entry.caseNumber,
      administrator: entry.administrator,
      by: REGISTER_ACTOR,
      actor: `${REGISTER_ACTOR} (${entry.source}, ${entry.recordedBy})`,
    });
    return 'opened';
  } catch (error) {
    // Recorded by someone else a moment ago (the team by hand, or a second entry).
    if (error instanceof Refusal && error.code === 'insolvency_open') return 'other_open';
    throw error;
  }
}

import { daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { chooseSegment } from '../../core/dunning/segment';
import { type Invoice, isCollecting } from '../../core/ledger/invoice';
import type { Money } from '../../core/money';
import { type DebtorFacts, debtorPriority, type PriorityReason } from '../../core/worklist/debtor-priority';
import { isUnhandled, unhandledFrom } from '../../core/worklist/unhandled-task';
import { waitingAction, waitingUntil } from '../../core/worklist/waiting-debtor';
import type { Clock } from '../../ports/clock';
import type {
  CreditReader,
  DebtorRecord,
  DisputeRecord,
  InvoiceRecord,
  TaskRecord,
} from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { forbidden } from '../refusal';
import { type TaskWithDetails, withDetails } from './task-details';
import { currentWorklistRules } from './worklist-rules';

const BROKEN_PROMISE_TASK = 'broken-promise--';

export interface WorklistEntry {
  debtorId: string;
  name: string;
  /** The owning controller's sub and email; null while unowned. */
  owner: { sub: string; email?: string } | null;
  priority: number;
  reasons: PriorityReason[];
  tasks: TaskWithDetails[];
  overdueAmount: number;
  currency: string;
  oldestDaysOverdue: number;
  brokenPromises: number;
  openDisputes: number;
  /** What to do first, in words; for a debtor off today's list, when it is back. */
  nextAction: string;
  /** Only for a debtor off today's list: the first day it is back (absent: when a plan's instalment is missed). */
  returnsOn?: string;
}

export interface ManagerTask extends TaskWithDetails {
  /** Why a manager sees it: a manager's task, or one left open two business days past its due date. */
  why: string;
}

export interface Worklist {
  date: string;
  /** Whose accounts: a sub, `none` for the unowned ones, or the caller's own with the unowned. */
  owner: string;
  rulesVersion: number;
  entries: WorklistEntry[];
  /**
   * Debtors off today's list: every overdue invoice paused by a promise, a hold or a payment plan,
   * and nothing due today. Soonest back first; a debtor on a plan (no day) last.
   */
  waiting: WorklistEntry[];
  /** For managers: their own tasks, and every controller's task left unhandled. */
  managerTasks?: ManagerTask[];
}

export interface WorklistRequest {
  caller: { sub: string; roles: readonly string[] };
  /** A manager may ask for any owner's accounts, or `none` for the unowned ones. */
  owner?: string;
}

/**
 * GET /worklist: the caller's accounts for today, one entry per debtor with its tasks grouped,
 * most important first by the rules a manager approved. Reads only the accounts asked for: per
 * owner (the caller and the unowned, or the one a manager names) the owner's debtors and the open
 * work stamped with that owner (open invoices, also those not due yet as they count against the
 * credit limit, open tasks, open disputes), two Queries paged by DynamoDB, joined here. A
 * colleague's accounts are never read. A manager's own section reads the whole book's open tasks,
 * as a manager oversees every controller's.
 */
export async function worklist(
  deps: { store: CreditReader; clock: Clock },
  request: WorklistRequest,
): Promise<Worklist> {
  const { store } = deps;
  const isManager = request.caller.roles.some((role) => role === 'manager' || role === 'admin');
  const owners = ownersAsked(request, isManager);
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);

  const [rules, accounts, everyOpenTask] = await Promise.all([
    currentWorklistRules(store),
    Promise.all(
      owners.map(async (owner) => {
        const [debtors, work] = await Promise.all([
          store.listDebtorsOfOwner(owner),
          store.listAccountWork(owner),
        ]);
        return { debtors, work };
      }),
    ),
    isManager ? store.listOpenTasks() : undefined,
  ]);
  const debtors = new Map(accounts.flatMap((owned) => owned.debtors).map((debtor) => [debtor.id, debtor]));
  // Work still stamped with an owner the debtor has just left (a handover under way) is not theirs.
  const listed = (record: { debtorId?: string }) =>
    record.debtorId !== undefined && debtors.has(record.debtorId);
  const invoices = new Map(
    accounts
      .flatMap((owned) => owned.work.invoices)
      .filter(listed)
      .map((invoice) => [invoice.id, invoice]),
  );
  const openTasks = accounts.flatMap((owned) => owned.work.tasks).filter(listed);
  const openDisputes = accounts.flatMap((owned) => owned.work.disputes).filter(listed);
  const brokenPromiseDays = await promisedDaysOf(
    store,
    openTasks.filter((task) => task.kind === 'broken_promise'),
  );

  const invoicesOf = byDebtor([...invoices.values()]);
  const tasksOf = byDebtor(
    openTasks.filter((task) => task.forRole === undefined && isOnList(task, invoices, today)),
  );
  const disputesOf = byDebtor(openDisputes);
  const placed = [...debtors.values()]
    .map((debtor) =>
      entryOf(debtor, {
        today,
        weights: rules.weights,
        invoices: invoicesOf.get(debtor.id) ?? [],
        tasks: tasksOf.get(debtor.id) ?? [],
        disputes: disputesOf.get(debtor.id) ?? [],
        brokenPromiseDays,
      }),
    )
    .filter((place): place is Placed => place !== undefined)
    .sort((a, b) => b.entry.priority - a.entry.priority || a.entry.name.localeCompare(b.entry.name));
  const entries = placed.filter((place) => !place.waits).map((place) => place.entry);
  const waiting = placed
    .filter((place) => place.waits)
    .map((place) => place.entry)
    .sort((a, b) => (a.returnsOn ?? '9999').localeCompare(b.returnsOn ?? '9999'));

  return {
    date: today,
    owner: request.owner ?? request.caller.sub,
    rulesVersion: rules.version,
    entries,
    waiting,
    ...(everyOpenTask ? { managerTasks: await managerTasks(store, everyOpenTask, invoices, today) } : {}),
  };
}

function byDebtor<T extends { debtorId?: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    if (record.debtorId === undefined) continue;
    const group = groups.get(record.debtorId);
    if (group) group.push(record);
    else groups.set(record.debtorId, [record]);
  }
  return groups;
}

/** A controller sees their own accounts and the unowned ones; a manager may ask for anyone's. */
function ownersAsked(request: WorklistRequest, isManager: boolean): (string | null)[] {
  const { owner, caller } = request;
  if (owner === undefined) return [caller.sub, null];
  if (!isManager && owner !== caller.sub && owner !== 'none') {
    throw forbidden("Only a manager may look at another controller's worklist.");
  }
  return [owner === 'none' ? null : owner];
}

/** Snoozed tasks wait for their day; a task whose invoice closed meanwhile is not work any more. */
function isOnList(task: TaskRecord, openInvoices: Map<string, InvoiceRecord>, today: string): boolean {
  if (task.snoozed && task.snoozed.until > today) return false;
  if (task.invoiceId && !openInvoices.has(task.invoiceId) && task.kind !== 'limitation_warning') {
    // Not among the open invoices read: settled, cancelled or handed over (or another owner's).
    return false;
  }
  return true;
}

/** A debtor's entry, and whether it is off today's list until a later day. */
interface Placed {
  entry: WorklistEntry;
  waits: boolean;
}

function entryOf(
  debtor: DebtorRecord,
  context: {
    today: string;
    weights: Parameters<typeof debtorPriority>[1];
    invoices: InvoiceRecord[];
    tasks: TaskRecord[];
    disputes: DisputeRecord[];
    brokenPromiseDays: Map<string, string>;
  },
): Placed | undefined {
  const { today, invoices, tasks } = context;
  const overdueInvoices = invoices.filter((invoice) => isCollecting(invoice) && invoice.dueDate < today);
  if (overdueInvoices.length === 0 && tasks.length === 0) return undefined;

  const overdue = largest(sumByCurrency(overdueInvoices));
  const exposure = sumByCurrency(invoices);
  const limit = debtor.creditLimit;
  const owed = limit ? { amount: exposure.get(limit.currency) ?? 0, currency: limit.currency } : undefined;
  const oldestDaysOverdue = Math.max(
    0,
    ...overdueInvoices.map((invoice) => daysBetween(invoice.dueDate, today)),
  );
  const brokenPromises = tasks
    .filter((task) => task.kind === 'broken_promise')
    .map((task) => context.brokenPromiseDays.get(task.id) ?? task.dueDate);
  const overdueDisputes = context.disputes
    .filter((dispute) => dispute.respondBy < today)
    .map((dispute) => dispute.respondBy);
  const facts: DebtorFacts = {
    overdue,
    oldestDaysOverdue,
    brokenPromises,
    overdueDisputes,
    failedContacts: debtor.failedContacts ?? 0,
    ...(limit && owed && owed.amount > limit.amount ? { overLimit: { exposure: owed, limit } } : {}),
    segment: chooseSegment(debtor, behaviourOf(debtor.behaviour)).segment,
    ...(debtor.score ? { score: debtor.score.value } : {}),
  };
  const { priority, reasons } = debtorPriority(facts, context.weights);
  const waiting = waitingUntil({
    today,
    overdueInvoices,
    tasks,
    overdueDisputes: overdueDisputes.length,
  });
  const byInvoice = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const sortedTasks = [...tasks].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const entry: WorklistEntry = {
    debtorId: debtor.id,
    name: debtor.name,
    owner: debtor.owner
      ? { sub: debtor.owner.sub, ...(debtor.owner.email ? { email: debtor.owner.email } : {}) }
      : null,
    priority,
    reasons,
    tasks: sortedTasks.map((task) =>
      withDetails(task, debtor, task.invoiceId ? byInvoice.get(task.invoiceId) : undefined),
    ),
    overdueAmount: overdue.amount,
    currency: overdue.currency,
    oldestDaysOverdue,
    brokenPromises: brokenPromises.length,
    openDisputes: context.disputes.length,
    nextAction: waiting ? waitingAction(waiting) : nextAction(sortedTasks, overdueInvoices.length),
    ...(waiting?.until ? { returnsOn: waiting.until } : {}),
  };
  return { entry, waits: waiting !== undefined };
}

function nextAction(tasks: readonly TaskRecord[], overdueCount: number): string {
  const first = tasks[0];
  if (first) return first.summary;
  return `nothing to do by hand today: the dunning of ${overdueCount === 1 ? 'the overdue invoice' : `${overdueCount} overdue invoices`} runs`;
}

function sumByCurrency(invoices: readonly Pick<Invoice, 'currency' | 'openAmount'>[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const invoice of invoices)
    sums.set(invoice.currency, (sums.get(invoice.currency) ?? 0) + invoice.openAmount);
  return sums;
}

/** The currency the debtor owes most in (amounts in different currencies are not added up). */
function largest(sums: Map<string, number>): Money {
  let best: Money = { amount: 0, currency: 'EUR' };
  for (const [currency, amount] of sums) if (amount > best.amount) best = { amount, currency };
  return best;
}

/** The promised day of each broken promise a task follows up: "promise of 3 Nov broken". */
async function promisedDaysOf(
  store: CreditReader,
  tasks: readonly TaskRecord[],
): Promise<Map<string, string>> {
  const days = await Promise.all(
    tasks.map(async (task) => {
      const promiseId = task.id.startsWith(BROKEN_PROMISE_TASK)
        ? task.id.slice(BROKEN_PROMISE_TASK.length)
        : undefined;
      const promise = promiseId ? await store.getPromise(promiseId) : undefined;
      return [task.id, promise?.promisedDate ?? task.dueDate] as const;
    }),
  );
  return new Map(days);
}

async function managerTasks(
  store: CreditReader,
  everyOpenTask: readonly TaskRecord[],
  listedInvoices: Map<string, InvoiceRecord>,
  today: string,
): Promise<ManagerTask[]> {
  const candidates = everyOpenTask.filter(
    (task) => task.forRole === 'manager' || (task.forRole === undefined && isUnhandled(task, today)),
  );
  // Their invoices, each read once unless listed already: those still open (any owner's).
  const invoices = new Map(listedInvoices);
  const unread = new Set(candidates.flatMap((task) => (task.invoiceId ? [task.invoiceId] : [])));
  for (const id of invoices.keys()) unread.delete(id);
  for (const invoice of await Promise.all([...unread].map((id) => store.getInvoice(id)))) {
    if (invoice && isCollecting(invoice)) invoices.set(invoice.id, invoice);
  }
  const visible = candidates.filter((task) => isOnList(task, invoices, today));
  const chosen = visible.flatMap((task) => {
    if (task.forRole === 'manager') return [{ task, why: "a manager's decision" }];
    // The special team works its own list.
    if (task.forRole === 'special') return [];
    if (isUnhandled(task, today)) {
      return [
        {
          task,
          why: `unhandled: due ${task.dueDate}, still open on ${unhandledFrom(task.dueDate)}, two business days later`,
        },
      ];
    }
    return [];
  });
  const debtors = new Map<string, DebtorRecord | undefined>();
  for (const { task } of chosen) {
    if (task.debtorId && !debtors.has(task.debtorId))
      debtors.set(task.debtorId, await store.getDebtor(task.debtorId));
  }
  return chosen.map(({ task, why }) => ({
    ...withDetails(
      task,
      task.debtorId ? debtors.get(task.debtorId) : undefined,
      task.invoiceId ? invoices.get(task.invoiceId) : undefined,
    ),
    why,
  }));
}

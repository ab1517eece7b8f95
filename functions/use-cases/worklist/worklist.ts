import { daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { chooseSegment } from '../../core/dunning/segment';
import { type Invoice, isCollecting } from '../../core/ledger/invoice';
import type { Money } from '../../core/money';
import { type DebtorFacts, debtorPriority, type PriorityReason } from '../../core/worklist/debtor-priority';
import { isUnhandled, unhandledFrom } from '../../core/worklist/unhandled-task';
import type { Clock } from '../../ports/clock';
import type {
  CreditStore,
  DebtorRecord,
  DisputeRecord,
  InvoiceRecord,
  TaskRecord,
} from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { forbidden } from '../refusal';
import { type TaskWithDetails, withDetails } from './task-details';
import { currentWorklistRules } from './worklist-rules';

/** Open invoices are read up to this due date: every one, also those not due yet (they count against the credit limit). */
const LAST_DUE_DATE = '2099-12-31';
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
  /** What to do first, in words. */
  nextAction: string;
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
 * most important first by the rules a manager approved. Reads a bounded number of index queries
 * whatever the number of debtors: the owner's debtors, the open invoices, the open tasks and the
 * open disputes, each one Query (paged by DynamoDB), joined here.
 */
export async function worklist(
  deps: { store: CreditStore; clock: Clock },
  request: WorklistRequest,
): Promise<Worklist> {
  const { store } = deps;
  const isManager = request.caller.roles.some((role) => role === 'manager' || role === 'admin');
  const owners = ownersAsked(request, isManager);
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);

  const [rules, ownedLists, openTasks, openDisputes] = await Promise.all([
    currentWorklistRules(store),
    Promise.all(owners.map((owner) => store.listDebtorsOfOwner(owner))),
    store.listOpenTasks(),
    store.listOpenDisputes(),
  ]);
  const debtors = new Map(ownedLists.flat().map((debtor) => [debtor.id, debtor]));
  const invoices = new Map<string, InvoiceRecord>();
  for await (const invoice of store.listOpenInvoicesDueBy(LAST_DUE_DATE)) {
    if (debtors.has(invoice.debtorId) || isManager) invoices.set(invoice.id, invoice);
  }
  const brokenPromiseDays = await promisedDaysOf(
    store,
    openTasks.filter((task) => task.kind === 'broken_promise' && task.debtorId && debtors.has(task.debtorId)),
  );

  const visible = openTasks.filter((task) => isOnList(task, invoices, today));
  const entries = [...debtors.values()]
    .map((debtor) =>
      entryOf(debtor, {
        today,
        weights: rules.weights,
        invoices: [...invoices.values()].filter((invoice) => invoice.debtorId === debtor.id),
        tasks: visible.filter((task) => task.debtorId === debtor.id && task.forRole === undefined),
        disputes: openDisputes.filter((dispute) => dispute.debtorId === debtor.id),
        brokenPromiseDays,
      }),
    )
    .filter((entry): entry is WorklistEntry => entry !== undefined)
    .sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));

  return {
    date: today,
    owner: request.owner ?? request.caller.sub,
    rulesVersion: rules.version,
    entries,
    ...(isManager ? { managerTasks: await managerTasks(store, visible, invoices, today) } : {}),
  };
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
): WorklistEntry | undefined {
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
  const byInvoice = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const sortedTasks = [...tasks].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  return {
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
    nextAction: nextAction(sortedTasks, overdueInvoices.length),
  };
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
  store: CreditStore,
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
  store: CreditStore,
  tasks: readonly TaskRecord[],
  invoices: Map<string, InvoiceRecord>,
  today: string,
): Promise<ManagerTask[]> {
  const chosen = tasks.flatMap((task) => {
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

import { type CalendarDate, daysBetween } from '../calendar/calendar-date';
import type { DunningSlot } from '../dunning/dunning-slot';
import { type Invoice, openMoney } from '../ledger/invoice';
import { taskPriority } from './task-priority';

export type TaskKind =
  /** The call step of the dunning: the workflow waits for its outcome. */
  | 'call'
  /** A letter could not be delivered (bounce, no email address): a controller must reach the debtor. */
  | 'unreachable_by_email'
  /** A claim lapses soon (limitation period). */
  | 'limitation_warning'
  /** An event of the invoicing system that waited for its debtor or invoice was refused once they came. */
  | 'refused_event';

export type CallOutcome = 'no_answer' | 'reached' | 'wrong_contact';

/** A piece of work for a credit controller, on the prioritised daily list. */
export interface CollectionTask {
  id: string;
  kind: TaskKind;
  status: 'open' | 'closed';
  invoiceId: string;
  debtorId: string;
  /** Calendar date the task should be done by. */
  dueDate: string;
  /** Higher is more urgent: amount, days overdue, broken promises. */
  priority: number;
  summary: string;
  /** The workflow step this task belongs to, if any. */
  slot?: DunningSlot;
  /** Step Functions task token the outcome is sent to (call tasks only). Never shown in the API. */
  taskToken?: string;
  execution?: string;
  assignee?: string;
  outcome?: { result: CallOutcome | 'done'; note?: string; by: string; at: string };
}

export interface TaskToOpen {
  id: string;
  kind: TaskKind;
  invoice: Pick<Invoice, 'id' | 'debtorId' | 'dueDate' | 'openAmount' | 'currency'>;
  /** The day the task is raised: it is due that day, and the invoice's arrears are counted to it. */
  today: CalendarDate;
  summary: string;
  slot?: DunningSlot;
  taskToken?: string;
  execution?: string;
}

/** A new open task on an invoice, ranked on the daily list by what is open and how long overdue. */
export function openTask(input: TaskToOpen): CollectionTask {
  const { invoice, today } = input;
  return {
    id: input.id,
    kind: input.kind,
    status: 'open',
    invoiceId: invoice.id,
    debtorId: invoice.debtorId,
    dueDate: today,
    priority: taskPriority(openMoney(invoice), daysBetween(invoice.dueDate, today)),
    summary: input.summary,
    ...(input.slot ? { slot: input.slot } : {}),
    ...(input.taskToken ? { taskToken: input.taskToken } : {}),
    ...(input.execution ? { execution: input.execution } : {}),
  };
}

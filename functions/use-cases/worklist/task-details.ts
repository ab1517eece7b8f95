import { type TaskOutcome, outcomesFor } from '../../core/worklist/task-outcomes';
import type { CreditReader, DebtorRecord, InvoiceRecord, TaskRecord } from '../../ports/credit-store';

/** A task as the API shows it: who to reach and how, what is open, and what may be recorded. */
export type TaskWithDetails = Omit<TaskRecord, 'taskToken' | 'updatedAt'> & {
  debtorName?: string;
  /** Whom to address: the debtor's email address (the invoicing system sends no contact person). */
  contact?: string;
  phone?: string;
  invoiceNumber?: string;
  /** What is open on the task's invoice, in cents of `currency`. */
  openAmount?: number;
  currency?: string;
  /** The outcomes POST /tasks/{id}/outcome accepts for this task. */
  outcomes: readonly TaskOutcome[];
};

/** Adds what a controller needs to act on a task to each one; the task token never leaves the API. */
export function withDetails(
  task: TaskRecord,
  debtor: DebtorRecord | undefined,
  invoice: InvoiceRecord | undefined,
): TaskWithDetails {
  const { taskToken: _token, updatedAt: _updated, ...view } = task;
  return {
    ...view,
    ...(debtor ? { debtorName: debtor.name } : {}),
    ...(debtor?.email ? { contact: debtor.email } : {}),
    ...(debtor?.phone ? { phone: debtor.phone } : {}),
    ...(invoice
      ? { invoiceNumber: invoice.number, openAmount: invoice.openAmount, currency: invoice.currency }
      : {}),
    outcomes: outcomesFor(task.kind),
  };
}

/** Details for tasks read on their own (GET /tasks): one read per distinct debtor and invoice. */
export async function detailsOf(
  store: CreditReader,
  tasks: readonly TaskRecord[],
): Promise<TaskWithDetails[]> {
  const debtors = await readEach(
    tasks.map((task) => task.debtorId),
    (id) => store.getDebtor(id),
  );
  const invoices = await readEach(
    tasks.map((task) => task.invoiceId),
    (id) => store.getInvoice(id),
  );
  return tasks.map((task) =>
    withDetails(
      task,
      task.debtorId ? debtors.get(task.debtorId) : undefined,
      task.invoiceId ? invoices.get(task.invoiceId) : undefined,
    ),
  );
}

async function readEach<T>(
  ids: readonly (string | undefined)[],
  read: (id: string) => Promise<T | undefined>,
): Promise<Map<string, T>> {
  const distinct = [...new Set(ids.filter((id): id is string => id !== undefined))];
  const found = new Map<string, T>();
  await Promise.all(
    distinct.map(async (id) => {
      const record = await read(id);
      if (record !== undefined) found.set(id, record);
    }),
  );
  return found;
}

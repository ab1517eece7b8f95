import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  newInvoiceNumber,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import type { CloudHarness } from './local-cloud-harness';

/** One business debtor with its own mailbox, so that a test sees only its own letters. */
export async function businessDebtor(h: CloudHarness, overrides: Record<string, unknown> = {}) {
  const id = newId('deb');
  const email = `${id}@debtor.example`;
  const answer = await h.post(debtorUpserted({ id, email, ...overrides }));
  if (answer.status !== 200) throw new Error(`debtor not accepted: ${JSON.stringify(answer.body)}`);
  return { id, email };
}

export async function invoice(
  h: CloudHarness,
  debtorId: string,
  fields: { dueDate: string; totalAmount?: number; id?: string; number?: string },
) {
  const id = fields.id ?? newId('inv');
  const number = fields.number ?? newInvoiceNumber();
  const answer = await h.post(
    invoiceCreated({
      id,
      number,
      debtorId,
      totalAmount: fields.totalAmount ?? 1_250_00,
      issueDate: '2026-02-01',
      dueDate: fields.dueDate,
      paymentLink: `https://pay.example/i/${id}`,
    }),
  );
  if (answer.status !== 200) throw new Error(`invoice not accepted: ${JSON.stringify(answer.body)}`);
  return { id, number };
}

export function payment(invoiceId: string, amount: number, receivedAt = '2026-03-05T10:00:00+01:00') {
  return paymentReceived({ invoiceId }, { amount, receivedAt });
}

export async function emailsTo(h: CloudHarness, address: string) {
  return (await h.cloud.emails()).filter((e) => e.to.some((to) => to.includes(address)));
}

/** A timeline entry as GET /invoices/{id} and GET /debtors/{id}/timeline show it. */
export interface TimelineEntryBody {
  sequence: number;
  at: string;
  atLocal: string;
  type: string;
  title: string;
  step?: { slot: string; name: string };
  actor: { kind: 'user' | 'system'; id: string; name: string; email?: string };
  summary: string;
  details?: Record<string, unknown>;
  invoiceId?: string;
}

export interface InvoiceBody {
  status: string;
  openAmount: number;
  dunning: {
    status: string;
    execution: string;
    executionStatus: string;
    lastStep: { slot: string; status: string } | null;
    curedAfter: string | null;
  } | null;
  timeline: TimelineEntryBody[];
}

export async function invoiceView(h: CloudHarness, id: string): Promise<InvoiceBody> {
  // In English: the summaries the tests read are the text stored when each entry happened.
  const answer = await h.get<InvoiceBody>(`/invoices/${id}?lang=en`);
  if (answer.status !== 200)
    throw new Error(`GET /invoices/${id}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Runs the daily sweep now, as EventBridge Scheduler would at 06:00. */
export async function sweep(h: CloudHarness) {
  return h.cloud.invoke('sweep-due-invoices', { source: 'test' }) as Promise<{
    started: number;
    restored: number;
    failed: unknown[];
  }>;
}

/** The names of the states an execution entered, in order, from its history. */
/** The ARN of an execution of the dunning state machine, by its name. */
function executionArnOf(h: CloudHarness, execution: string): string {
  return `${h.cloud.stateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`;
}

/** An execution's history, as Step Functions keeps it. */
export async function historyOf(h: CloudHarness, execution: string): Promise<HistoryEvent[]> {
  const history = await h.sfn.send(
    new GetExecutionHistoryCommand({ executionArn: executionArnOf(h, execution), maxResults: 1000 }),
  );
  return history.events ?? [];
}

export async function statesEntered(h: CloudHarness, execution: string): Promise<string[]> {
  return (await historyOf(h, execution)).flatMap((e) =>
    e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : [],
  );
}

/**
 * The states a new execution of an invoice that nobody pays enters, from its first wait to the
 * agency: each step's task parked until the next step in place of its Wait, the call's window
 * ending unanswered.
 */
export const FULLY_ESCALATED_STATES = [
  'WaitUntilFirstReminder',
  'SendFirstReminder',
  'SendSecondReminder',
  'CallDebtor',
  'RecordUnansweredCall',
  'EscalateToAccountManager',
  'SendFinalNotice',
  'HandOverToCollectionAgency',
];

/** Moves virtual time to an instant, from timer to timer, waiting each time until the cloud is idle. */
/**
 * Monday 2 March 2026, 06:00 in Amsterdam, and a due date the day before. The business-standard
 * policy then gives: friendly reminder on day 3 after the due date, firm reminder on day 14, call on
 * day 21, account manager on day 30, each moved to the next working day where it falls on none.
 */
export const MARCH_START = new Date('2026-03-02T05:00:00Z');
export const MARCH_DUE = '2026-03-01';

export const advanceTo = (h: CloudHarness, at: string) => h.cloud.advanceTo(new Date(at));

export interface TaskBody {
  id: string;
  kind: string;
  invoiceId: string;
  forRole?: string;
  summary: string;
  priority: number;
  taskToken?: string;
}

/** The open tasks of one invoice, as GET /tasks lists them. */
export async function tasksOf(h: CloudHarness, invoiceId: string): Promise<TaskBody[]> {
  return (await h.get<{ tasks: TaskBody[] }>('/tasks')).body.tasks.filter((t) => t.invoiceId === invoiceId);
}

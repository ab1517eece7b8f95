import { DUNNING_SLOTS, type DunningSlot } from '../../core/dunning/dunning-slot';
import type { DunningState } from '../../core/dunning/dunning-state';
import { isCollecting } from '../../core/ledger/invoice';
import { ConcurrentModificationError, type InvoiceRecord, type StoreWrite } from '../../ports/credit-store';
import { conflict, notFound } from '../refusal';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { revised } from '../record-versions';
import { type DunningDeps, resumeSlotAfter, startDunning } from './start-dunning';

export interface RestartInput {
  invoiceId: string;
  /** The controller's or manager's user id (`sub`). */
  by: string;
  /** What was fixed, for the timeline and the closed task. */
  reason: string;
}

export interface RestartResult {
  invoiceId: string;
  execution: string;
  attempt: number;
  resumeAt: DunningSlot;
  /** The needs-attention task this restart closed, if there was one open. */
  closedTaskId: string | null;
}

/**
 * POST /invoices/{id}/dunning/restart: the way out of 'needs_attention'. Once a controller has
 * fixed what made a step fail, the dunning starts again at the step after the last one done,
 * with the count of failed restores cleared, and the task that asked for it is closed in the same
 * transaction. A dunning whose execution failed but that the sweep has not held yet may be
 * restarted too, rather than wait for the next morning; one that runs, was paused, completed or
 * whose invoice is no longer collected is refused (409), so a repeated request starts nothing twice.
 */
export async function restartDunning(deps: DunningDeps, input: RestartInput): Promise<RestartResult> {
  const invoice = await deps.store.getInvoice(input.invoiceId);
  if (!invoice) throw notFound(`Invoice ${input.invoiceId} does not exist.`, 'invoice_not_found');
  if (!isCollecting(invoice)) {
    throw conflict(
      `Invoice ${invoice.id} is ${invoice.status.replace('_', ' ')}: there is nothing to dun.`,
      'invoice_not_collecting',
    );
  }
  const dunning = invoice.dunning;
  if (!dunning) {
    throw conflict(
      `Invoice ${invoice.id} has no dunning yet: the daily sweep starts it.`,
      'dunning_not_started',
    );
  }
  await refuseUnlessStuck(deps, invoice.id, dunning);
  const resumeAt = resumeSlotAfter(dunning, DUNNING_SLOTS);
  if (!resumeAt) {
    throw conflict(`Every step of the dunning of invoice ${invoice.id} has run.`, 'dunning_completed');
  }

  const now = deps.clock.now();
  const closeTask = await closedTaskWrites(deps, invoice, dunning, input, now);
  const debtor = await debtorOfInvoice(deps.store, invoice);
  const restarted = await startDunning(deps, invoice, debtor, {
    reason: 'restarted',
    resumeAt,
    actor: `user:${input.by}`,
    note: input.reason,
    alsoWrite: closeTask.writes,
  }).catch((error: unknown) => {
    // A payment, a sweep or a second restart changed the invoice since it was read.
    if (error instanceof ConcurrentModificationError) {
      throw conflict(`Invoice ${invoice.id} changed while it was restarted; look again.`, 'invoice_changed');
    }
    throw error;
  });
  return {
    invoiceId: invoice.id,
    execution: restarted.dunning?.execution ?? '',
    attempt: restarted.dunning?.attempt ?? 0,
    resumeAt,
    closedTaskId: closeTask.taskId,
  };
}

/** Held for attention, or running on paper with an execution that no longer runs. */
async function refuseUnlessStuck(deps: DunningDeps, invoiceId: string, dunning: DunningState): Promise<void> {
  if (dunning.status === 'needs_attention') return;
  if (dunning.status === 'running') {
    const execution = await deps.workflow.describe(dunning.execution);
    if (execution?.status !== 'RUNNING') return;
    throw conflict(`The dunning of invoice ${invoiceId} is running.`, 'dunning_running');
  }
  const why =
    dunning.status === 'stopped' ? `stopped (${dunning.stoppedReason ?? 'from outside'})` : dunning.status;
  throw conflict(
    `The dunning of invoice ${invoiceId} is ${why}; only a dunning held for attention or whose execution failed is restarted.`,
    `dunning_${dunning.status}`,
  );
}

/** Closes the open needs-attention task of the held dunning, with who restarted it and why. */
async function closedTaskWrites(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  dunning: DunningState,
  input: RestartInput,
  now: Date,
): Promise<{ writes: StoreWrite[]; taskId: string | null }> {
  const taskId = dunning.attention?.taskId;
  const task = taskId ? await deps.store.getTask(taskId) : undefined;
  if (!task || task.status !== 'open') return { writes: [], taskId: null };
  const at = now.toISOString();
  const note = input.reason;
  return {
    taskId: task.id,
    writes: [
      {
        kind: 'putTask',
        task: revised(task, { status: 'closed', outcome: { result: 'done', note, by: input.by, at } }, now),
        expectedVersion: task.version,
      },
      {
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: {
          at,
          type: 'task_closed',
          actor: `user:${input.by}`,
          summary: `Task closed: dunning restarted (${input.reason})`,
          details: { taskId: task.id, outcome: 'done', note },
        },
      },
    ],
  };
}

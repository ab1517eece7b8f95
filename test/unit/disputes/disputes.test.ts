import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { openDisputes } from '../../../functions/use-cases/disputes/dispute-view';
import {
  overdueDisputeTaskId,
  raiseOverdueDisputeTasks,
} from '../../../functions/use-cases/disputes/overdue-disputes';
import { raiseDispute } from '../../../functions/use-cases/disputes/raise-dispute';
import { resolveDispute } from '../../../functions/use-cases/disputes/resolve-dispute';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { newId } from '../../support/credit-records';
import { dunnedInvoiceWorld } from '../../support/dunned-invoice-world';

// Friday 6 March 2026, 10:00 in Amsterdam.
const START = new Date('2026-03-06T09:00:00Z');

/** One overdue invoice, dunned on the in-memory store with a clock the test moves. */
async function world() {
  const dunned = await dunnedInvoiceWorld({ start: START });
  const { deps, invoice } = dunned;
  return {
    ...dunned,
    dispute: (input: { amount?: number } = {}) =>
      raiseDispute(deps, {
        invoiceId: invoice.id,
        cause: 'quantity',
        note: 'Twee dozen te weinig',
        by: 'ctl-1',
        ...input,
      }),
    creditNote: (amount: number) =>
      receiveDelivery(deps, {
        id: newId('msg'),
        event: webhookEvent.parse({
          type: 'credit_note.created',
          timestamp: deps.clock.now().toISOString(),
          data: { id: newId('cn'), invoiceId: invoice.id, amount, currency: 'EUR' },
        }),
      }),
  };
}

describe('a dispute on the in-memory store', () => {
  it('pauses the dunning, stops its execution and tells the owners of the cause', async () => {
    const w = await world();

    const dispute = await w.dispute();

    expect(dispute).toMatchObject({
      invoiceId: w.invoice.id,
      cause: 'quantity',
      amount: 1_000_00,
      status: 'open',
      respondBy: '2026-03-16',
    });
    expect((await w.store.getInvoice(w.invoice.id))?.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'dispute',
      pauseRef: dispute.id,
    });
    expect(w.workflow.stoppedFor(w.invoice.id)).toHaveLength(1);
    expect(w.published).toEqual([
      expect.objectContaining({ topic: 'disputes', attributes: { cause: 'quantity' } }),
    ]);
  });

  it('refuses an amount above what is open, naming amount, and a second dispute with a conflict', async () => {
    const w = await world();
    await expect(w.dispute({ amount: 1_000_01 })).rejects.toMatchObject({
      kind: 'invalid',
      issues: [{ path: 'amount', message: expect.any(String) }],
    });
    expect(await w.store.listOpenDisputes()).toEqual([]);
    await w.dispute();
    await expect(w.dispute()).rejects.toMatchObject({ kind: 'conflict', code: 'already_paused' });
  });

  it('resumes the dunning at the next step when the dispute is rejected, and resolves it only once', async () => {
    const w = await world();
    const dispute = await w.dispute();

    const rejected = await resolveDispute(w.deps, {
      disputeId: dispute.id,
      outcome: 'rejected',
      note: 'Afgeleverd volgens de vrachtbrief',
      by: 'mgr-1',
    });

    expect(rejected).toMatchObject({
      status: 'rejected',
      resolution: { outcome: 'rejected', by: 'user:mgr-1' },
    });
    expect((await w.store.getInvoice(w.invoice.id))?.dunning?.status).toBe('running');
    expect(w.workflow.startedFor(w.invoice.id)).toHaveLength(2);
    await expect(
      resolveDispute(w.deps, { disputeId: dispute.id, outcome: 'withdrawn', note: 'x', by: 'mgr-1' }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'dispute_not_open' });
  });

  it('keeps a credited dispute paused until a partial credit note, then resumes for the rest', async () => {
    const w = await world();
    const dispute = await w.dispute();
    await resolveDispute(w.deps, {
      disputeId: dispute.id,
      outcome: 'credited',
      creditAmount: 200_00,
      note: 'Terecht',
      by: 'mgr-1',
    });
    expect((await w.store.getDispute(dispute.id))?.status).toBe('awaiting_credit_note');
    expect((await w.store.getInvoice(w.invoice.id))?.dunning?.status).toBe('paused');

    await w.creditNote(200_00);

    const after = await w.store.getInvoice(w.invoice.id);
    expect(after).toMatchObject({ openAmount: 800_00, dunning: { status: 'running' } });
    expect(await w.store.getDispute(dispute.id)).toMatchObject({
      status: 'credited',
      creditNoteId: expect.any(String),
    });
  });

  it('puts a dispute still open on its respond-by day on a manager list once, and lists it with its age', async () => {
    const w = await world();
    const dispute = await w.dispute();
    w.laterDays(9);
    expect(await raiseOverdueDisputeTasks(w.deps)).toBe(0);
    w.laterDays(1);
    expect(await raiseOverdueDisputeTasks(w.deps)).toBe(1);
    expect(await raiseOverdueDisputeTasks(w.deps)).toBe(0);

    expect(await w.store.getTask(overdueDisputeTaskId(dispute.id))).toMatchObject({
      kind: 'overdue_dispute',
      forRole: 'manager',
      invoiceId: w.invoice.id,
    });
    expect((await openDisputes(w.deps)).disputes).toEqual([
      expect.objectContaining({ id: dispute.id, ageDays: 10, overdue: true }),
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { addDays } from '../../../functions/core/calendar/calendar-date';
import { executionStem } from '../../../functions/core/dunning/dunning-state';
import { BUSINESS_TIME_ZONE, localDate } from '../../../functions/core/calendar/time-zone';
import { isCollecting } from '../../../functions/core/ledger/invoice';
import type { DebtorRecord, InvoiceRecord } from '../../../functions/ports/credit-store';
import { startDunning } from '../../../functions/use-cases/dunning/start-dunning';
import { endInvoiceHold } from '../../../functions/use-cases/holds/end-hold';
import { placeInvoiceHold } from '../../../functions/use-cases/holds/place-hold';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { brokenPromiseTaskId } from '../../../functions/use-cases/promises/follow-up-promise';
import { takePromise } from '../../../functions/use-cases/promises/take-promise';
import { Refusal } from '../../../functions/use-cases/refusal';
import {
  endSpecialManagement,
  placeInSpecialManagement,
} from '../../../functions/use-cases/special/special-management';
import { sweepDueInvoices } from '../../../functions/use-cases/sweep/due-invoice-sweep';
import { debtorRecord, invoiceRecord, newId } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

// Friday 6 March 2026, 06:00 in Amsterdam: the sweep's hour.
const START = new Date('2026-03-06T05:00:00Z');
const DAY_MS = 86_400_000;

/** Overdue invoices of one debtor, dunned on the in-memory store with a clock the test moves. */
async function world(invoiceCount = 1) {
  const store = new InMemoryCreditStore();
  const workflow = new RecordingWorkflow();
  let now = START;
  const clock = { now: () => now };
  const deps = { store, workflow, clock, referenceScheme: 'rf' as const };
  const debtor: DebtorRecord = debtorRecord();
  await store.commit([{ kind: 'putDebtor', debtor, expectedVersion: null }]);
  const invoices: InvoiceRecord[] = [];
  for (let i = 0; i < invoiceCount; i++) {
    const invoice = invoiceRecord({ id: newId('inv'), debtorId: debtor.id, dueDate: '2026-03-01' });
    await store.commit([{ kind: 'putInvoice', invoice, expectedVersion: null }]);
    invoices.push(await startDunning(deps, invoice, debtor, { reason: 'fell_due', actor: 'sweep' }));
  }
  return {
    store,
    workflow,
    deps,
    debtor,
    invoices,
    today: () => localDate(now, BUSINESS_TIME_ZONE),
    /** Moves the clock whole days on and runs the daily sweep, as EventBridge Scheduler would. */
    async nextDays(days: number) {
      now = new Date(now.getTime() + days * DAY_MS);
      return sweepDueInvoices(deps);
    },
    pay: (invoiceId: string, amount: number) =>
      receiveDelivery(deps, {
        id: newId('msg'),
        event: webhookEvent.parse({
          type: 'payment.received',
          timestamp: now.toISOString(),
          data: { id: newId('pay'), amount, currency: 'EUR', receivedAt: now.toISOString(), invoiceId },
        }),
      }),
    promise: (
      invoiceId: string,
      promisedDate: string,
      options: { isManager?: boolean; amount?: number } = {},
    ) =>
      takePromise(deps, {
        invoiceIds: [invoiceId],
        promisedDate,
        by: 'controller-1',
        isManager: options.isManager ?? false,
        ...(options.amount !== undefined ? { amount: options.amount } : {}),
      }),
  };
}

describe('a promise to pay on the in-memory store', () => {
  it('pauses the dunning and stops its execution, recording who took the promise', async () => {
    const w = await world();
    const [invoice] = w.invoices;

    const promise = await w.promise(invoice!.id, '2026-03-12');

    expect(promise).toMatchObject({ status: 'open', amount: 1_000_00, followUpOn: '2026-03-16' });
    expect((await w.store.getInvoice(invoice!.id))?.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'promise',
      pausedBy: 'user:controller-1',
      pausedUntil: '2026-03-16',
      pauseRef: promise.id,
    });
    expect(w.workflow.stopped).toEqual([
      { execution: invoice!.dunning!.execution, reason: 'promise to pay' },
    ]);
    expect(await w.workflow.running()).toEqual(new Set());
  });

  it('refuses a second open promise, and a promise on a paid invoice, with a conflict', async () => {
    const w = await world();
    const id = w.invoices[0]!.id;
    await w.promise(id, '2026-03-12');
    await expect(w.promise(id, '2026-03-13')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'already_paused',
    });

    await w.pay(id, 1_000_00);
    await expect(w.promise(id, '2026-03-13')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'invoice_not_open',
    });
  });

  it('refuses an amount above what is open, naming amount', async () => {
    const w = await world();
    await expect(w.promise(w.invoices[0]!.id, '2026-03-12', { amount: 1_000_01 })).rejects.toMatchObject({
      kind: 'invalid',
      issues: [{ path: 'amount', message: expect.any(String) }],
    });
  });

  it('is kept at once by a payment in full, and the invoice settles from its pause', async () => {
    const w = await world();
    const id = w.invoices[0]!.id;
    const promise = await w.promise(id, '2026-03-12');

    await w.pay(id, 1_000_00);

    expect(await w.store.getPromise(promise.id)).toMatchObject({ status: 'kept', paidAmount: 1_000_00 });
    expect(await w.store.getInvoice(id)).toMatchObject({ status: 'paid', dunning: { status: 'stopped' } });
    expect(w.workflow.started).toHaveLength(1);
  });

  it('is broken on its follow-up day by a partial payment: a task, and the dunning resumes after the last step', async () => {
    const w = await world();
    const id = w.invoices[0]!.id;
    const promise = await w.promise(id, '2026-03-12');
    await w.nextDays(2);
    await w.pay(id, 400_00);

    await w.nextDays(7); // Friday the 13th: still open; the follow-up is Monday the 16th.
    expect((await w.store.getPromise(promise.id))?.status).toBe('open');
    const report = await w.nextDays(3);

    expect(report.resumed).toBe(1);
    expect(await w.store.getPromise(promise.id)).toMatchObject({ status: 'broken', paidAmount: 400_00 });
    expect(await w.store.getTask(brokenPromiseTaskId(promise.id))).toMatchObject({
      kind: 'broken_promise',
      status: 'open',
    });
    expect(w.workflow.started.at(-1)).toMatchObject({ invoiceId: id, resumeAt: 'firstReminder' });
    expect((await w.store.getInvoice(id))?.dunning?.status).toBe('running');
  });

  it('lets only a manager take a promise after maxBrokenPromises broken ones on the invoice', async () => {
    const w = await world();
    const id = w.invoices[0]!.id;
    for (const days of [3, 3]) {
      await w.promise(id, w.today());
      await w.nextDays(days + 2);
    }
    const refusal = await w.promise(id, w.today()).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('only a manager') });
    await expect(w.promise(id, w.today(), { isManager: true })).resolves.toMatchObject({ status: 'open' });
  });
});

describe('special management on the in-memory store', () => {
  it("pauses every invoice, moves the debtor's tasks to the special list and back, and pauses a resume under it", async () => {
    const w = await world(2);
    const [first, second] = w.invoices;
    await w.store.commit([
      {
        kind: 'putTask',
        task: {
          id: 'task-call',
          kind: 'call',
          status: 'open',
          invoiceId: first!.id,
          debtorId: w.debtor.id,
          dueDate: w.today(),
          priority: 1,
          summary: 'call',
          version: 1,
          createdAt: START.toISOString(),
          updatedAt: START.toISOString(),
        },
        expectedVersion: null,
      },
    ]);
    await w.promise(second!.id, addDays(w.today(), 3));

    const placed = await placeInSpecialManagement(w.deps, w.debtor.id, {
      reason: 'bankruptcy',
      note: 'curator benoemd',
      by: 'special-1',
    });

    expect(placed).toMatchObject({
      management: 'special',
      invoicesPaused: [first!.id],
      tasksMoved: ['task-call'],
    });
    expect(await w.store.getTask('task-call')).toMatchObject({ forRole: 'special' });
    expect(await w.workflow.running()).toEqual(new Set());
    // The promise's follow-up day comes: its resume is paused under the special management instead.
    await w.nextDays(7);
    expect((await w.store.getInvoice(second!.id))?.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'special_management',
    });
    expect(await w.workflow.running()).toEqual(new Set());

    const released = await endSpecialManagement(w.deps, w.debtor.id, 'special-1');
    expect(released.invoicesResumed.sort()).toEqual([first!.id, second!.id].sort());
    expect((await w.store.getTask('task-call'))?.forRole).toBeUndefined();
    expect((await w.workflow.running()).size).toBe(2);
    await expect(endSpecialManagement(w.deps, w.debtor.id, 'special-1')).rejects.toMatchObject({
      code: 'not_in_special_management',
    });
  });
});

describe('every pause ends in a settlement or a resume', () => {
  type Action =
    | { kind: 'promise'; invoice: number; days: number }
    | { kind: 'hold'; invoice: number; days: number }
    | { kind: 'lift'; invoice: number }
    | { kind: 'pay'; invoice: number; full: boolean }
    | { kind: 'day'; days: number }
    | { kind: 'special' }
    | { kind: 'release' };

  const INVOICES = 3;
  const anInvoice = fc.integer({ min: 0, max: INVOICES - 1 });
  const anAction: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      kind: fc.constant('promise' as const),
      invoice: anInvoice,
      days: fc.integer({ min: 0, max: 10 }),
    }),
    fc.record({
      kind: fc.constant('hold' as const),
      invoice: anInvoice,
      days: fc.integer({ min: 1, max: 10 }),
    }),
    fc.record({ kind: fc.constant('lift' as const), invoice: anInvoice }),
    fc.record({ kind: fc.constant('pay' as const), invoice: anInvoice, full: fc.boolean() }),
    fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('special' as const) }),
    fc.record({ kind: fc.constant('release' as const) }),
  );

  /**
   * Every overdue open invoice has exactly one running execution or one recorded pause; a settled
   * one neither; and while its debtor is under special management, none runs.
   */
  async function checkInvariant(w: Awaited<ReturnType<typeof world>>) {
    const running = await w.workflow.running();
    const special = (await w.store.getDebtor(w.debtor.id))?.management === 'special';
    for (const { id } of w.invoices) {
      const invoice = await w.store.getInvoice(id);
      const executions = [...running].filter((name) => name.startsWith(`${executionStem(id)}--`));
      if (!invoice || !isCollecting(invoice)) {
        expect(executions, `settled ${id}`).toEqual([]);
        continue;
      }
      if (invoice.dunning?.status === 'paused') {
        expect(invoice.dunning.pausedFor, `paused ${id}`).toBeDefined();
        expect(executions, `paused ${id}`).toEqual([]);
      } else {
        expect(special, `dunned under special management ${id}`).toBe(false);
        expect(invoice.dunning?.status, `dunned ${id}`).toBe('running');
        expect(executions, `dunned ${id}`).toEqual([invoice.dunning?.execution]);
      }
    }
  }

  it('leaves every overdue open invoice with exactly one running execution or one recorded pause', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anAction, { minLength: 1, maxLength: 12 }), async (actions) => {
        const w = await world(INVOICES);
        for (const action of actions) {
          const id = 'invoice' in action ? w.invoices[action.invoice]!.id : '';
          try {
            if (action.kind === 'promise')
              await w.promise(id, addDays(w.today(), action.days), { isManager: true });
            else if (action.kind === 'hold')
              await placeInvoiceHold(w.deps, id, {
                until: addDays(w.today(), action.days),
                reason: 'test',
                by: 'c',
              });
            else if (action.kind === 'lift') await endInvoiceHold(w.deps, id, { by: 'user:c' });
            else if (action.kind === 'special')
              await placeInSpecialManagement(w.deps, w.debtor.id, { reason: 'financial_trouble', by: 's' });
            else if (action.kind === 'release') await endSpecialManagement(w.deps, w.debtor.id, 's');
            else if (action.kind === 'pay') {
              const open = (await w.store.getInvoice(id))?.openAmount ?? 0;
              if (open > 0) await w.pay(id, action.full ? open : Math.ceil(open / 3));
            } else await w.nextDays(action.days);
          } catch (error) {
            if (!(error instanceof Refusal)) throw error;
          }
          await checkInvariant(w);
        }
        // Special management lasts until it is ended; then long enough for every promise and hold
        // to end: nothing stays paused for ever.
        if ((await w.store.getDebtor(w.debtor.id))?.management === 'special') {
          await endSpecialManagement(w.deps, w.debtor.id, 's');
          await checkInvariant(w);
        }
        await w.nextDays(20);
        await checkInvariant(w);
        for (const { id } of w.invoices) {
          const invoice = await w.store.getInvoice(id);
          if (invoice && isCollecting(invoice)) expect(invoice.dunning?.status).toBe('running');
        }
      }),
      { numRuns: 60 },
    );
  });
});

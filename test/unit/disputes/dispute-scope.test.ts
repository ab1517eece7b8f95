import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import {
  disputedInvoicesIssues,
  documentOf,
  isPartOfInvoice,
  undisputedAmount,
} from '../../../functions/core/disputes/dispute';
import { causeListIssues, SEED_DISPUTE_CAUSES } from '../../../functions/core/disputes/dispute-causes';
import { raiseDebtorDispute } from '../../../functions/use-cases/disputes/raise-debtor-dispute';
import { raiseDispute } from '../../../functions/use-cases/disputes/raise-dispute';
import { resolveDispute } from '../../../functions/use-cases/disputes/resolve-dispute';
import { startDunning } from '../../../functions/use-cases/dunning/start-dunning';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { disputeCauses, setDisputeCauses } from '../../../functions/use-cases/settings/dispute-causes';
import { checkStep } from '../../../functions/use-cases/steps/check-step';
import { disputedPartLine } from '../../../functions/templates/disputed-part';
import { invoiceRecord, newId } from '../../support/credit-records';
import { dunnedInvoiceWorld } from '../../support/dunned-invoice-world';

// Friday 6 March 2026, 10:00 in Amsterdam.
const START = new Date('2026-03-06T09:00:00Z');

describe('the rules of what a dispute covers', () => {
  it('disputes part of an invoice only for an amount below what is open', () => {
    expect(isPartOfInvoice(undefined, 1_000_00)).toBe(false);
    expect(isPartOfInvoice(1_000_00, 1_000_00)).toBe(false);
    expect(isPartOfInvoice(250_00, 1_000_00)).toBe(true);
  });

  it('asks for what is open less the disputed part, and never less than nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (open, part, paid) => {
          const disputed = Math.min(part, open - 1);
          const after = Math.max(0, open - paid);
          const asked = undisputedAmount({
            openAmount: after,
            disputedPart: { disputeId: 'd', amount: disputed },
          });
          expect(asked).toBeGreaterThanOrEqual(0);
          expect(asked).toBeLessThanOrEqual(after);
          // The letter's amount and the disputed part make up what is open, as long as the part is.
          if (after >= disputed) expect(asked + disputed).toBe(after);
          else expect(asked).toBe(0);
          expect(undisputedAmount({ openAmount: after })).toBe(after);
        },
      ),
    );
  });

  it('names each invoice of a dispute over several that is unknown, foreign, repeated or in another currency', () => {
    const mine = (id: string, currency = 'EUR') => ({ id, debtorId: 'deb-1', currency });
    expect(
      disputedInvoicesIssues({
        debtorId: 'deb-1',
        invoiceIds: ['a', 'b', 'a', 'c', 'd'],
        invoices: [mine('a'), undefined, mine('a'), { ...mine('c'), debtorId: 'deb-2' }, mine('d', 'GBP')],
      }),
    ).toEqual({
      notFound: [{ path: 'invoiceIds.1', message: 'invoice b does not exist' }],
      invalid: [
        { path: 'invoiceIds.2', message: 'invoice a is named twice' },
        { path: 'invoiceIds.3', message: 'invoice c is not an invoice of debtor deb-1' },
        { path: 'invoiceIds.4', message: expect.stringContaining('one dispute per currency') },
      ],
    });
  });

  it('keeps a list of causes that is not empty and names each cause once', () => {
    expect(causeListIssues(SEED_DISPUTE_CAUSES)).toEqual([]);
    expect(causeListIssues([])).toEqual([{ path: 'causes', message: expect.any(String) }]);
    expect(
      causeListIssues([
        { cause: 'price', label: 'Price' },
        { cause: 'price', label: 'Again' },
      ]),
    ).toEqual([{ path: 'causes.1.cause', message: 'cause price is listed twice' }]);
  });

  it('says in one line of the letter which part is disputed and what it asks for instead', () => {
    const invoice = { number: 'F-1', disputed: '€ 250,00', asked: '€ 750,00' };
    expect(disputedPartLine('nl', invoice)).toBe(
      'Van factuur F-1 is € 250,00 betwist; dat deel laten wij buiten deze brief tot het bezwaar is afgehandeld, en wij vragen nu het onbetwiste bedrag van € 750,00.',
    );
    expect(disputedPartLine('en', invoice)).toContain('ask now for the undisputed € 750,00');
  });

  it('reads a bare document reference as a document of kind document', () => {
    expect(documentOf('s3://bon/1.pdf')).toEqual({ kind: 'document', ref: 's3://bon/1.pdf' });
    expect(documentOf({ kind: 'photo', ref: 'https://x/1.jpg' })).toEqual({
      kind: 'photo',
      ref: 'https://x/1.jpg',
    });
  });
});

async function world() {
  const w = await dunnedInvoiceWorld({ start: START });
  const event = (type: string, data: Record<string, unknown>) =>
    receiveDelivery(w.deps, {
      id: newId('msg'),
      event: webhookEvent.parse({ type, timestamp: w.deps.clock.now().toISOString(), data }),
    });
  return {
    ...w,
    pay: (invoiceId: string, amount: number) =>
      event('payment.received', {
        id: newId('pay'),
        amount,
        currency: 'EUR',
        receivedAt: w.deps.clock.now().toISOString(),
        invoiceId,
      }),
    creditNote: (invoiceId: string, amount: number) =>
      event('credit_note.created', { id: newId('cn'), invoiceId, amount, currency: 'EUR' }),
    async secondInvoice() {
      const stored = invoiceRecord({ id: newId('inv'), debtorId: w.debtor.id, dueDate: '2026-03-01' });
      await w.store.commit([{ kind: 'putInvoice', invoice: stored, expectedVersion: null }]);
      return startDunning(w.deps, stored, w.debtor, { reason: 'fell_due', actor: 'sweep' });
    },
  };
}

describe('a dispute over part of an invoice on the in-memory store', () => {
  it('pauses nothing and sets the part aside; the rejection asks for all of it again', async () => {
    const w = await world();
    const dispute = await raiseDispute(w.deps, {
      invoiceId: w.invoice.id,
      cause: 'quantity',
      amount: 250_00,
      note: 'Twee dozen te weinig',
      by: 'ctl-1',
    });

    expect(dispute).toMatchObject({ partial: true, amount: 250_00 });
    const marked = await w.store.getInvoice(w.invoice.id);
    expect(marked).toMatchObject({
      dunning: { status: 'running' },
      disputedPart: { disputeId: dispute.id, amount: 250_00 },
    });
    expect(w.workflow.stoppedFor(w.invoice.id)).toEqual([]);
    await expect(
      raiseDispute(w.deps, { invoiceId: w.invoice.id, cause: 'price', note: 'x', by: 'ctl-1' }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'already_disputed' });

    await resolveDispute(w.deps, { disputeId: dispute.id, outcome: 'rejected', note: 'Klopt', by: 'mgr-1' });
    const after = await w.store.getInvoice(w.invoice.id);
    expect(after?.disputedPart).toBeUndefined();
    expect(after?.dunning?.execution).toBe(w.invoice.dunning?.execution);
  });

  it('pauses the dunning at the next step once only the disputed part is open, and resumes it at that step', async () => {
    const w = await world();
    const dispute = await raiseDispute(w.deps, {
      invoiceId: w.invoice.id,
      cause: 'quantity',
      amount: 250_00,
      note: 'Twee dozen te weinig',
      by: 'ctl-1',
    });
    await w.pay(w.invoice.id, 750_00);

    const check = await checkStep(w.deps, {
      invoiceId: w.invoice.id,
      execution: w.invoice.dunning!.execution,
      step: 'firstReminder',
    });
    expect(check).toMatchObject({ outcome: { status: 'skipped', skip: 'dunning_stopped' } });
    expect((await w.store.getInvoice(w.invoice.id))?.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'dispute',
      pauseRef: dispute.id,
    });

    await resolveDispute(w.deps, { disputeId: dispute.id, outcome: 'withdrawn', note: 'x', by: 'mgr-1' });
    expect(await w.store.getInvoice(w.invoice.id)).toMatchObject({
      openAmount: 250_00,
      dunning: { status: 'running' },
    });
    expect(w.workflow.startedFor(w.invoice.id).at(-1)).toMatchObject({ resumeAt: 'firstReminder' });
  });

  it('closes a credited part with its credit note, and asks for what is left in full', async () => {
    const w = await world();
    const dispute = await raiseDispute(w.deps, {
      invoiceId: w.invoice.id,
      cause: 'price',
      amount: 100_00,
      note: 'Korting vergeten',
      by: 'ctl-1',
    });
    await resolveDispute(w.deps, {
      disputeId: dispute.id,
      outcome: 'credited',
      note: 'Terecht',
      by: 'mgr-1',
    });
    expect((await w.store.getInvoice(w.invoice.id))?.disputedPart).toEqual({
      disputeId: dispute.id,
      amount: 100_00,
    });

    await w.creditNote(w.invoice.id, 100_00);

    const after = await w.store.getInvoice(w.invoice.id);
    expect(after).toMatchObject({ openAmount: 900_00, dunning: { status: 'running' } });
    expect(after?.disputedPart).toBeUndefined();
    expect(await w.store.getDispute(dispute.id)).toMatchObject({ status: 'credited' });
  });
});

describe('a dispute over several invoices on the in-memory store', () => {
  it('pauses each, and a credited one closes only when every invoice had its credit note', async () => {
    const w = await world();
    const second = await w.secondInvoice();
    const dispute = await raiseDebtorDispute(w.deps, {
      debtorId: w.debtor.id,
      invoiceIds: [w.invoice.id, second.id],
      cause: 'duplicate_invoice',
      note: 'Twee keer gefactureerd',
      documents: [{ kind: 'email', ref: 'mail://inbox/42' }],
      by: 'ctl-1',
    });
    expect(dispute).toMatchObject({ invoiceIds: [w.invoice.id, second.id], amount: 2_000_00 });
    for (const id of [w.invoice.id, second.id]) {
      expect((await w.store.getInvoice(id))?.dunning).toMatchObject({
        status: 'paused',
        pauseRef: dispute.id,
      });
    }
    expect(w.published).toHaveLength(1);

    await resolveDispute(w.deps, { disputeId: dispute.id, outcome: 'credited', note: 'Klopt', by: 'mgr-1' });
    await w.creditNote(w.invoice.id, 400_00);
    expect(await w.store.getDispute(dispute.id)).toMatchObject({
      status: 'awaiting_credit_note',
      closedInvoiceIds: [w.invoice.id],
    });
    expect((await w.store.getInvoice(w.invoice.id))?.dunning?.status).toBe('running');
    expect((await w.store.getInvoice(second.id))?.dunning?.status).toBe('paused');

    await w.creditNote(second.id, 1_000_00);
    expect(await w.store.getDispute(dispute.id)).toMatchObject({ status: 'credited' });
    expect(await w.store.getInvoice(second.id)).toMatchObject({ status: 'paid' });
  });

  it('refuses a cause the admin list does not hold until an admin adds it', async () => {
    const w = await world();
    const ask = () =>
      raiseDispute(w.deps, { invoiceId: w.invoice.id, cause: 'too_expensive', note: 'x', by: 'ctl-1' });
    await expect(ask()).rejects.toMatchObject({ kind: 'invalid', issues: [{ path: 'cause' }] });

    const seed = await disputeCauses(w.store);
    await setDisputeCauses(
      w.store,
      {
        version: seed.version,
        causes: [...seed.causes, { cause: 'too_expensive', label: 'Too dear', owner: 'sales' }],
      },
      'admin-1',
      START,
    );
    expect(await ask()).toMatchObject({ cause: 'too_expensive', owner: 'sales' });
    expect(w.published.at(-1)?.attributes).toEqual({ cause: 'too_expensive', owner: 'sales' });
    await expect(
      setDisputeCauses(w.store, { version: seed.version, causes: seed.causes }, 'admin-1', START),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type IntakeWorld, intakeWorld } from './webhook-harness';

describe('an invoice that arrives overdue is dunned at once; one that is not due waits for the sweep', () => {
  let world: IntakeWorld;
  let debtorId: string;

  beforeAll(async () => {
    world = await intakeWorld('2025-03-10');
    debtorId = newId('deb');
    await world.deliver(debtorUpserted({ id: debtorId }));
  });

  afterAll(() => world.close());

  it('stores a new invoice as open with its whole total open and an RF payment reference', async () => {
    const invoiceId = newId('inv');

    const answer = await world.deliver(
      invoiceCreated({
        id: invoiceId,
        debtorId,
        number: 'F2025-00017',
        dueDate: '2025-03-31',
        totalAmount: 605_00,
      }),
    );

    expect(answer).toEqual({ status: 200, body: { status: 'applied' } });
    expect(await world.store.getInvoice(invoiceId)).toMatchObject({
      status: 'open',
      totalAmount: 605_00,
      openAmount: 605_00,
      paymentReference: 'RF94F202500017',
    });
    expect(await world.store.findInvoiceIdByReference('RF94F202500017')).toBe(invoiceId);
    const [received] = await world.store.timeline({ invoiceId });
    expect(received).toMatchObject({ type: 'invoice_received', actor: 'invoicing-system' });
  });

  it('starts the dunning of an invoice that is already past due when it arrives', async () => {
    const invoiceId = newId('inv');

    await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28' }));

    const invoice = await world.store.getInvoice(invoiceId);
    expect(invoice?.status).toBe('overdue');
    expect(invoice?.dunning).toMatchObject({ status: 'running', policyId: 'business-standard' });
    expect(world.workflow.startedFor(invoiceId)).toEqual([
      // Ten days overdue: it starts at its age, the firm reminder of day 14.
      expect.objectContaining({ execution: invoice?.dunning?.execution, resumeAt: 'secondReminder' }),
    ]);
    const started = (await world.store.timeline({ invoiceId })).find(
      (entry) => entry.type === 'dunning_started',
    );
    expect(started?.actor).toBe('invoicing-system');
  });

  it('starts nothing for an invoice that is not due yet', async () => {
    const invoiceId = newId('inv');

    await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-03-31' }));

    expect((await world.store.getInvoice(invoiceId))?.dunning).toBeUndefined();
    expect(world.workflow.startedFor(invoiceId)).toEqual([]);
  });

  it('starts nothing for an invoice due today: it is overdue only from tomorrow', async () => {
    const invoiceId = newId('inv');

    await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-03-10' }));

    expect(world.workflow.startedFor(invoiceId)).toEqual([]);
  });

  it('starts the dunning of an invoice sent twice only once', async () => {
    const invoiceId = newId('inv');
    const invoice = invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28' });

    await world.deliver(invoice);
    await world.deliver(invoice);

    expect(world.workflow.startedFor(invoiceId)).toHaveLength(1);
  });

  it('reads a new overdue invoice in seven DynamoDB reads, the policy kept, and starts its dunning once', async () => {
    // The debtor's policy is read once and then kept for a minute.
    await world.deliver(invoiceCreated({ id: newId('inv'), debtorId, dueDate: '2025-02-28' }));
    const invoiceId = newId('inv');
    world.forgetCalls();

    await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28' }));

    // The delivery, the invoice, the reference, the debtor, both parking places, and the debtor
    // again after the commit (credit on the account); the intake and the start in two transactions.
    expect(world.dynamodbCalls()).toEqual({
      GetItemCommand: 5,
      QueryCommand: 2,
      TransactWriteItemsCommand: 2,
    });
    expect(world.workflow.startedFor(invoiceId)).toHaveLength(1);
    expect((await world.store.getInvoice(invoiceId))?.dunning?.status).toBe('running');
  });

  it('counts "today" in Amsterdam: at 00:30 there on the 11th, an invoice due on the 10th is overdue', async () => {
    world.clock.set(new Date('2025-03-10T23:30:00Z'));
    const invoiceId = newId('inv');

    await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-03-10' }));

    expect(world.workflow.startedFor(invoiceId)).toHaveLength(1);
  });
});

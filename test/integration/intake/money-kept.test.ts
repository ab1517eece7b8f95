import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePaymentReference } from '../../../functions/core/payments/payment-reference';
import {
  creditNoteCreated,
  debtorUpserted,
  invoiceCancelled,
  invoiceCreated,
  invoiceUpdated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type IntakeWorld, intakeWorld, signedHeaders } from './webhook-harness';

describe('no money is lost, and no valid invoice is refused', () => {
  let world: IntakeWorld;

  beforeAll(async () => {
    world = await intakeWorld('2025-03-10');
  });

  afterAll(() => world.close());

  /** A debtor of their own, with one invoice of 100.00 due on 28 February (dunned on arrival). */
  async function debtorWithInvoice(): Promise<{ debtorId: string; invoiceId: string }> {
    const debtorId = newId('deb');
    const invoiceId = newId('inv');
    await world.deliver(debtorUpserted({ id: debtorId }));
    await world.deliver(
      invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28', totalAmount: 100_00 }),
    );
    return { debtorId, invoiceId };
  }

  const credits = async (debtorId: string) => (await world.store.getDebtor(debtorId))?.credits ?? {};

  it('credits the debtor with what was paid on an invoice that is then cancelled', async () => {
    const { debtorId, invoiceId } = await debtorWithInvoice();
    await world.deliver(paymentReceived({ invoiceId }, { amount: 40_00 }));

    const answer = await world.deliver(invoiceCancelled(invoiceId));

    expect(answer.status).toBe(200);
    expect(await world.store.getInvoice(invoiceId)).toMatchObject({ status: 'cancelled', openAmount: 0 });
    expect(await credits(debtorId)).toEqual({ EUR: 40_00 });
    expect((await world.store.timeline({ debtorId })).map((e) => e.type)).toContain('overpayment_credited');
  });

  it('credits the debtor with what was paid beyond a total the invoicing system lowered', async () => {
    const { debtorId, invoiceId } = await debtorWithInvoice();
    await world.deliver(paymentReceived({ invoiceId }, { amount: 80_00 }));

    await world.deliver(
      invoiceUpdated({ id: invoiceId, debtorId, dueDate: '2025-02-28', totalAmount: 50_00 }),
    );

    expect(await world.store.getInvoice(invoiceId)).toMatchObject({ status: 'paid', totalAmount: 50_00 });
    expect(await credits(debtorId)).toEqual({ EUR: 30_00 });
    expect(world.workflow.stoppedFor(invoiceId)).toHaveLength(1);
  });

  it('credits nothing for a credit note on a cancelled invoice that was never paid', async () => {
    const { debtorId, invoiceId } = await debtorWithInvoice();
    await world.deliver(invoiceCancelled(invoiceId));

    await world.deliver(creditNoteCreated({ invoiceId, amount: 100_00 }));

    expect(await credits(debtorId)).toEqual({});
  });

  it.each([
    { on: 'a paid invoice', paid: 100_00, cancel: false, credited: 60_00 },
    { on: 'a partly paid, cancelled invoice', paid: 40_00, cancel: true, credited: 40_00 },
  ])(
    'books a credit note on $on once when five deliveries of it under fresh webhook ids arrive at once',
    async ({ paid, cancel, credited }) => {
      const { debtorId, invoiceId } = await debtorWithInvoice();
      await world.deliver(paymentReceived({ invoiceId }, { amount: paid }));
      if (cancel) await world.deliver(invoiceCancelled(invoiceId));
      const body = JSON.stringify(creditNoteCreated({ invoiceId, amount: 60_00 }));

      const answers = await Promise.all(
        Array.from({ length: 5 }, () => world.post(body, signedHeaders(body, { id: newId('msg') }))),
      );

      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      const booked = (await world.store.timeline({ invoiceId })).filter(
        (e) => e.type === 'credit_note_received',
      );
      expect(booked).toHaveLength(1);
      expect(await credits(debtorId)).toEqual({ EUR: credited });
    },
  );

  it('gives an invoice whose number collides with another after normalisation a reference of its own', async () => {
    const debtorId = newId('deb');
    await world.deliver(debtorUpserted({ id: debtorId }));
    const suffix = newId('n').slice(2).toUpperCase();
    const [first, second] = [newId('inv'), newId('inv')];
    await world.deliver(
      invoiceCreated({ id: first, number: `X-2026-${suffix}`, debtorId, dueDate: '2025-04-30' }),
    );

    const answer = await world.deliver(
      invoiceCreated({
        id: second,
        number: `x/2026/${suffix.toLowerCase()}`,
        debtorId,
        dueDate: '2025-04-30',
      }),
    );

    expect(answer.status).toBe(200);
    const stored = await world.store.getInvoice(second);
    expect(stored?.paymentReference).not.toBe((await world.store.getInvoice(first))?.paymentReference);
    expect(parsePaymentReference(stored?.paymentReference ?? '')).toMatchObject({ valid: true });
    // A payment by the new reference pays the second invoice.
    await world.deliver(paymentReceived({ reference: stored?.paymentReference ?? '' }, { amount: 1_000_00 }));
    expect((await world.store.getInvoice(second))?.status).toBe('paid');
  });
});

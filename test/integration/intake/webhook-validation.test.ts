import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type IntakeWorld, intakeWorld, signedHeaders } from './webhook-harness';

describe('POST /webhooks/invoicing refuses events it cannot take, naming every problem', () => {
  let world: IntakeWorld;

  beforeAll(async () => {
    world = await intakeWorld('2025-03-10');
  });

  afterAll(() => world.close());

  const pathsOf = (answer: { body: { error?: { issues: { path: string }[] } } }) =>
    (answer.body.error?.issues ?? []).map((issue) => issue.path).sort();

  it('answers 400 validation_failed naming every bad field of an invoice, and stores nothing', async () => {
    const debtorId = newId('deb');
    await world.deliver(debtorUpserted({ id: debtorId }));
    const before = await world.itemCount();
    const invoiceId = newId('inv');

    const answer = await world.deliver(
      invoiceCreated({
        id: invoiceId,
        debtorId,
        dueDate: '31-03-2025',
        currency: 'euro',
        totalAmount: 1234.5,
        paymentLink: 'http://pay.example/unsafe',
      }),
    );

    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('validation_failed');
    expect(pathsOf(answer)).toEqual([
      'data.currency',
      'data.dueDate',
      'data.paymentLink',
      'data.totalAmount',
    ]);
    expect(await world.itemCount()).toBe(before);
    expect(await world.store.getInvoice(invoiceId)).toBeUndefined();
  });

  it('names a payment without a target next to its other bad fields', async () => {
    const answer = await world.deliver({
      type: 'payment.received',
      timestamp: new Date().toISOString(),
      data: { id: newId('pay'), amount: -5, currency: 'EUR', receivedAt: 'yesterday' },
    });

    expect(answer.status).toBe(400);
    expect(pathsOf(answer)).toEqual(['data', 'data.amount', 'data.receivedAt']);
    expect(answer.body.error?.issues.find((issue) => issue.path === 'data')?.message).toMatch(
      /exactly one of invoiceId, reference and debtorId/,
    );
  });

  it('refuses a payment reference whose check digits are wrong, naming data.reference, and books nothing', async () => {
    const paymentId = newId('pay');

    const answer = await world.deliver(
      paymentReceived({ reference: 'RF19 5390 0754 7034' }, { id: paymentId, amount: 100_00 }),
    );

    expect(answer.status).toBe(400);
    expect(answer.body.error?.issues).toEqual([
      { path: 'data.reference', message: expect.stringMatching(/check digits/) },
    ]);
    expect(await world.store.getPayment(paymentId)).toBeUndefined();
  });

  it('refuses a payment in another currency than its invoice, naming data.currency, and leaves the invoice as it was', async () => {
    const debtorId = newId('deb');
    const invoiceId = newId('inv');
    await world.deliver(debtorUpserted({ id: debtorId }));
    await world.deliver(
      invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-03-31', totalAmount: 500_00 }),
    );
    const paymentId = newId('pay');

    const answer = await world.deliver(
      paymentReceived({ invoiceId }, { id: paymentId, amount: 500_00, currency: 'USD' }),
    );

    expect(answer.status).toBe(400);
    expect(answer.body.error?.issues.map((issue) => issue.path)).toEqual(['data.currency']);
    expect(answer.body.error?.issues[0]?.message).toMatch(/EUR/);
    expect(await world.store.getPayment(paymentId)).toBeUndefined();
    expect((await world.store.getInvoice(invoiceId))?.openAmount).toBe(500_00);
  });

  it('refuses an event type it does not know, naming type', async () => {
    const answer = await world.deliver({
      type: 'invoice.printed',
      timestamp: new Date().toISOString(),
      data: {},
    });

    expect(answer.status).toBe(400);
    expect(pathsOf(answer)).toEqual(['type']);
  });

  it('refuses a signed body that is not JSON with 400 invalid_json', async () => {
    const body = '{"type": "debtor.upserted",';

    const answer = await world.post(body, signedHeaders(body));

    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('invalid_json');
  });

  it('refuses a debtor whose hand-set segment names no dunning policy, naming data.segment', async () => {
    const debtorId = newId('deb');

    const answer = await world.deliver(debtorUpserted({ id: debtorId, segment: 'platinum' }));

    expect(answer.status).toBe(400);
    expect(pathsOf(answer)).toEqual(['data.segment']);
    expect(await world.store.getDebtor(debtorId)).toBeUndefined();
  });

  it('does not remember a refused delivery: its id is handled afresh when the corrected event comes', async () => {
    const debtorId = newId('deb');
    const id = newId('msg');

    await world.deliver(debtorUpserted({ id: debtorId, segment: 'platinum' }), { id });
    const retry = await world.deliver(debtorUpserted({ id: debtorId }), { id });

    expect(retry).toEqual({ status: 200, body: { status: 'applied' } });
    expect(await world.store.getDebtor(debtorId)).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../functions/core/legal/claim';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type ClaimsCloud, claimsCloud, sesDelivery } from './claims-cloud';

/** Business time on the local cloud: Monday 10 March 2025, 08:00 in Amsterdam. */
const START = '2025-03-10T07:00:00Z';
/** The consumer policy sends the 14-day letter 21 days after the due date: Monday 31 March, 09:00. */
const DUE = '2025-03-10';
/** Its mail server confirms deliveries late: the test records the delivery itself. */
const SLOW_MAILBOX = 'slow-mailbox@consumer.example';

/**
 * Two consumers dunned side by side: one with three invoices that share one 14-day letter, one
 * whose letter is delivered a day later than the delivery margin the printed date allows for.
 */
describe('the costs a 14-day letter states, on the local cloud', () => {
  let world: ClaimsCloud;
  let shared: { debtorId: string; invoiceIds: string[] };
  let late: { debtorId: string; invoiceId: string };

  beforeAll(async () => {
    world = await claimsCloud(START, { sesSlowMailboxes: [SLOW_MAILBOX] });
    shared = { debtorId: await consumer(), invoiceIds: [] };
    for (let i = 0; i < 3; i++) shared.invoiceIds.push(await invoice(shared.debtorId, 100_00));
    late = { debtorId: await consumer(SLOW_MAILBOX), invoiceId: '' };
    late.invoiceId = await invoice(late.debtorId, 1_000_00);
    await world.cloud.advanceTo(new Date('2025-03-31T08:00:00Z'));
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function consumer(email = `${newId('consumer')}@consumer.example`): Promise<string> {
    const id = newId('deb');
    const debtor = debtorUpserted({ id, kind: 'consumer', name: `Consumer ${id}`, email });
    expect((await world.deliver(debtor)).status).toBe(200);
    return id;
  }

  async function invoice(debtorId: string, totalAmount: number): Promise<string> {
    const id = newId('inv');
    const answer = await world.deliver(
      invoiceCreated({ id, debtorId, dueDate: DUE, issueDate: '2025-02-10', totalAmount }),
    );
    expect(answer.status).toBe(200);
    return id;
  }

  const fourteenDayLetterOf = (invoiceId: string) =>
    world.timelineEntry(
      invoiceId,
      (event) => event.type === 'email_sent' && event.details?.template === 'fourteen-day-letter',
    );

  const claimOf = (invoiceId: string, asOf: string) =>
    world.call<Claim>('controller', 'GET', `/invoices/${invoiceId}/claim?asOf=${asOf}`);

  it('prints a last day to pay that allows a day for the email to arrive', async () => {
    const sent = await fourteenDayLetterOf(late.invoiceId);
    // Received at the latest on 1 April; 14 days from the day after: 15 April.
    expect(sent.details?.fourteenDayTerm).toEqual({
      endsOn: '2025-04-15',
      costs: { amount: 150_00, currency: 'EUR' },
    });
  });

  it('computes the costs of one letter for three invoices of EUR 100 once, EUR 45, and charges each EUR 15', async () => {
    const sent = await fourteenDayLetterOf(shared.invoiceIds[0]!);
    expect(sent.details?.invoiceIds).toEqual(expect.arrayContaining(shared.invoiceIds));
    expect(sent.details?.fourteenDayTerm).toMatchObject({ costs: { amount: 45_00, currency: 'EUR' } });

    const claims = await Promise.all(shared.invoiceIds.map((id) => claimOf(id, '2025-04-16')));

    for (const { status, body } of claims) {
      expect(status).toBe(200);
      expect(body.costs).toMatchObject({ amount: 15_00, vat: 0, rule: 'wik-scale', dueFrom: '2025-04-16' });
      expect(body.costs.letter).toMatchObject({
        id: sent.details?.messageId,
        sentOn: '2025-03-31',
        principal: 300_00,
        amount: 45_00,
      });
      expect([...(body.costs.letter?.invoiceIds ?? [])].sort()).toEqual([...shared.invoiceIds].sort());
    }
    expect(claims.reduce((total, { body }) => total + body.costs.amount, 0)).toBe(45_00);
  });

  it('charges no costs on a 14-day letter delivered a day late, and asks a controller to send a new one', async () => {
    const sent = await fourteenDayLetterOf(late.invoiceId);
    // Delivered on 2 April: the term runs to 16 April, past the printed 15 April.
    await world.cloud.invoke(
      'record-email-event',
      sesDelivery(sent.details, late.debtorId, '2025-04-02T09:00:00Z'),
    );

    const { status, body: claim } = await claimOf(late.invoiceId, '2025-05-01');
    const { body } = await world.call<{ tasks: { kind: string; invoiceId: string; summary: string }[] }>(
      'controller',
      'GET',
      '/tasks',
    );

    expect(status).toBe(200);
    expect(claim.costs).toEqual({ amount: 0, vat: 0, rule: 'wik-scale', dueFrom: null });
    expect(claim.explanation).toContainEqual(
      expect.stringContaining('er is een nieuwe veertiendagenbrief nodig'),
    );
    expect(
      body.tasks.filter(
        (task) => task.invoiceId === late.invoiceId && task.kind === 'resend_fourteen_day_letter',
      ),
    ).toEqual([expect.objectContaining({ summary: expect.stringContaining('Send a new 14-day letter') })]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView, payment } from './scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. Invoices due on 1 March are overdue on arrival; the
// business-standard policy sends its first reminder on 4 March at 09:00 (08:00Z).
const START = new Date('2026-03-02T05:00:00Z');

describe('payments change the course of the dunning at once', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('sends no email when the invoice is paid before the first reminder, and records the cure before any step', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    await eventually(async () =>
      expect((await invoiceView(h, inv.id)).dunning?.executionStatus).toBe('RUNNING'),
    );

    await h.advanceDays(1);
    // Received now: a payment cannot be received later than the moment it is reported.
    expect((await h.post(payment(inv.id, 1_250_00, '2026-03-03T06:00:00+01:00'))).status).toBe(200);
    await h.advanceDays(20);

    const view = await invoiceView(h, inv.id);
    expect(view.status).toBe('paid');
    expect(view.dunning?.executionStatus).toBe('ABORTED');
    expect(view.dunning?.curedAfter).toBe('none');
    expect(await emailsTo(h, debtor.email)).toHaveLength(0);
  });

  it('stops the dunning when the invoice is paid after the first reminder, and records that it was cured by it', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    await h.advanceDays(3);
    await eventually(async () => expect(await emailsTo(h, debtor.email)).toHaveLength(1));

    await h.post(payment(inv.id, 1_250_00));
    await h.advanceDays(20);

    const view = await invoiceView(h, inv.id);
    expect(view.status).toBe('paid');
    expect(view.dunning?.executionStatus).toBe('ABORTED');
    expect(view.dunning?.curedAfter).toBe('firstReminder');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
    expect(view.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'invoice_received',
        'dunning_started',
        'email_sent',
        'payment_received',
        'invoice_paid',
      ]),
    );
  });

  it('goes on dunning the rest after a partial payment', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 1_000_00 });
    await h.advanceDays(3);
    await h.post(payment(inv.id, 400_00));
    await h.advanceDays(12);

    const view = await invoiceView(h, inv.id);
    expect(view.status).toBe('overdue');
    expect(view.openAmount).toBe(600_00);
    expect(view.dunning?.executionStatus).toBe('RUNNING');
    const letters = await eventually(async () => {
      const sent = await emailsTo(h, debtor.email);
      expect(sent).toHaveLength(2);
      return sent;
    });
    // The second reminder asks for what is still open: € 600,00 in Dutch notation.
    expect(letters[1]?.text).toContain('600,00');
    expect(letters[1]?.text).not.toContain('1.000,00');
  });

  it('applies a payment that arrives before its invoice, and never duns that invoice', async () => {
    const debtor = await businessDebtor(h);
    const invoiceId = newId('inv');
    const early = await h.post(payment(invoiceId, 1_250_00, '2026-03-02T06:00:00+01:00'));
    expect(early.status).toBe(202);

    await invoice(h, debtor.id, { id: invoiceId, dueDate: '2026-03-01' });
    await h.advanceDays(10);

    const view = await invoiceView(h, invoiceId);
    expect(view.status).toBe('paid');
    expect(view.dunning).toBeNull();
    expect(await emailsTo(h, debtor.email)).toHaveLength(0);
  });

  it('handles the same payment delivered twice once', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 1_000_00 });
    const event = payment(inv.id, 300_00, '2026-03-02T06:00:00+01:00');
    const first = await h.post(event, 'msg_duplicate-payment');
    const again = await h.post(event, 'msg_duplicate-payment');

    expect(again).toEqual(first);
    const view = await invoiceView(h, inv.id);
    expect(view.openAmount).toBe(700_00);
    expect(view.timeline.filter((e) => e.type === 'payment_received')).toHaveLength(1);
  });
});

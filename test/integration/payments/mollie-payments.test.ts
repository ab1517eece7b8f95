import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoiceCreated, newId, newInvoiceNumber } from '../../../local/invoicing/invoicing-events';
import { paymentProviderFromEnvironment } from '../../../functions/shared/dependencies/payment-provider-from-environment';
import { creditStoreFromEnvironment } from '../../../functions/shared/dependencies/store-from-environment';
import { startCheckout } from '../../../functions/use-cases/provider-payments/start-checkout';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. An invoice due on 1 March gets its first reminder on
// 4 March at 09:00 and its second on 15 March (business-standard: +3 and +14 days).
const START = new Date('2026-03-02T05:00:00Z');

describe('payments through Mollie', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  /** A checkout as the self-service page starts one, with the local cloud's own configuration. */
  async function checkout(debtorId: string, parts: { invoiceId: string; amount: number }[]) {
    const setup = paymentProviderFromEnvironment();
    if (!setup) throw new Error('the local cloud runs no Mollie');
    return startCheckout(
      { store: creditStoreFromEnvironment(), provider: setup.provider, webhookUrl: setup.webhookUrl },
      { debtorId, parts, redirectUrl: `${h.cloud.endpoints.api}/health`, language: 'nl' },
    );
  }

  /** The debtor presses a button of the local checkout page (a plain form post). */
  async function press(checkoutUrl: string, action: 'pay' | 'cancel') {
    const answer = await fetch(checkoutUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `action=${action}`,
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    await h.cloud.idle();
  }

  async function deliverWebhook(paymentId: string) {
    const answer = await fetch(`${h.cloud.endpoints.api}/webhooks/mollie`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${paymentId}`,
    });
    return { status: answer.status, body: (await answer.json()) as { status: string } };
  }

  it('the Mollie webhook delivered twice books the payment once', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 1_000_00 });
    const started = await checkout(debtor.id, [{ invoiceId: inv.id, amount: 400_00 }]);

    await press(started.checkoutUrl, 'pay');
    const again = await Promise.all([deliverWebhook(started.paymentId), deliverWebhook(started.paymentId)]);

    expect(again.map(({ status }) => status)).toEqual([200, 200]);
    const view = await invoiceView(h, inv.id);
    expect(view.openAmount).toBe(600_00);
    const payments = view.timeline.filter((entry) => entry.type === 'payment_received');
    expect(payments).toHaveLength(1);
    expect(payments[0]?.details).toMatchObject({
      paymentId: `mollie-${started.paymentId}`,
      amount: { amount: 400_00 },
    });
  });

  it('answers an unknown payment and an unpaid one with 200 and books nothing', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 1_000_00 });
    const started = await checkout(debtor.id, [{ invoiceId: inv.id, amount: 1_000_00 }]);

    expect(await deliverWebhook('tr_doesnotexist')).toEqual({
      status: 200,
      body: { status: 'unknown_payment' },
    });
    expect(await deliverWebhook(started.paymentId)).toEqual({
      status: 200,
      body: { status: 'not_paid', paymentStatus: 'open' },
    });
    await press(started.checkoutUrl, 'cancel');

    expect((await invoiceView(h, inv.id)).openAmount).toBe(1_000_00);
    const missing = await fetch(`${h.cloud.endpoints.api}/webhooks/mollie`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'payment=tr_x',
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { issues: [{ path: 'id' }] } });
  });

  it('paying through the local checkout marks the invoice paid and stops its dunning', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 1_250_00 });
    await h.advanceDays(3);
    await eventually(async () => expect(await emailsTo(h, debtor.email)).toHaveLength(1));

    const started = await checkout(debtor.id, [{ invoiceId: inv.id, amount: 1_250_00 }]);
    await press(started.checkoutUrl, 'pay');
    await h.advanceDays(20);

    const view = await invoiceView(h, inv.id);
    expect(view.status).toBe('paid');
    expect(view.openAmount).toBe(0);
    expect(view.dunning?.executionStatus).toBe('ABORTED');
    expect(view.dunning?.curedAfter).toBe('firstReminder');
    // No reminder after the first; the debtor's one other email confirms the checkout's payment.
    const emails = await emailsTo(h, debtor.email);
    const confirmations = emails.filter((email) => email.subject?.startsWith('Bevestiging van uw betaling'));
    expect(confirmations).toHaveLength(1);
    expect(emails.filter((email) => !confirmations.includes(email))).toHaveLength(1);
  });

  it("a letter without the invoicing system's link carries a Mollie payment link, created once", async () => {
    const debtor = await businessDebtor(h);
    const id = newId('inv');
    const number = newInvoiceNumber();
    const created = await h.post(
      invoiceCreated({
        id,
        number,
        debtorId: debtor.id,
        dueDate: '2026-03-01',
        totalAmount: 800_00,
        paymentLink: undefined,
      }),
    );
    expect(created.status).toBe(200);
    const mollie = h.cloud.mollie!;

    await h.advanceDays(3);
    const [first] = await eventually(async () => {
      const sent = await emailsTo(h, debtor.email);
      expect(sent).toHaveLength(1);
      return sent;
    });
    const linksOfInvoice = () => mollie.paymentLinks().filter((link) => link.description.includes(number));
    expect(linksOfInvoice()).toHaveLength(1);
    const link = linksOfInvoice()[0]!;
    expect(link.amount).toEqual({ currency: 'EUR', value: '800.00' });
    expect(first?.html).toContain(link._links.paymentLink.href);

    // The second reminder: 15 March is a Sunday, so Monday 16 March at 09:00.
    await h.advanceDays(12);
    const letters = await eventually(async () => {
      const sent = await emailsTo(h, debtor.email);
      expect(sent).toHaveLength(2);
      return sent;
    });
    expect(letters[1]?.html).toContain(link._links.paymentLink.href);
    expect(linksOfInvoice()).toHaveLength(1);

    // The debtor opens the link, pays, and the payment is booked by the reference in its description.
    const page = await fetch(link._links.paymentLink.href, { redirect: 'manual' });
    await press(new URL(page.headers.get('location') ?? '', mollie.url).toString(), 'pay');
    const view = await invoiceView(h, id);
    expect(view.status).toBe('paid');
    expect(view.dunning?.executionStatus).toBe('ABORTED');
  });
});

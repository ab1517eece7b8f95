import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiryAfter, signingKey, signToken } from '../../../functions/core/self-service/self-service-token';
import { LOCAL_SELF_SERVICE_KEY } from '../../../local/cloud/environment';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
} from '../workflow/scenario';
import { formGuard, open, post } from './self-service-page';

/**
 * "Pay now" on the debtor's page goes through the payment provider: the local Mollie's checkout
 * page calls our webhook when the debtor presses "pay", which books the payment.
 */
describe("paying from the debtor's self-service page", () => {
  let h: CloudHarness;

  const linkOf = (debtorId: string) =>
    `${h.cloud.endpoints.api}/self-service/${signToken(
      { debtorId, expiresAt: expiryAfter(START, 60) },
      signingKey(LOCAL_SELF_SERVICE_KEY),
    )}`;

  beforeAll(async () => {
    h = await startCloudHarness(START, { dailySweep: true });
  });

  afterAll(async () => {
    await h.stop();
  });

  it('paying one invoice from the self-service page through the local checkout marks it paid and stops its dunning', async () => {
    const debtor = await businessDebtor(h);
    const paid = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
    const other = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 300_00 });
    // Friday the 6th: the friendly reminders go out.
    await advanceTo(h, '2026-03-06T05:30:00Z');
    await eventually(async () => expect((await emailsTo(h, debtor.email)).length).toBeGreaterThan(0));

    const link = linkOf(debtor.id);
    const page = await open(link);
    expect(page.status).toBe(200);
    const fields = { ...formGuard(page.html, 'pay'), invoiceIds: paid.id, amount: '' };
    const started = await post(link, fields);
    expect(started.status).toBe(303);
    const checkoutUrl = started.location!;
    expect(checkoutUrl).toMatch(/\/checkout\/tr_/);
    // The same form posted again (a double click) leads to the same checkout.
    expect((await post(link, fields)).location).toBe(checkoutUrl);

    const checkout = await open(checkoutUrl);
    expect(checkout.html).toContain('€ 1250,00');
    const pressed = await open(checkoutUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
    });
    expect(pressed.status).toBe(303);
    await h.cloud.idle();

    const back = await open(new URL(pressed.location!, checkoutUrl).href);
    expect(back.status).toBe(200);
    // The page asks Mollie on the debtor's return: paid.
    expect(back.html).toContain(`Uw betaling van € 1.250,00 voor factuur ${paid.number} is ontvangen.`);

    const view = await invoiceView(h, paid.id);
    expect(view.status).toBe('paid');
    expect(view.openAmount).toBe(0);
    expect(view.dunning?.executionStatus).toBe('ABORTED');
    expect((await invoiceView(h, other.id)).openAmount).toBe(300_00);
    // Mollie's webhook delivered again books nothing more and sends no second confirmation.
    const paymentId = /\/checkout\/(tr_\w+)/.exec(checkoutUrl)?.[1];
    const again = await fetch(`${h.cloud.endpoints.api}/webhooks/mollie`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${paymentId}`,
    });
    expect(again.status).toBe(200);
    await h.cloud.idle();
    expect(
      (await invoiceView(h, paid.id)).timeline.filter((e) => e.type === 'payment_received'),
    ).toHaveLength(1);
    const confirmations = (await emailsTo(h, debtor.email)).filter((email) =>
      email.subject?.startsWith('Bevestiging van uw betaling'),
    );
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.text?.replace(/\u00a0/g, ' ')).toContain(
      `€ 1.250,00 voor factuur ${paid.number} ontvangen en geboekt`,
    );

    const timeline = await h.get<{ events: { type: string; actor?: { id: string }; summary: string }[] }>(
      `/debtors/${debtor.id}/timeline`,
    );
    expect(timeline.body.events.find((event) => /started a payment of/.test(event.summary))).toMatchObject({
      type: 'debtor_request',
      actor: { id: 'debtor' },
    });
  });

  it('refuses a part of the amount where no minimum is configured, naming the field', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 500_00 });
    const link = linkOf(debtor.id);
    const page = await open(link);
    const refused = await post(link, { ...formGuard(page.html, 'pay'), invoiceIds: inv.id, amount: '100' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('pay the whole amount of the chosen invoices');
    expect((await invoiceView(h, inv.id)).openAmount).toBe(500_00);
  });
});

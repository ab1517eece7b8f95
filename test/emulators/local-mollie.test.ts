import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MollieError, MolliePaymentProvider } from '../../functions/adapters/mollie/mollie-payment-provider';
import { startMollieServer, type MollieServer } from '../../local/mollie/mollie-server';
import { close, listen, localUrl } from '../../local/ports';

const VIRTUAL_NOW = new Date('2031-03-14T09:30:00.000Z');

/**
 * The contract between the Mollie adapter and the local Mollie server: every call the adapter
 * makes, and the shapes it reads, as Mollie's API v2 documents them. Where the server departs from
 * Mollie, the adapter would break on it here, not in a letter.
 */
describe('the Mollie adapter against the local Mollie server', () => {
  let mollie: MollieServer;
  let provider: MolliePaymentProvider;
  let hooks: Server;
  let hookUrl: string;
  const calls: { contentType: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    mollie = await startMollieServer({ now: () => VIRTUAL_NOW });
    provider = new MolliePaymentProvider({
      apiKey: async () => 'test_contract',
      apiUrl: `${mollie.url}/v2/`,
    });
    hooks = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        calls.push({ contentType: request.headers['content-type'], body });
        response.writeHead(200).end();
      });
    });
    hookUrl = `${localUrl('127.0.0.1', await listen(hooks, 0, '127.0.0.1'))}/webhooks/mollie`;
  });

  afterAll(async () => {
    await mollie.stop();
    await close(hooks);
  });

  it('creates a payment link in euros with its page, and the same idempotency key gives the same link', async () => {
    const request = {
      amount: { amount: 1_234_56, currency: 'EUR' },
      description: 'Factuur 2026-001 RF18539007547034',
      redirectUrl: 'https://voorbeeld.example/bedankt',
      webhookUrl: hookUrl,
      idempotencyKey: 'payment-link-abc',
    };
    const link = await provider.createPaymentLink(request);
    expect(link.id).toMatch(/^pl_[A-Za-z0-9]{10}$/);
    expect(link.url).toBe(`${mollie.url}/payment-links/${link.id}`);
    expect(link.amount).toEqual({ amount: 1_234_56, currency: 'EUR' });
    expect(mollie.paymentLinks().at(-1)).toMatchObject({
      resource: 'payment-link',
      amount: { currency: 'EUR', value: '1234.56' },
      description: request.description,
      webhookUrl: hookUrl,
      archived: false,
    });

    expect((await provider.createPaymentLink(request)).id).toBe(link.id);
    expect(mollie.paymentLinks()).toHaveLength(1);
  });

  it("starts a payment from a link's page with the link's description, amount and webhook", async () => {
    const link = await provider.createPaymentLink({
      amount: { amount: 50_00, currency: 'EUR' },
      description: 'Invoice 7 RF18539007547034',
      redirectUrl: 'https://voorbeeld.example/thanks',
      webhookUrl: hookUrl,
      idempotencyKey: 'payment-link-7',
    });
    const page = await fetch(link.url, { redirect: 'manual' });
    expect(page.status).toBe(303);
    const paymentId = /\/checkout\/(tr_\w+)$/.exec(page.headers.get('location') ?? '')?.[1] ?? '';

    const payment = await provider.getPayment(paymentId);
    expect(payment).toEqual({
      id: paymentId,
      status: 'open',
      amount: { amount: 50_00, currency: 'EUR' },
      description: 'Invoice 7 RF18539007547034',
    });
  });

  it('creates a checkout whose metadata comes back, and paying it calls the webhook with the id, form-encoded', async () => {
    const metadata = {
      debtorId: 'deb-1',
      invoices: [{ invoiceId: 'inv-1', reference: 'RF18539007547034', amount: 12_50 }],
    };
    const checkout = await provider.createCheckout({
      amount: { amount: 12_50, currency: 'EUR' },
      description: 'Invoice 1 RF18539007547034',
      redirectUrl: 'https://voorbeeld.example/thanks',
      webhookUrl: hookUrl,
      metadata,
    });
    expect(checkout.id).toMatch(/^tr_[A-Za-z0-9]{10}$/);
    expect(checkout.checkoutUrl).toBe(`${mollie.url}/checkout/${checkout.id}`);
    expect(checkout.expiresAt).toBe('2031-03-14T09:45:00.000Z');

    const page = await fetch(checkout.checkoutUrl);
    const html = await page.text();
    expect(html).toContain('value="pay"');
    expect(html).toContain('value="cancel"');

    const paid = await fetch(checkout.checkoutUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe('https://voorbeeld.example/thanks');
    expect(calls.at(-1)).toEqual({
      contentType: 'application/x-www-form-urlencoded',
      body: `id=${checkout.id}`,
    });
    expect(await provider.getPayment(checkout.id)).toEqual({
      id: checkout.id,
      status: 'paid',
      amount: { amount: 12_50, currency: 'EUR' },
      description: 'Invoice 1 RF18539007547034',
      paidAt: VIRTUAL_NOW.toISOString(),
      metadata,
    });
    // Mollie offers no checkout for a paid payment.
    expect(mollie.payments().find((p) => p.id === checkout.id)?._links).not.toHaveProperty('checkout');
  });

  it('cancels a checkout with the cancel button, and a payment no longer open cannot be paid', async () => {
    const checkout = await provider.createCheckout({
      amount: { amount: 1_00, currency: 'EUR' },
      description: 'Invoice 2',
      redirectUrl: 'https://voorbeeld.example/thanks',
      webhookUrl: hookUrl,
      metadata: null,
    });
    const form = (action: string) =>
      fetch(checkout.checkoutUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `action=${action}`,
        redirect: 'manual',
      });
    expect((await form('cancel')).status).toBe(303);
    expect((await provider.getPayment(checkout.id))?.status).toBe('canceled');
    expect((await form('pay')).status).toBe(409);
  });

  it('knows no payment by an unknown id, and says so without an error', async () => {
    expect(await provider.getPayment('tr_unknown000')).toBeUndefined();
    expect(await provider.getPayment('../payment-links')).toBeUndefined();
  });

  it('refuses a call without an API key, and an amount that is not two decimals', async () => {
    const noKey = await fetch(`${mollie.url}/v2/payments/tr_x`);
    expect(noKey.status).toBe(401);
    const bad = await fetch(`${mollie.url}/v2/payments`, {
      method: 'POST',
      headers: { authorization: 'Bearer test_contract', 'content-type': 'application/json' },
      body: JSON.stringify({
        amount: { currency: 'EUR', value: '10' },
        description: 'x',
        redirectUrl: 'https://x.example',
      }),
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ status: 422, field: 'amount' });

    const unauthorised = new MolliePaymentProvider({
      apiKey: async () => 'nokey',
      apiUrl: `${mollie.url}/v2/`,
    });
    await expect(unauthorised.getPayment('tr_abcdefghij')).rejects.toBeInstanceOf(MollieError);
  });
});

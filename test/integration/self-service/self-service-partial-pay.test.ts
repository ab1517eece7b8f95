import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expiryAfter, signingKey, signToken } from '../../../functions/core/self-service/self-service-token';
import { LOCAL_SELF_SERVICE_KEY } from '../../../local/cloud/environment';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
} from '../workflow/scenario';
import { formGuard, open, post } from './self-service-page';

/**
 * Where SELF_SERVICE_MINIMUM_PAYMENT is set (the stack sets EUR 10 unless told otherwise), the
 * debtor may pay a part of the chosen invoices from the page, at least that much.
 */
describe("paying a part from the debtor's self-service page", () => {
  let h: CloudHarness;

  beforeAll(async () => {
    // Read by the page's function at its cold start, as the stack sets it in AWS.
    vi.stubEnv('SELF_SERVICE_MINIMUM_PAYMENT', '5000');
    h = await startCloudHarness(START, { dailySweep: true });
  });

  afterAll(async () => {
    await h.stop();
    vi.unstubAllEnvs();
  });

  it('books a part of at least the minimum on the invoice and leaves the rest asked', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 800_00 });
    await advanceTo(h, '2026-03-06T05:30:00Z');
    const link = `${h.cloud.endpoints.api}/self-service/${signToken(
      { debtorId: debtor.id, expiresAt: expiryAfter(START, 60) },
      signingKey(LOCAL_SELF_SERVICE_KEY),
    )}`;
    const page = await open(link);
    expect(page.html).toContain('betaal een deel van minstens € 50,00');

    const tooLittle = await post(link, { ...formGuard(page.html, 'pay'), invoiceIds: inv.id, amount: '20' });
    expect(tooLittle.status).toBe(400);

    const again = await open(link);
    const started = await post(link, {
      ...formGuard(again.html, 'pay'),
      invoiceIds: inv.id,
      amount: '300,00',
    });
    expect(started.status).toBe(303);
    const checkout = await open(started.location!);
    expect(checkout.html).toContain('€ 300,00');
    const pressed = await open(started.location!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=pay',
    });
    expect(pressed.status).toBe(303);
    await h.cloud.idle();

    const view = await invoiceView(h, inv.id);
    expect(view.openAmount).toBe(500_00);
    expect(view.status).not.toBe('paid');
    expect((await open(link)).html).toContain('€ 500,00');
  });
});

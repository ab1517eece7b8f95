import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../functions/core/calendar/time-zone';
import type { Claim } from '../../../functions/core/legal/claim';
import { formatMoney } from '../../../functions/core/money';
import type { StoredEmail } from '../../../local/ses/ses-local';
import { debtorUpserted, newId, paymentReceived } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, invoiceView } from '../workflow/scenario';

/** Monday 2 March 2026, 06:00 in Amsterdam. */
const START = new Date('2026-03-02T05:00:00Z');
const HOUR_MS = 3_600_000;
const AMSTERDAM = 'Europe/Amsterdam';
const euros = (cents: number) => formatMoney({ amount: cents, currency: 'EUR' }, 'nl');

/** The amount and the reference the EPC QR code of an email pays, read from its pixels. */
function qrOf(email: StoredEmail): { amount: number; reference: string } {
  const png = email.attachments.find((attachment) => attachment.contentType === 'image/png');
  if (!png) throw new Error('the email has no QR code');
  const image = PNG.sync.read(Buffer.from(png.content, 'base64'));
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!decoded) throw new Error('the QR code does not decode');
  const lines = decoded.data.split('\n');
  return { amount: Math.round(Number((lines[7] ?? '').replace('EUR', '')) * 100), reference: lines[9] ?? '' };
}

/**
 * Whatever a letter asks is what its QR code pays, and paying exactly that settles the claim:
 * a business's final notice demands the total claim, a consumer's 14-day letter offers the
 * principal as a settlement (the seed policies' choices).
 */
describe('what a letter asks, on the local cloud', () => {
  let h: CloudHarness;
  let business: { id: string; number: string };
  let consumer: { id: string; number: string };

  beforeAll(async () => {
    h = await startCloudHarness(START);
    const owner = await businessDebtor(h);
    business = await invoice(h, owner.id, { dueDate: '2026-03-01', totalAmount: 4_800_00 });
    const person = newId('deb');
    expect(
      (await h.post(debtorUpserted({ id: person, kind: 'consumer', email: `${person}@consumer.example` })))
        .status,
    ).toBe(200);
    consumer = await invoice(h, person, { dueDate: '2026-03-01', totalAmount: 1_000_00 });
  });

  afterAll(async () => {
    await h?.stop();
  });

  /** The letter of `slot` as sent, and the day it is dated. */
  async function letterOf(invoiceId: string, slot: string): Promise<StoredEmail & { day: string }> {
    const sent = await eventually(async () => {
      const view = await invoiceView(h, invoiceId);
      const found = view.timeline.find((e) => e.type === 'email_sent' && e.details?.slot === slot);
      expect(found).toBeDefined();
      return found!;
    });
    const email = (await h.cloud.emails()).find((each) => each.messageId === sent.details?.messageId);
    if (!email) throw new Error(`no email ${String(sent.details?.messageId)}`);
    return { ...email, day: String((sent.details?.letter as { day?: string } | undefined)?.day) };
  }

  const claimOf = async (invoiceId: string, asOf = localDate(h.cloud.clock.now(), AMSTERDAM)) => {
    const answer = await h.get<Claim>(`/invoices/${invoiceId}/claim?asOf=${asOf}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('offers a consumer the principal in the 14-day letter, prints no total it does not pursue, states its costs once, and its QR code pays the offer', async () => {
    await h.advanceDays(21);
    await h.cloud.advance(3 * HOUR_MS);
    const email = await letterOf(consumer.id, 'finalNotice');
    const qr = qrOf(email);

    expect(qr.amount).toBe(1_000_00);
    expect(email.text).toMatch(
      new RegExp(
        `Betaalt u ${euros(1_000_00).replace('.', '\\.')} uiterlijk .+, dan zien wij af van rente en kosten\\.`,
      ),
    );
    expect(email.text).not.toContain('Totaal verschuldigd');
    expect(email.text?.split(euros(150_00))).toHaveLength(2);

    const paid = await h.post(
      paymentReceived(
        { reference: qr.reference },
        { amount: qr.amount, receivedAt: h.cloud.clock.now().toISOString() },
      ),
    );
    expect(paid.status).toBe(200);
    expect((await invoiceView(h, consumer.id)).status).toBe('paid');
    const claim = await claimOf(consumer.id);
    expect(claim).toMatchObject({ total: 0, interest: { amount: 0 }, costs: { amount: 0 } });
  });

  it('demands the total claim in a business’s final notice: its request, QR code and total agree, and paying that settles the claim', async () => {
    // business-standard sends the final notice 40 days after the due date, at 09:00.
    await h.advanceDays(19);
    await h.cloud.advance(HOUR_MS);
    const email = await letterOf(business.id, 'finalNotice');
    const qr = qrOf(email);
    // As of the letter's day, whose claim it states.
    const before = await claimOf(business.id, email.day);

    expect(before.total).toBeGreaterThan(4_840_00);
    expect(qr.amount).toBe(before.total);
    expect(email.text).toContain(`Totaal verschuldigd: ${euros(before.total)}`);
    expect(email.text).toContain(`het openstaande bedrag van ${euros(before.total)}`);
    expect(email.html).not.toContain('https://pay.example');

    const paid = await h.post(
      paymentReceived(
        { reference: qr.reference },
        { amount: qr.amount, receivedAt: h.cloud.clock.now().toISOString() },
      ),
    );
    expect(paid.status).toBe(200);
    const view = await invoiceView(h, business.id);
    expect(view).toMatchObject({ status: 'paid', openAmount: 0 });
    const after = await claimOf(business.id);
    expect(after.total).toBe(0);
    expect(after.explanation).toContainEqual(expect.stringContaining('art. 6:44 BW'));
  });
});

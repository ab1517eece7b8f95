import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../functions/core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../../functions/core/calendar/time-zone';
import { assessFourteenDayLetters } from '../../../functions/core/legal/fourteen-day-letter';
import { postalReceiptDate } from '../../../functions/core/legal/written-notice';
import { writtenNotices } from '../../../functions/use-cases/claims/written-notices';
import type { PrintOrder } from '../../../functions/use-cases/post/post-letter';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type ClaimsCloud, claimsCloud } from '../claims/claims-cloud';
import { pdfImages, pdfText } from '../../support/pdf-reading';

/** Monday 10 March 2025, 08:00 in Amsterdam. */
const START = '2025-03-10T07:00:00Z';

/**
 * Letters by post on the local cloud: a policy whose 14-day letter goes by registered post; the
 * real dunning step renders the PDF into the local S3, announces it on print-queue, and the
 * delivery confirmation fixes the day the letter counts as received.
 */
describe('a letter by post, on the local cloud', () => {
  let world: ClaimsCloud;

  beforeAll(async () => {
    world = await claimsCloud(START);
    const policy = (
      await world.call<{ steps: Record<string, unknown>[] }>('admin', 'GET', '/policies/consumer-standard')
    ).body;
    const steps = policy.steps.map((step) =>
      step.slot === 'finalNotice' ? { ...step, channel: 'letter', registered: true } : step,
    );
    const put = await world.call('admin', 'PUT', '/policies/consumer-standard', { ...policy, steps });
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function consumer(): Promise<string> {
    const id = newId('deb');
    const answer = await world.deliver(
      debtorUpserted({
        id,
        kind: 'consumer',
        name: 'J. de Vries',
        email: `${id}@debtor.example`,
        language: 'nl',
        address: { line1: 'Dorpsstraat 12', postalCode: '1234 AB', city: 'Ergenshuizen', country: 'NL' },
      }),
    );
    expect(answer.status).toBe(200);
    return id;
  }

  /**
   * An invoice 20 days overdue: its dunning starts at the 14-day letter (day 21), on the next
   * working day, so that invoices of one debtor arriving today share one letter.
   */
  async function overdueInvoice(debtorId: string, totalAmount = 1_000_00): Promise<string> {
    const id = newId('inv');
    const dueDate = addDays(localDate(world.cloud.clock.now(), BUSINESS_TIME_ZONE), -20);
    expect((await world.deliver(invoiceCreated({ id, debtorId, dueDate, totalAmount }))).status).toBe(200);
    return id;
  }

  async function fourteenDayLetterPosted(invoiceId: string) {
    const invoice = await world.store.getInvoice(invoiceId);
    if (!invoice?.dunning) throw new Error('the overdue invoice should be dunned');
    await world.cloud.advanceTo(new Date(invoice.dunning.schedule.finalNotice));
    return world.timelineEntry(invoiceId, (event) => event.type === 'letter_posted');
  }

  async function printOrders(debtorId: string): Promise<PrintOrder[]> {
    const messages = (await (
      await fetch(`${world.cloud.endpoints.sns}/messages?topic=print-queue`)
    ).json()) as {
      message: string;
    }[];
    return messages
      .map((published) => JSON.parse(published.message) as PrintOrder)
      .filter((order) => order.letterId.endsWith(`~${debtorId}`));
  }

  async function printedPdf(letterId: string): Promise<Uint8Array> {
    const response = await fetch(
      `${world.cloud.endpoints.api}/_local/letters/${encodeURIComponent(letterId)}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return new Uint8Array(await response.arrayBuffer());
  }

  it('a letter step produces a PDF whose text contains the invoice number and whose QR decodes to the EPC payload', async () => {
    const debtorId = await consumer();
    const invoiceId = await overdueInvoice(debtorId);
    const invoice = await world.store.getInvoice(invoiceId);

    const posted = await fourteenDayLetterPosted(invoiceId);
    const letterId = String(posted.details?.messageId);
    const sentOn = localDate(new Date(posted.at), BUSINESS_TIME_ZONE);
    const pdf = await printedPdf(letterId);
    const [image] = await pdfImages(pdf);
    const decoded = image && jsQR(image.rgba, image.width, image.height);

    expect(await pdfText(pdf)).toContain(invoice!.number);
    // What the email's QR code carries: the creditor, the amount asked and the invoice's reference.
    expect(decoded?.data.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'ABNANL2A',
      'Voorbeeld Groothandel B.V.',
      'NL91ABNA0417164300',
      'EUR1000.00',
      '',
      invoice!.paymentReference,
    ]);
    expect(await printOrders(debtorId)).toEqual([
      {
        letterId,
        pdfKey: expect.stringMatching(new RegExp(`^letters/${sentOn}/.+\\.pdf$`)),
        registered: true,
        address: {
          name: 'J. de Vries',
          line1: 'Dorpsstraat 12',
          postalCode: '1234 AB',
          city: 'Ergenshuizen',
          country: 'NL',
        },
        postBy: sentOn,
        invoiceIds: [invoiceId],
      },
    ]);
  });

  it('the same step posts one letter per debtor and day', async () => {
    const debtorId = await consumer();
    const first = await overdueInvoice(debtorId, 400_00);
    const second = await overdueInvoice(debtorId, 600_00);
    const numbers = await Promise.all(
      [first, second].map(async (id) => (await world.store.getInvoice(id))!.number),
    );

    await fourteenDayLetterPosted(first);
    await world.timelineEntry(
      second,
      (event) => event.type === 'letter_posted' || event.type === 'step_skipped',
    );
    const orders = await vi.waitFor(async () => {
      const found = await printOrders(debtorId);
      if (found.length === 0) throw new Error('no print order yet');
      return found;
    });
    const text = await pdfText(await printedPdf(orders[0]!.letterId));

    expect(orders).toHaveLength(1);
    expect([...orders[0]!.invoiceIds].sort()).toEqual([first, second].sort());
    for (const number of numbers) expect(text).toContain(number);
  });

  it('a registered 14-day letter counts its term from the confirmed delivery', async () => {
    const debtorId = await consumer();
    const invoiceId = await overdueInvoice(debtorId);
    const invoice = await world.store.getInvoice(invoiceId);
    const posted = await fourteenDayLetterPosted(invoiceId);
    const letterId = String(posted.details?.messageId);
    const sentOn = localDate(new Date(posted.at), BUSINESS_TIME_ZONE);
    const receivedOn = async () => {
      const assessed = assessFourteenDayLetters({
        dueDate: invoice!.dueDate,
        notices: writtenNotices(await world.store.timeline({ invoiceId })),
        asOf: addDays(sentOn, 7),
        postalDeliveryDays: 2,
      });
      return 'receivedOn' in assessed ? assessed.receivedOn : assessed.status;
    };
    // Without a confirmation a letter counts as received two delivery days after it was posted.
    expect(await receivedOn()).toBe(postalReceiptDate(sentOn, 2));
    const deliveredOn = addDays(sentOn, 1);
    await world.cloud.advanceTo(new Date(`${addDays(sentOn, 4)}T08:00:00Z`));
    const path = `/letters/${encodeURIComponent(letterId)}/delivery`;

    const beforePosting = await world.call('controller', 'POST', path, { deliveredOn: addDays(sentOn, -1) });
    const confirmed = await world.call('controller', 'POST', path, {
      deliveredOn,
      trackingCode: '3SABCD1234567',
    });
    const again = await world.call('controller', 'POST', path, { deliveredOn });
    const otherDay = await world.call('controller', 'POST', path, { deliveredOn: addDays(sentOn, 2) });

    expect(beforePosting.status).toBe(400);
    expect(JSON.stringify(beforePosting.body)).toContain('deliveredOn');
    expect(confirmed).toMatchObject({ status: 200, body: { deliveredOn, recorded: true } });
    expect(again).toMatchObject({ status: 200, body: { deliveredOn, recorded: false } });
    expect(otherDay.status).toBe(409);
    expect(await receivedOn()).toBe(deliveredOn);
    const deliveries = (await world.store.timeline({ invoiceId })).filter(
      (event) => event.type === 'letter_delivered',
    );
    expect(deliveries).toHaveLength(1);
  });
});

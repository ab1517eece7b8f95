import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type ClaimsCloud, claimsCloud } from './claims-cloud';
import { launchChromium } from '../../support/chromium';

/** As aws-ses-v2-local keeps an email (GET /store), as far as this test reads it. */
interface InboxEmail {
  destination: { to: string[] };
  body: { html?: string };
  attachments: { filename?: string; contentType: string; content: string }[];
}

/**
 * The EPC QR code of a reminder, as a debtor's banking app would see it: the email the real
 * dunning step sent through SES (the local emulator), rendered by a real browser, photographed,
 * and decoded from the pixels.
 */
describe('the QR code in a reminder email', () => {
  let world: ClaimsCloud;
  let browser: Browser | undefined;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'qr-in-email-'));
    // Monday 10 March 2025, 08:00 in Amsterdam.
    world = await claimsCloud('2025-03-10T07:00:00Z');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  function emailTo(address: string): Promise<InboxEmail> {
    return vi.waitFor(
      async () => {
        const store = (await (await fetch(`${world.cloud.endpoints.inbox}/store`)).json()) as {
          emails: InboxEmail[];
        };
        const found = store.emails.find((email) => email.destination.to.some((to) => to.includes(address)));
        if (!found) throw new Error(`no email to ${address}`);
        return found;
      },
      { timeout: 30_000, interval: 50 },
    );
  }

  /** The HTML as a mail client shows it: the cid: image of the QR code inlined as a data: URL. */
  async function renderedPage(email: InboxEmail): Promise<string> {
    const qr = email.attachments.find((attachment) => attachment.contentType === 'image/png');
    if (!qr || !email.body.html) throw new Error('the email has no HTML or no PNG attachment');
    const html = email.body.html.replaceAll('cid:epc-qr', `data:image/png;base64,${qr.content}`);
    const file = join(workDir, 'reminder.html');
    await writeFile(file, html);
    return pathToFileURL(file).href;
  }

  it('pays the open amount to the creditor’s IBAN with the invoice’s RF reference when scanned', async () => {
    const debtorId = newId('deb');
    const address = `${debtorId}@debtor.example`;
    await world.deliver(debtorUpserted({ id: debtorId, kind: 'business', language: 'en', email: address }));
    const invoiceId = newId('inv');
    // Three days overdue on arrival: its dunning starts with the first reminder (day 3) today at
    // 09:00. (An older invoice would start at its age, the reminder of day 14.)
    await world.deliver(
      invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-03-07', totalAmount: 1_234_56 }),
    );
    const invoice = await world.store.getInvoice(invoiceId);
    if (!invoice?.dunning) throw new Error('the overdue invoice should be dunned');
    await world.cloud.advanceTo(new Date(invoice.dunning.schedule.firstReminder));

    const email = await emailTo(address);
    browser = await launchChromium('this test renders the email in a real browser');
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    await page.goto(await renderedPage(email));
    const shot = await page.locator('img[alt="EPC QR"]').screenshot();
    const image = PNG.sync.read(shot);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);

    expect(decoded?.data.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'ABNANL2A',
      'Voorbeeld Groothandel B.V.',
      'NL91ABNA0417164300',
      'EUR1234.56',
      '',
      invoice.paymentReference,
    ]);
  });
});

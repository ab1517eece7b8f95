import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
} from '../workflow/scenario';
import { launchChromium } from '../../support/chromium';

/**
 * The debtor's page as the debtor meets it: the link in a real reminder from the local inbox,
 * opened in Chromium on a phone-sized screen with JavaScript switched off, and a promise recorded
 * through the form.
 */
describe("the debtor's self-service page in a browser", () => {
  let h: CloudHarness;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium('this test opens the page in a real browser');
    h = await startCloudHarness(START, { dailySweep: true });
  });

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('records a promise from the link in a reminder, on a 360 px screen without JavaScript', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
    await advanceTo(h, '2026-03-06T05:30:00Z');
    const [reminder] = await emailsTo(h, debtor.email);
    const link = /href="([^"]*\/self-service\/[^"]+)"/.exec(reminder?.html ?? '')?.[1];
    expect(link).toBeDefined();

    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(link!);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.locator('h1').count()).toBe(1);
    // Nothing wider than the phone: no sideways scrolling.
    // The test's TypeScript has no DOM types: the expression is evaluated in the page.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // Every field has its label.
    for (const id of ['promise-invoice', 'promise-date', 'dispute-cause', 'call-phone', 'call-time']) {
      expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
    }

    await page.getByLabel('Ik betaal op', { exact: true }).fill('2026-03-20');
    await page.getByRole('button', { name: 'Betaaldatum doorgeven' }).click();
    await page.waitForURL(/\?result=/);
    expect(await page.getByRole('status').textContent()).toContain('20 maart 2026');

    const view = await invoiceView(h, inv.id);
    expect(view.dunning).toMatchObject({ status: 'paused', pausedFor: 'promise' });
    expect(view.timeline.find((entry) => entry.type === 'promise_taken')).toMatchObject({
      actor: { kind: 'debtor', id: 'debtor' },
    });
    await context.close();
  });
});

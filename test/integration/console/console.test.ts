import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/chromium';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, tasksOf } from '../workflow/scenario';
import { signIn, worklistRow } from './console-world';

// Monday 2 March 2026; the business-standard policy calls on day 21: on Monday 23 March the
// debtors' call tasks are on the worklist.
const START = new Date('2026-03-02T05:00:00Z');
const DUE = '2026-03-01';
const CALL_DAY = new Date('2026-03-23T10:00:00Z');

describe('the controllers console', () => {
  let h: CloudHarness;
  let browser: Browser;
  const debtors: Record<'top' | 'handedOver' | 'planned', { id: string; name: string; invoiceId: string }> =
    {} as never;

  beforeAll(async () => {
    [h, browser] = await Promise.all([
      startCloudHarness(START),
      launchChromium('the console is a web app, tested in a browser'),
    ]);
    const add = async (name: string, amount: number) => {
      const debtor = await businessDebtor(h, { name });
      const { id: invoiceId } = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: amount });
      return { id: debtor.id, name, invoiceId };
    };
    debtors.top = await add('Topaz Trading BV', 48_000_00);
    debtors.handedOver = await add('Handel Overdracht BV', 5_000_00);
    debtors.planned = await add('Plano Planning BV', 3_000_00);
    await h.cloud.advanceTo(CALL_DAY);
    await eventually(async () =>
      expect((await tasksOf(h, debtors.top.invoiceId)).map((task) => task.kind)).toContain('call'),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('lets a controller sign in and work the top debtor: promised with a date pauses the dunning and takes the call off the list', async () => {
    const page = await signIn(browser, h, { role: 'controller' });
    const firstRow = page.getByRole('row').nth(1);
    await expect.poll(() => firstRow.getByRole('rowheader').textContent()).toBe(debtors.top.name);

    await firstRow.getByRole('link', { name: debtors.top.name }).click();
    await page.getByRole('heading', { level: 1, name: debtors.top.name }).waitFor();
    await page.getByText('Record a call outcome').click();
    const form = page.getByRole('group', { name: 'Record a call outcome' });
    await form.getByLabel('Outcome').selectOption('promised');
    await form.getByLabel('Promised by').fill('2026-03-27');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    // The outcome resumes the dunning workflow, which pauses for the promise: the page is opened
    // again within the app (a reload would sign in again: the tokens live in memory only).
    const debtorUrl = page.url();
    await expect
      .poll(
        async () => {
          await page.goto(debtorUrl.replace(/#.*$/, '#/'));
          await page.goto(debtorUrl);
          return page.getByTestId('dunning-state').first().textContent({ timeout: 5_000 });
        },
        { timeout: 20_000, interval: 500 },
      )
      .toMatch(/^Paused/);

    await page.getByRole('link', { name: 'Back to the worklist' }).click();
    await expect.poll(() => worklistRow(page, debtors.top.name).getByText(/call/i).count()).toBe(0);
    await page.context().close();
  });
});

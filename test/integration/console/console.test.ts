import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/chromium';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, tasksOf } from '../workflow/scenario';
import { accessibilityViolations, signIn, worklistRow } from './console-world';

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

  it("a controller signs in, works the top debtor: records promised with a date, sees the dunning paused and the debtor leave today's list", async () => {
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
      .toMatch(/^Paused \(promise/);

    // Nothing to do for the debtor until the promise is followed up: off today's list, back later.
    await page.getByRole('link', { name: 'Back to the worklist' }).click();
    const waiting = page.getByTestId('waiting');
    await expect
      .poll(() => waiting.getByRole('listitem').filter({ hasText: debtors.top.name }).count())
      .toBe(1);
    expect(await worklistRow(page, debtors.top.name).count()).toBe(0);
    expect(await waiting.getByRole('listitem').filter({ hasText: debtors.top.name }).textContent()).toMatch(
      /Back on 30 Mar 2026/,
    );
    await page.context().close();
  });

  it('a manager hands a debtor over and the new owner sees it', async () => {
    const manager = await signIn(browser, h, { role: 'manager' });
    await manager.getByRole('link', { name: debtors.handedOver.name }).click();
    await manager.getByRole('heading', { level: 1, name: debtors.handedOver.name }).waitFor();
    await manager.getByText('Hand over').click();
    const form = manager.getByRole('group', { name: 'Hand over' });
    await form.getByLabel("New owner's user id").fill('local-piet-smit');
    await form.getByLabel("New owner's email").fill('piet-smit@example.com');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect.poll(() => manager.locator('.facts').getByText('piet-smit@example.com').count()).toBe(1);
    await manager.context().close();

    // The new owner signs in with a name of their own: `local-piet-smit`, and finds it among theirs.
    const owner = await signIn(browser, h, { role: 'controller', name: 'Piet Smit' });
    await owner.getByRole('radio', { name: 'Mine', exact: true }).check();
    const row = worklistRow(owner, debtors.handedOver.name);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('piet-smit@example.com');
    await owner.context().close();
  });

  it("a payment plan entered in the form is refused with the API's field message when it does not add up, then accepted", async () => {
    const page = await signIn(browser, h, { role: 'controller' });
    await page.getByRole('link', { name: debtors.planned.name }).click();
    await page.getByRole('heading', { level: 1, name: debtors.planned.name }).waitFor();
    await page.getByText('Agree a payment plan').click();
    const form = page.getByRole('group', { name: 'Agree a payment plan' });
    await form.getByRole('checkbox').first().check();
    await form.getByLabel('Instalment 1: Due').fill('2026-04-01');
    await form.getByLabel('Instalment 1: Amount').fill('1,000.00');
    await form.getByLabel('Instalment 2: Due').fill('2026-05-01');
    await form.getByLabel('Instalment 2: Amount').fill('1,000.00');

    // Checked by the API as it is typed, before any save: its message stands at the instalments.
    const message = form.locator('#instalments-error');
    await expect
      .poll(() => message.textContent().catch(() => ''), { timeout: 10_000 })
      .toMatch(/add up to €2,000\.00, not to the €3,000\.00/);

    await form.getByLabel('Instalment 2: Amount').fill('2,000.00');
    await expect
      .poll(() => form.getByTestId('plan-check').textContent(), { timeout: 10_000 })
      .toBe('The plan can be agreed: €3,000.00 in all.');
    expect(await message.count()).toBe(0);

    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect
      .poll(() => page.getByTestId('dunning-state').first().textContent(), { timeout: 10_000 })
      .toMatch(/^Paused \(payment_plan/);
    await page.context().close();
  });

  it('axe finds no WCAG 2.1 AA violation on the sign-in page, the worklist, and the debtor page with a form open and its field errors', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const signInPage = await context.newPage();
    await signInPage.goto(`${h.cloud.endpoints.api}/console/`);
    await signInPage.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await accessibilityViolations(signInPage)).toEqual([]);
    await context.close();

    const page = await signIn(browser, h, { role: 'manager' });
    await page.getByRole('table').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Within the app (a reload would sign in again): the debtor may be another controller's by now.
    await page.goto(page.url().replace(/#.*$/, `#/debtors/${encodeURIComponent(debtors.handedOver.id)}`));
    await page.getByRole('heading', { level: 1, name: debtors.handedOver.name }).waitFor();
    await page.getByTestId('dunning-state').first().waitFor();
    await page.getByText('Agree a payment plan').click();
    expect(await accessibilityViolations(page)).toEqual([]);

    const form = page.getByRole('group', { name: 'Agree a payment plan' });
    await form.getByRole('checkbox').first().check();
    await form.getByLabel('Instalment 1: Amount').fill('10.00');
    await form.locator('.field-error').first().waitFor();
    // Saved as it stands: the API's answer as an alert, its messages at the fields.
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.locator('.field-error').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

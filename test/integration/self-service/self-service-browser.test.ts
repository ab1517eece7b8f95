import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { launchChromium } from '../../support/chromium';
import { wcagViolations } from './axe';

interface WorklistBody {
  entries: { debtorId: string; tasks: { kind: string; summary: string }[] }[];
}

/**
 * The debtor's page as the debtor meets it: the link in a real reminder from the local inbox,
 * opened in Chromium on a phone-sized screen with JavaScript switched off. Every page the debtor
 * sees on the way (the page, each form's confirmation, the error pages, the local checkout) passes
 * axe's WCAG 2.1 AA rules.
 */
describe("the debtor's self-service page in a browser", () => {
  let h: CloudHarness;
  let browser: Browser;

  /** Each test's debtor and invoices, made before Friday the 6th, when the friendly reminders go out. */
  const debtors: Record<string, { id: string; email: string; invoices: { id: string; number: string }[] }> =
    {};
  const setUp = async (name: string, amounts: number[], overrides: Record<string, unknown> = {}) => {
    const debtor = await businessDebtor(h, overrides);
    const invoices = [];
    for (const totalAmount of amounts)
      invoices.push(await invoice(h, debtor.id, { dueDate: DUE, totalAmount }));
    debtors[name] = { ...debtor, invoices };
  };

  beforeAll(async () => {
    browser = await launchChromium('this test opens the page in a real browser');
    h = await startCloudHarness(START, { dailySweep: true });
    await setUp('promise', [1_250_00]);
    await setUp('pay', [640_00, 210_00]);
    await setUp('cancel', [99_00]);
    await setUp('forms', [800_00, 1_000_00], { phone: '+31 20 555 0101' });
    await setUp('errors', [410_00]);
    await advanceTo(h, '2026-03-06T05:30:00Z');
  });

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  /** A phone without JavaScript: the page must work without it. */
  const phone = (): Promise<BrowserContext> =>
    browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, locale: 'nl-NL' });

  /** The link in the newest reminder to the debtor, as the debtor clicks it in the HTML email. */
  const linkInReminder = async (email: string): Promise<string> => {
    const reminders = await emailsTo(h, email);
    const link = /href="([^"]*\/self-service\/[^"]+)"/.exec(reminders.at(-1)?.html ?? '')?.[1];
    if (!link) throw new Error(`no self-service link in the reminders to ${email}`);
    return link;
  };

  const expectAccessible = async (page: Page) => expect(await wcagViolations(page)).toEqual([]);
  /** What a notice says, with the no-break space of amounts (€ 150,00) written as a plain one. */
  const noticeOf = async (page: Page) =>
    ((await page.getByRole('status').textContent()) ?? '').replace(/\u00a0/g, ' ');

  it('records a promise from the link in a reminder, on a 360 px screen without JavaScript', async () => {
    const { email, invoices } = debtors.promise!;
    const inv = invoices[0]!;
    const link = await linkInReminder(email);

    const context = await phone();
    const page = await context.newPage();
    await page.goto(link);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.locator('h1').count()).toBe(1);
    // Nothing wider than the phone: no sideways scrolling.
    // The test's TypeScript has no DOM types: the expression is evaluated in the page.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // Every field has its label.
    for (const id of ['promise-invoice', 'promise-date', 'dispute-cause', 'call-phone', 'call-time']) {
      expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
    }
    await expectAccessible(page);

    await page.getByLabel('Ik betaal op', { exact: true }).fill('2026-03-20');
    await page.getByRole('button', { name: 'Betaaldatum doorgeven' }).click();
    await page.waitForURL(/\?result=/);
    expect(await noticeOf(page)).toContain('20 maart 2026');
    await expectAccessible(page);

    // The statement of open items, a page to print.
    await page.getByRole('link', { name: 'Overzicht van openstaande posten' }).click();
    expect(await page.locator('h1').textContent()).toBe('Overzicht van openstaande posten');
    expect(await page.textContent('table')).toContain(inv.number);
    await expectAccessible(page);

    const view = await invoiceView(h, inv.id);
    expect(view.dunning).toMatchObject({ status: 'paused', pausedFor: 'promise' });
    expect(view.timeline.find((entry) => entry.type === 'promise_taken')).toMatchObject({
      actor: { kind: 'debtor', id: 'debtor' },
    });
    await context.close();
  });

  it('pays one invoice from the link in a reminder through the local checkout, which marks it paid, stops its dunning and confirms by email', async () => {
    const debtor = debtors.pay!;
    const [paid, other] = debtor.invoices as [{ id: string; number: string }, { id: string; number: string }];
    const link = await linkInReminder(debtor.email);

    const context = await phone();
    const page = await context.newPage();
    await page.goto(link);
    await expectAccessible(page);
    // One invoice is paid; the other is left.
    await page.getByRole('checkbox', { name: new RegExp(paid.number) }).check();
    await page.getByRole('checkbox', { name: new RegExp(other.number) }).uncheck();
    await page.getByRole('button', { name: 'Verder naar betalen' }).click();
    await page.waitForURL(/\/checkout\/tr_/);
    expect(await page.textContent('body')).toContain('640,00');
    await expectAccessible(page);

    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.waitForURL(/\/self-service\/.*\?result=/);
    expect(await noticeOf(page)).toContain(
      `Uw betaling van € 640,00 voor factuur ${paid.number} is ontvangen.`,
    );
    await expectAccessible(page);
    await context.close();

    const view = await invoiceView(h, paid.id);
    expect(view.status).toBe('paid');
    expect(view.dunning?.executionStatus).toBe('ABORTED');
    expect((await invoiceView(h, other.id)).openAmount).toBe(210_00);
    await eventually(async () =>
      expect((await emailsTo(h, debtor.email)).map((email) => email.subject)).toContainEqual(
        expect.stringContaining('Bevestiging van uw betaling'),
      ),
    );
  });

  it('a checkout the debtor cancels brings them back to a page that says nothing was paid', async () => {
    const debtor = debtors.cancel!;
    const inv = debtor.invoices[0]!;
    const link = await linkInReminder(debtor.email);

    const context = await phone();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Verder naar betalen' }).click();
    await page.waitForURL(/\/checkout\/tr_/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL(/\/self-service\/.*\?result=/);
    const notice = await noticeOf(page);
    expect(notice).toContain('Niet betaald');
    expect(notice).toContain('geannuleerd. Er is niets betaald.');
    await expectAccessible(page);
    await context.close();
    expect((await invoiceView(h, inv.id)).openAmount).toBe(99_00);
  });

  it('a promise, a partial dispute and a call back from the page are on the invoices and the worklist', async () => {
    const debtor = debtors.forms!;
    const [promised, disputed] = debtor.invoices as [
      { id: string; number: string },
      { id: string; number: string },
    ];
    const link = await linkInReminder(debtor.email);

    const context = await phone();
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('#promise-invoice').selectOption(promised.id);
    await page.getByLabel('Ik betaal op', { exact: true }).fill('2026-03-25');
    await page.getByRole('button', { name: 'Betaaldatum doorgeven' }).click();
    await page.waitForURL(/\?result=/);
    expect(await noticeOf(page)).toContain('25 maart 2026');
    await expectAccessible(page);

    await page.locator('#dispute-invoice').selectOption(disputed.id);
    await page.locator('#dispute-cause').selectOption('quantity');
    await page.getByLabel('Korte toelichting').fill('Twee dozen ontbraken bij de levering.');
    await page.getByLabel('Betwist bedrag (optioneel)').fill('150,00');
    await page.getByRole('button', { name: 'Bezwaar versturen' }).click();
    await page.waitForURL(/\?result=/);
    expect(await noticeOf(page)).toContain('€ 150,00');
    await expectAccessible(page);

    await page.getByLabel('Wanneer schikt het?').fill('donderdagmiddag');
    await page.getByRole('button', { name: 'Terugbelverzoek versturen' }).click();
    await page.waitForURL(/\?result=/);
    expect(await noticeOf(page)).toContain('+31 20 555 0101');
    await expectAccessible(page);
    await context.close();

    const promisedView = await invoiceView(h, promised.id);
    expect(promisedView.dunning).toMatchObject({ status: 'paused', pausedFor: 'promise' });
    expect(promisedView.timeline.find((entry) => entry.type === 'promise_taken')).toMatchObject({
      actor: { kind: 'debtor', id: 'debtor' },
    });
    const disputedView = await invoiceView(h, disputed.id);
    expect(disputedView.timeline.find((entry) => entry.type === 'dispute_raised')).toMatchObject({
      actor: { kind: 'debtor', id: 'debtor' },
      details: { amount: { amount: 150_00, currency: 'EUR' }, partial: true, cause: 'quantity' },
    });

    const worklist = await h.get<WorklistBody>('/worklist');
    const entry = worklist.body.entries.find((candidate) => candidate.debtorId === debtor.id);
    expect(entry?.tasks).toContainEqual(
      expect.objectContaining({
        kind: 'call_back_requested',
        summary: expect.stringContaining('preferably donderdagmiddag'),
      }),
    );
    // Each of the three is confirmed by email too.
    await eventually(async () =>
      expect(
        (await emailsTo(h, debtor.email)).filter((email) => email.subject?.includes('Bevestiging')),
      ).toHaveLength(3),
    );
  });

  it('a tampered and an expired link show the error page, which passes axe and shows no data', async () => {
    const debtor = debtors.errors!;
    const inv = debtor.invoices[0]!;
    const link = await linkInReminder(debtor.email);
    const base = link.slice(0, link.lastIndexOf('/') + 1);
    const expired = signToken(
      { debtorId: debtor.id, expiresAt: expiryAfter(new Date('2025-12-01T00:00:00Z'), 60) },
      signingKey(LOCAL_SELF_SERVICE_KEY),
    );

    const context = await phone();
    const page = await context.newPage();
    for (const [url, status, title] of [
      [`${link.slice(0, -2)}xx`, 404, 'Deze link werkt niet'],
      [`${base}${expired}`, 410, 'Deze link is verlopen'],
    ] as const) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(status);
      expect(await page.locator('h1').textContent()).toBe(title);
      expect(await page.textContent('body')).not.toContain(inv.number);
      await expectAccessible(page);
    }
    await context.close();
  });
});

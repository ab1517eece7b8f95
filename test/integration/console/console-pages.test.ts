import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioReportOnDay } from '../../../functions/use-cases/reports/portfolio-on-day';
import { launchChromium } from '../../support/chromium';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice } from '../workflow/scenario';
import { signIn } from './console-world';

// Monday 2 March 2026: three invoices fall due on 1 March, 1 February and 1 January; on Monday
// 23 March their dunning has sent letters and they stand in three aging buckets.
const START = new Date('2026-03-02T05:00:00Z');
const TODAY = new Date('2026-03-23T10:00:00Z');
const BUCKETS = ['current', '1-30', '31-60', '61-90', '91-120', '120+'] as const;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The cents as the page shows them in English (en-GB), by the same Intl as the browser's. */
const euros = (cents: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

describe('the console pages beyond the worklist', () => {
  let h: CloudHarness;
  let browser: Browser;
  let debtor: { id: string; name: string };
  let overdue: { id: string; number: string };

  beforeAll(async () => {
    [h, browser] = await Promise.all([
      startCloudHarness(START),
      launchChromium('the console is a web app, tested in a browser'),
    ]);
    const { id } = await businessDebtor(h, { name: 'Rapport Reporting BV' });
    debtor = { id, name: 'Rapport Reporting BV' };
    overdue = await invoice(h, id, { dueDate: '2026-03-01', totalAmount: 4_800_00 });
    await invoice(h, id, { dueDate: '2026-02-01', totalAmount: 1_234_56 });
    await invoice(h, id, { dueDate: '2026-04-30', totalAmount: 700_00 });
    await h.cloud.advanceTo(TODAY);
  });

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  const violationsOf = async (page: Page) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  };

  it('shows on the reports page the same aging as GET /reports/portfolio', async () => {
    const { status, body: report } = await h.get<PortfolioReportOnDay>('/reports/portfolio', 'manager');
    expect(status).toBe(200);
    const eur = report.currencies.find((day) => day.currency === 'EUR')!;
    expect(BUCKETS.filter((bucket) => eur.aging[bucket].amount > 0).length).toBeGreaterThanOrEqual(2);

    const page = await signIn(browser, h, { role: 'manager', at: '#/reports' });
    const aging = page.getByTestId('aging-EUR');
    await aging.waitFor();
    for (const bucket of BUCKETS) {
      const row = aging.locator(`tr[data-bucket="${bucket}"]`);
      expect(await row.locator('td').nth(0).textContent()).toBe(String(eur.aging[bucket].count));
      expect(await row.locator('td').nth(1).textContent()).toBe(euros(eur.aging[bucket].amount));
    }
    // The bars picture the same figures, and the DSO line is drawn from the history.
    await expect.poll(() => page.getByRole('img', { name: /^Aging \(EUR\)/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /^DSO per day \(EUR\)/ }).count()).toBe(1);
    expect(await violationsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('lets an admin change a policy and see the new version, and shows a refused change with the field the API names', async () => {
    const before = await h.get<{ version: number; description: string }>(
      '/policies/business-standard',
      'admin',
    );
    const page = await signIn(browser, h, { role: 'admin', at: '#/settings' });
    await page.getByLabel('Policy', { exact: true }).selectOption('business-standard');
    const policy = page.getByRole('region', { name: 'business-standard' });
    await expect
      .poll(() => policy.getByTestId('policy-version').textContent())
      .toMatch(new RegExp(`^Version ${before.body.version}\\b`));
    const editor = policy.getByLabel('Setting (JSON)');
    const edited = JSON.parse(await editor.inputValue()) as Record<string, unknown>;

    await editor.fill(JSON.stringify({ ...edited, callWindowDays: -1 }, null, 2));
    await policy.getByRole('button', { name: 'Save as a new version' }).click();
    await policy.getByRole('alert').waitFor();
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect(await policy.locator('.field-error').textContent()).toContain('callWindowDays');

    await editor.fill(
      JSON.stringify({ ...edited, description: 'Reminders for businesses, reviewed' }, null, 2),
    );
    await policy.getByRole('button', { name: 'Save as a new version' }).click();
    const next = before.body.version + 1;
    await policy
      .getByRole('status')
      .filter({ hasText: `Saved as version ${next}.` })
      .waitFor();
    await expect
      .poll(() => policy.getByTestId('policy-version').textContent())
      .toMatch(new RegExp(`^Version ${next}\\b`));
    const after = await h.get<{ version: number; description: string }>(
      '/policies/business-standard',
      'admin',
    );
    expect(after.body).toMatchObject({ version: next, description: 'Reminders for businesses, reviewed' });
    // Who stored the version, as the API stamped it.
    expect(await policy.getByTestId('policy-version').textContent()).toContain(
      'changed by admin@example.com',
    );
    expect(await violationsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("lets an admin change a letter template's words and see who stored the new version", async () => {
    const page = await signIn(browser, h, { role: 'admin', at: '#/settings' });
    await page.getByLabel('Template', { exact: true }).selectOption('payment-reminder-firm');
    const template = page.getByRole('region', { name: 'payment-reminder-firm' });
    const editor = template.getByLabel('Setting (JSON)');
    await expect.poll(() => editor.inputValue()).toContain('"texts"');
    const edited = JSON.parse(await editor.inputValue()) as {
      version: number;
      texts: { nl: { one: { subject: string; body: string[] } } };
    };
    const words = 'Wij zien uw betaling graag binnenkort tegemoet.';
    edited.texts.nl.one.body = [...edited.texts.nl.one.body, words];
    await editor.fill(JSON.stringify(edited, null, 2));
    await template.getByRole('button', { name: 'Save as a new version' }).click();
    const next = edited.version + 1;
    await template
      .getByRole('status')
      .filter({ hasText: `Saved as version ${next}.` })
      .waitFor();
    await expect.poll(() => template.getByTestId('template-version').textContent()).toContain('changed by');
    const stored = await h.get<{ version: number; texts: { nl: { one: { body: string[] } } } }>(
      '/templates/payment-reminder-firm',
      'admin',
    );
    expect(stored.body.version).toBe(next);
    expect(stored.body.texts.nl.one.body.at(-1)).toBe(words);
    expect(await violationsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('finds an invoice by its number and a debtor by its name, and axe finds no violation on Search and Invoice', async () => {
    const page = await signIn(browser, h, { role: 'controller', at: '#/search' });
    await page.getByLabel(/^Invoice number, payment reference/).fill(overdue.number);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: overdue.number }).waitFor();
    expect(await violationsOf(page)).toEqual([]);

    await page.getByLabel(/^Invoice number, payment reference/).fill('Rapport');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: debtor.name }).waitFor();

    await page.goto(page.url().replace(/#.*$/, `#/invoices/${overdue.id}`));
    await page.getByRole('heading', { level: 1, name: `Invoice ${overdue.number}` }).waitFor();
    const claim = page.getByTestId('claim');
    await claim.waitFor();
    expect(await claim.getByRole('row', { name: /^Principal/ }).textContent()).toContain(euros(4_800_00));
    await page.getByRole('heading', { name: 'Letters as sent' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Interest periods' }).count()).toBe(1);
    expect(await violationsOf(page)).toEqual([]);
    await page.context().close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CloudHarness } from '../workflow/local-cloud-harness';

/** The console as a user opens it: the local sign-in page, a role and a name, then the app. */
export async function signIn(
  browser: Browser,
  h: CloudHarness,
  as: { role: 'controller' | 'manager' | 'admin'; name?: string; at?: string },
): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${h.cloud.endpoints.api}/console/${as.at ?? ''}`);
  await page.getByRole('radio', { name: new RegExp(`^${as.role}\\b`) }).check();
  if (as.name) await page.getByLabel('User name').fill(as.name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
  return page;
}

/** The row of a debtor on the worklist page, by its name. */
export const worklistRow = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

/** What axe finds against WCAG 2.1 A and AA on the page as it stands, one line per violation and node. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  // A page axe could not read would pass with nothing checked.
  if (results.passes.length === 0) throw new Error(`axe checked nothing on ${page.url()}`);
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  );
}

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

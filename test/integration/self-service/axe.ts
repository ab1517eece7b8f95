import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules of WCAG 2.0 and 2.1, levels A and AA: what the debtor's pages promise to meet. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's findings on the page as the browser shows it now, one line per element that breaks a
 * WCAG 2.1 AA rule (empty when there is none), so that a failing test names the rule and the
 * element. The debtor's pages are tested without JavaScript, where axe (a script) cannot run; it
 * checks the same document, at the same screen size, in a second tab that allows script.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('the page has no browser to open a second tab in');
  const viewport = page.viewportSize();
  const context = await browser.newContext({ javaScriptEnabled: true, ...(viewport ? { viewport } : {}) });
  try {
    const twin = await context.newPage();
    await twin.setContent(await page.content());
    const results = await new AxeBuilder({ page: twin }).withTags(WCAG_21_AA).analyze();
    return results.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'unknown'}): ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
      ),
    );
  } finally {
    await context.close();
  }
}

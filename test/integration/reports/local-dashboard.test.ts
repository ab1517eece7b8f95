import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../functions/core/money';
import { PORTFOLIO_BUCKETS, type PortfolioDay } from '../../../functions/core/reports/portfolio-day';
import { invoiceCreated, newId, newInvoiceNumber } from '../../../local/invoicing/invoicing-events';
import { launchChromium } from '../../support/chromium';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoiceView, payment } from '../workflow/scenario';

// Monday 2 November 2026, 06:00 in Amsterdam.
const START = new Date('2026-11-02T05:00:00Z');

interface PortfolioAnswer {
  asOf: string;
  currencies: PortfolioDay[];
}
interface HistoryAnswer {
  from: string;
  to: string;
  days: { asOf: string; currencies: PortfolioDay[] }[];
}
interface AgencyAnswer {
  totals: { currency: string; claims: number; atAgency: number }[];
}

/** What the page shows, read in one go in the page (the page reloads itself every few seconds). */
interface Shown {
  tiles: Record<string, string>;
  agingRows: Record<string, { amount: string; count: string }>;
  bars: Record<string, number>;
  dots: [string, number][];
  dsoRows: [string, string][];
  agencyRow: string[];
  executions: Record<string, string>;
}

/** Evaluated in the page: the test's TypeScript has no DOM types. */
const READ_PAGE = `(() => {
  const text = (element) => (element?.textContent ?? '').trim();
  const tiles = {};
  for (const tile of document.querySelectorAll('.tile')) {
    const key = tile.dataset.figure + (tile.dataset.currency ? ':' + tile.dataset.currency : '');
    tiles[key] = text(tile);
  }
  const agingRows = {};
  for (const row of document.querySelectorAll('#aging-EUR-table tr[data-bucket]')) {
    const cells = row.querySelectorAll('td');
    agingRows[row.dataset.bucket] = { amount: text(cells[0]), count: text(cells[1]) };
  }
  const bars = {};
  for (const bar of document.querySelectorAll('#aging-EUR g[data-key]')) bars[bar.dataset.key] = Number(bar.dataset.value);
  const dots = [...document.querySelectorAll('#dso-EUR circle[data-key]')].map((dot) => [dot.dataset.key, Number(dot.dataset.value)]);
  const dsoRows = [...document.querySelectorAll('#dso-EUR-table tr[data-day]')].map((row) => [row.dataset.day, text(row.querySelector('td'))]);
  const agencyRow = [...document.querySelectorAll('tr[data-currency="EUR"] td')].map(text);
  const executions = {};
  for (const heading of document.querySelectorAll('h3')) {
    if (text(heading) !== 'Dunning executions by status') continue;
    for (const row of heading.nextElementSibling.querySelectorAll('tr')) {
      const cells = row.querySelectorAll('td');
      executions[text(cells[0])] = text(cells[1]);
    }
  }
  return { tiles, agingRows, bars, dots, dsoRows, agencyRow, executions };
})()`;

/**
 * The local dashboard in a browser: a view of the reports the API answers with, so every figure
 * it shows is the API's for the same moment.
 */
describe('the local dashboard in a browser', () => {
  let h: CloudHarness;
  let browser: Browser;
  let page: Page;
  let shown: Shown;
  let portfolio: PortfolioAnswer;
  let history: HistoryAnswer;
  let agency: AgencyAnswer;

  const money = (cents: number) => formatMoney({ amount: cents, currency: 'EUR' }, 'en');
  const post = async (debtorId: string, totalAmount: number, issueDate: string, dueDate: string) => {
    const id = newId('inv');
    const answer = await h.post(
      invoiceCreated({ id, number: newInvoiceNumber(), debtorId, totalAmount, issueDate, dueDate }),
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return id;
  };

  beforeAll(async () => {
    browser = await launchChromium('this test reads the local dashboard in a real browser');
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h, { kvkNumber: '10000001' });
    // Four weeks on, four buckets hold one each: not yet due, 31–60, 61–90 and 91–120, the last at
    // the agency (74 days overdue today: the final notice at once, the hand-over 20 days on). The
    // fifth is paid on the third day, which stops its dunning.
    await post(debtor.id, 300_00, '2026-11-01', '2026-12-31');
    await post(debtor.id, 500_00, '2026-09-25', '2026-10-25');
    await post(debtor.id, 700_00, '2026-08-21', '2026-09-20');
    const handedOver = await post(debtor.id, 1_250_00, '2026-07-21', '2026-08-20');
    const paid = await post(debtor.id, 400_00, '2026-09-20', '2026-10-20');
    await h.advanceDays(3);
    await eventually(async () => expect((await invoiceView(h, paid)).dunning?.status).toBe('running'));
    expect((await h.post(payment(paid, 400_00, '2026-11-05T10:00:00+01:00'))).status).toBe(200);
    await h.advanceDays(25);
    await eventually(
      async () => expect((await invoiceView(h, handedOver)).status).toBe('in_collection'),
      30_000,
    );

    [portfolio, history, agency] = await Promise.all([
      h.get<PortfolioAnswer>('/reports/portfolio', 'manager').then((answer) => answer.body),
      h
        .get<HistoryAnswer>('/reports/portfolio/history?from=2026-09-02', 'manager')
        .then((answer) => answer.body),
      h.get<AgencyAnswer>('/reports/agency', 'manager').then((answer) => answer.body),
    ]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${h.cloud.endpoints.api}/_local/dashboard`);
    shown = await page.evaluate<Shown>(READ_PAGE);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  const eur = () => portfolio.currencies.find((each) => each.currency === 'EUR')!;

  it('shows the receivables and the overdue amount of GET /reports/portfolio, with their invoices', () => {
    const { open, overdue, dso } = eur();
    expect(portfolio.asOf).toBe('2026-11-30');
    expect(history.to).toBe('2026-11-30');

    expect(shown.tiles['open:EUR']).toContain(money(open.amount));
    expect(shown.tiles['open:EUR']).toContain(`${open.count} invoices`);
    expect(shown.tiles['open:EUR']).toMatch(/^Receivables \(open, overdue and at the agency\)/);
    expect(shown.tiles['overdue:EUR']).toContain(money(overdue.amount));
    expect(shown.tiles['overdue:EUR']).toContain(`${overdue.count} invoices`);
    expect(dso.standard).not.toBeNull();
    expect(shown.tiles['dso:EUR']).toBe(`DSO (90 days)${dso.standard} days`);
  });

  it('shows the aging per bucket as bars and as a table, each bucket as the report gives it', () => {
    const { aging } = eur();
    expect(PORTFOLIO_BUCKETS.filter((bucket) => aging[bucket].count > 0).length).toBeGreaterThanOrEqual(3);

    for (const bucket of PORTFOLIO_BUCKETS) {
      expect(shown.agingRows[bucket]).toEqual({
        amount: money(aging[bucket].amount),
        count: String(aging[bucket].count),
      });
      expect(shown.bars[bucket]).toBe(aging[bucket].amount);
    }
  });

  it('draws the DSO of each day of the last 90 that had sales to measure by, as GET /reports/portfolio/history gives it', () => {
    const measured = history.days.flatMap(({ asOf, currencies }) => {
      const dso = currencies.find((each) => each.currency === 'EUR')?.dso.standard ?? null;
      return dso === null ? [] : [[asOf, dso] as [string, number]];
    });
    expect(history.days).toHaveLength(90);
    expect(measured.length).toBeGreaterThanOrEqual(28);

    expect(shown.dots).toEqual(measured);
    expect(shown.dsoRows).toHaveLength(90);
    expect(
      shown.dsoRows.filter(([, dso]) => dso !== '–').map(([day, dso]) => [day, Number.parseInt(dso)]),
    ).toEqual(measured);
  });

  it('shows the claims at the collection agency apart, as GET /reports/agency counts them', () => {
    const total = agency.totals.find((each) => each.currency === 'EUR')!;
    expect(total.atAgency).toBeGreaterThanOrEqual(1);

    expect(shown.agencyRow.slice(0, 3)).toEqual(['EUR', String(total.atAgency), String(total.claims)]);
  });

  it('calls an execution stopped by a payment "stopped: paid", never ABORTED, and shows stale tasks apart', () => {
    expect(Number(shown.executions['stopped: paid'])).toBeGreaterThanOrEqual(1);
    expect(Object.keys(shown.executions)).not.toContain('ABORTED');
    expect(shown.tiles['tasks-overdue']).toMatch(/^Stale: open past their due day\d+$/);
    expect(shown.tiles['tasks-open']).toMatch(/^Open tasks\d+$/);
  });

  it('names its charts for assistive technology and passes an accessibility check', async () => {
    await expect(page.getByRole('img', { name: 'Aging of the EUR receivables' }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('img', { name: 'DSO of the EUR receivables, 2026-09-02 to 2026-11-30' }).count(),
    ).resolves.toBe(1);

    // A live view that reloads itself every few seconds on purpose: the one rule it breaks by design.
    const { violations } = await new AxeBuilder({ page }).disableRules(['meta-refresh']).analyze();
    expect(
      violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary}`).join('; ')})`,
      ),
    ).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../functions/api/routes';
import type { PortfolioDay } from '../../../functions/core/reports/portfolio-day';
import { invoiceCreated, newId, newInvoiceNumber } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, startCloudHarness, tableOf } from '../workflow/local-cloud-harness';
import { businessDebtor, payment } from '../workflow/scenario';

// Monday 2 March 2026, 05:00 in Amsterdam: the day's sweep has not run yet.
const START = new Date('2026-03-02T04:00:00Z');

interface PortfolioAnswer {
  asOf: string;
  currencies: PortfolioDay[];
  definitions: Record<string, string>;
}
interface HistoryAnswer {
  from: string;
  to: string;
  days: { asOf: string; currencies: PortfolioDay[] }[];
}
interface ErrorAnswer {
  error: { code: string; issues: { path: string; message: string }[] };
}

describe('the portfolio reports on the local cloud', () => {
  let h: CloudHarness;
  let held: string;

  const eur = (answer: { currencies: PortfolioDay[] }) => answer.currencies.find((c) => c.currency === 'EUR');
  const raw = async (path: string, group: Role, headers: Record<string, string> = {}) => {
    const token = await h.cloud.issuer.issueToken({ group });
    const response = await fetch(`${h.cloud.endpoints.api}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };
  const post = async (fields: { debtorId: string; dueDate: string } & Record<string, unknown>) => {
    const id = newId('inv');
    const answer = await h.post(invoiceCreated({ id, number: newInvoiceNumber(), ...fields }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return id;
  };

  beforeAll(async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    // EUR 1,000.00 a day overdue, EUR 500.00 not yet due; USD 200.00 overdue since 15 February.
    held = await post({
      debtorId: debtor.id,
      totalAmount: 1_000_00,
      issueDate: '2026-02-01',
      dueDate: '2026-03-01',
    });
    const current = await post({
      debtorId: debtor.id,
      totalAmount: 500_00,
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
    });
    await post({
      debtorId: debtor.id,
      currency: 'USD',
      totalAmount: 200_00,
      issueDate: '2026-02-01',
      dueDate: '2026-02-15',
    });
    expect((await h.post(payment(current, 200_00, '2026-03-02T05:30:00+01:00'))).status).toBe(200);
    const hold = await h.send('POST', `/invoices/${held}/hold`, {
      until: '2026-03-20',
      reason: 'checking the delivery',
    });
    expect(hold.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await h.stop();
  });

  it('reports per currency the open and overdue amounts, the aging buckets and the overdue amount nobody chases because it is held', async () => {
    const answer = await h.get<PortfolioAnswer>('/reports/portfolio', 'manager');

    expect(answer.status).toBe(200);
    expect(answer.body.asOf).toBe('2026-03-02');
    expect(answer.body.currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
    expect(eur(answer.body)).toMatchObject({
      open: { amount: 1_300_00, count: 2 },
      overdue: { amount: 1_000_00, count: 1 },
      aging: { current: { amount: 300_00, count: 1 }, '1-30': { amount: 1_000_00, count: 1 } },
      unchased: {
        amount: 1_000_00,
        count: 1,
        share: 100,
        byReason: { held: { amount: 1_000_00, count: 1 } },
      },
      period: { from: '2026-02-03', to: '2026-03-02' },
    });
    // Sold in the 90 days: 1,500.00; open 1,300.00 → 78 days.
    expect(eur(answer.body)?.dso.standard).toBe(78);
    expect(answer.body.currencies[1]).toMatchObject({
      currency: 'USD',
      overdue: { amount: 200_00, count: 1 },
    });
    expect(answer.body.definitions.cei).toContain('opening receivables');
  });

  it('gives the figures of a past day as they stood at its end, once the morning sweep has closed it into a snapshot', async () => {
    // To Tuesday 07:00: the sweep of 06:00 closed Monday.
    await h.cloud.advance(26 * 3_600_000);
    const store = tableOf(h);
    expect((await store.getPortfolioSnapshot('2026-03-02'))?.day).toBe('2026-03-02');
    expect((await h.post(payment(held, 400_00, '2026-03-03T10:00:00+01:00'))).status).toBe(200);

    const yesterday = await h.get<PortfolioAnswer>('/reports/portfolio?asOf=2026-03-02', 'controller');
    const today = await h.get<PortfolioAnswer>('/reports/portfolio', 'admin');

    expect(eur(yesterday.body)).toMatchObject({ open: { amount: 1_300_00 }, overdue: { amount: 1_000_00 } });
    expect(eur(today.body)).toMatchObject({
      asOf: '2026-03-03',
      open: { amount: 900_00, count: 2 },
      aging: { '1-30': { amount: 600_00, count: 1 } },
      unchased: { byReason: { held: { amount: 600_00 } } },
    });
    const history = await h.get<HistoryAnswer>(
      '/reports/portfolio/history?from=2026-03-01&to=2026-03-03',
      'manager',
    );
    expect(history.status).toBe(200);
    expect(history.body.days.map((day) => [day.asOf, eur(day)?.open.amount ?? 0])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 1_300_00],
      ['2026-03-03', 900_00],
    ]);
  });

  it('answers CSV with a header row, one row per figure and amounts in euros with two decimals, for format=csv or Accept: text/csv', async () => {
    const byFormat = await raw('/reports/portfolio?format=csv', 'manager');
    const byAccept = await raw('/reports/portfolio/history?from=2026-03-02', 'manager', {
      accept: 'text/csv',
    });

    expect(byFormat.status).toBe(200);
    expect(byFormat.type).toMatch(/^text\/csv/);
    const lines = byFormat.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('as_of,currency,figure,bucket,amount,count,value');
    expect(lines).toContain('2026-03-03,EUR,open,,900.00,2,');
    expect(lines).toContain('2026-03-03,EUR,aging,1-30,600.00,1,');
    expect(lines).toContain('2026-03-03,USD,overdue,,200.00,1,');
    expect(byAccept.type).toMatch(/^text\/csv/);
    expect(byAccept.text).toContain('2026-03-02,EUR,open,,1300.00,2,');
  });

  it('refuses a day after today, a span that ends before it begins or is longer than a year, and a caller outside finance', async () => {
    const future = await h.get<ErrorAnswer>('/reports/portfolio?asOf=2026-03-04', 'manager');
    const backwards = await h.get<ErrorAnswer>(
      '/reports/portfolio/history?from=2026-03-03&to=2026-03-01',
      'manager',
    );
    const tooLong = await h.get<ErrorAnswer>(
      '/reports/portfolio/history?from=2025-01-01&to=2026-03-01',
      'manager',
    );
    const notADay = await h.get<ErrorAnswer>('/reports/portfolio?asOf=yesterday', 'manager');

    expect([future.status, backwards.status, tooLong.status, notADay.status]).toEqual([400, 400, 400, 400]);
    expect(future.body.error.issues.map((issue) => issue.path)).toEqual(['query.asOf']);
    expect(backwards.body.error.issues.map((issue) => issue.path)).toEqual(['query.from']);
    expect(tooLong.body.error.issues.map((issue) => issue.path)).toEqual(['query.from']);
    expect(notADay.body.error.issues.map((issue) => issue.path)).toEqual(['query.asOf']);
    expect((await h.get('/reports/portfolio', 'special')).status).toBe(403);
  });
});

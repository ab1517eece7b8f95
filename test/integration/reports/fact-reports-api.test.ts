import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../functions/api/routes';
import type {
  DisputesReport,
  DunningReport,
  ForecastReport,
  PromisesReport,
} from '../../../functions/use-cases/reports/fact-reports';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  invoice,
  MARCH_DUE,
  MARCH_START,
  payment,
  sweep,
} from '../workflow/scenario';

/**
 * One debtor on the business-standard policy from Monday 2 March 2026: two invoices due the day
 * before get their friendly reminder on Wednesday 4 March; one is paid on Friday 6 March, the other
 * is promised for Friday 13 March. A dispute raised on Monday is rejected on Thursday; another
 * stays open. An invoice of EUR 400.00 falls due on Wednesday 25 March.
 */
describe('the dunning, promise, dispute and forecast reports on the local cloud', () => {
  let h: CloudHarness;

  const csv = async (path: string, group: Role = 'manager') => {
    const token = await h.cloud.issuer.issueToken({ group });
    const response = await fetch(`${h.cloud.endpoints.api}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/csv' },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  beforeAll(async () => {
    h = await startCloudHarness(MARCH_START);
    const debtor = await businessDebtor(h);
    const paid = await invoice(h, debtor.id, { dueDate: MARCH_DUE, totalAmount: 1_250_00 });
    const promised = await invoice(h, debtor.id, { dueDate: MARCH_DUE, totalAmount: 800_00 });
    const rejected = await invoice(h, debtor.id, { dueDate: '2026-04-15', totalAmount: 300_00 });
    const disputed = await invoice(h, debtor.id, { dueDate: '2026-04-15', totalAmount: 200_00 });
    await invoice(h, debtor.id, { dueDate: '2026-03-25', totalAmount: 400_00 });
    await sweep(h);

    const raised = await h.send<{ id: string }>('POST', `/invoices/${rejected.id}/disputes`, {
      cause: 'price',
      note: 'the discount is missing',
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const open = await h.send('POST', `/invoices/${disputed.id}/disputes`, {
      cause: 'quantity',
      note: 'two boxes short',
    });
    expect(open.status, JSON.stringify(open.body)).toBe(201);

    await advanceTo(h, '2026-03-05T10:00:00+01:00');
    const resolved = await h.send(
      'POST',
      `/disputes/${raised.body.id}/resolution`,
      { outcome: 'rejected', note: 'the quote had no discount' },
      'manager',
    );
    expect(resolved.status, JSON.stringify(resolved.body)).toBeLessThan(300);

    await advanceTo(h, '2026-03-06T11:00:00+01:00');
    expect((await h.post(payment(paid.id, 1_250_00, '2026-03-06T10:30:00+01:00'))).status).toBe(200);
    const promise = await h.send('POST', `/invoices/${promised.id}/promises`, { promisedDate: '2026-03-13' });
    expect(promise.status, JSON.stringify(promise.body)).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await h.stop();
  });

  it('the cure rate counts an invoice paid within 14 days after its first reminder', async () => {
    const answer = await h.get<DunningReport>('/reports/dunning?from=2026-03-01&to=2026-03-31', 'manager');

    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.segments).toEqual([
      {
        segment: 'business-standard',
        steps: [{ step: 'firstReminder', reached: 2, cured: 1, cureRate: 50, ended: 1 }],
        endedBeforeFirstStep: 0,
      },
    ]);
    const sheet = await csv('/reports/dunning?from=2026-03-01&to=2026-03-31');
    expect(sheet.type).toContain('text/csv');
    expect(sheet.text.split('\r\n')).toContain(
      '2026-03-01,2026-03-31,business-standard,firstReminder,2,1,50,1',
    );
  });

  it('a promise taken counts as taken in its currency, and its amount is expected on its promised date', async () => {
    const answer = await h.get<PromisesReport>('/reports/promises?from=2026-03-01&to=2026-03-31', 'manager');

    expect(answer.status).toBe(200);
    expect(answer.body.currencies).toEqual([
      {
        currency: 'EUR',
        taken: { count: 1, amount: 800_00 },
        kept: { count: 0, amount: 0 },
        broken: { count: 0, amount: 0 },
        cancelled: { count: 0, amount: 0 },
        keptRate: null,
      },
    ]);
    expect((await csv('/reports/promises?from=2026-03-01&to=2026-03-31&format=csv')).text).toContain(
      '2026-03-01,2026-03-31,EUR,taken,1,800.00,',
    );
  });

  it('a dispute rejected three days after it was raised counts as resolved in a median of three days, and one still open counts as open now', async () => {
    const answer = await h.get<DisputesReport>('/reports/disputes?from=2026-03-01&to=2026-03-31', 'admin');

    expect(answer.status).toBe(200);
    expect(answer.body.causes).toEqual([
      {
        cause: 'price',
        raised: 1,
        amount: [{ currency: 'EUR', amount: 300_00 }],
        resolved: 1,
        medianDaysToResolve: 3,
        openNow: 0,
        openAmount: [],
      },
      {
        cause: 'quantity',
        raised: 1,
        amount: [{ currency: 'EUR', amount: 200_00 }],
        resolved: 0,
        medianDaysToResolve: null,
        openNow: 1,
        openAmount: [{ currency: 'EUR', amount: 200_00 }],
      },
    ]);
    expect((await csv('/reports/disputes?from=2026-03-01&to=2026-03-31')).text).toContain(
      '2026-03-01,2026-03-31,price,EUR,1,300.00,1,3,0,0.00',
    );
  });

  it('the forecast expects an invoice not yet due in the week of its due date and a promise in the week promised, next to what came in this week', async () => {
    const answer = await h.get<ForecastReport>('/reports/forecast?weeks=4', 'manager');

    expect(answer.status).toBe(200);
    expect(answer.body.asOf).toBe('2026-03-06');
    const weeks = answer.body.currencies.find((c) => c.currency === 'EUR')?.weeks ?? [];
    const week = (from: string) => weeks.find((w) => w.from === from);
    expect(week('2026-03-02')).toMatchObject({ to: '2026-03-08', received: 1_250_00 });
    expect(week('2026-03-09')).toMatchObject({ received: null, expected: { promises: 800_00, invoices: 0 } });
    expect(week('2026-03-23')?.expected).toEqual({
      promises: 0,
      instalments: 0,
      invoices: 400_00,
      total: 400_00,
    });
    expect(week('2026-02-02')).toMatchObject({ received: 0, expected: null });
    const sheet = await csv('/reports/forecast?weeks=4');
    expect(sheet.text.split('\r\n')[0]).toBe(
      'week_from,week_to,currency,received,expected_promises,expected_instalments,expected_invoices,expected_total',
    );
    expect(sheet.text).toContain('2026-03-23,2026-03-29,EUR,,0.00,0.00,400.00,400.00');
  });

  it('keeps the reports to managers and admins, and names a bad period in a 400', async () => {
    expect((await h.get('/reports/dunning?from=2026-03-01', 'controller')).status).toBe(403);
    expect((await h.get('/reports/forecast', 'controller')).status).toBe(403);
    const bad = await h.get<{ error: { issues: { path: string }[] } }>(
      '/reports/disputes?from=2026-03-31&to=2026-03-01',
      'manager',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue) => issue.path)).toEqual(['query.to']);
    const weeks = await h.get<{ error: { issues: { path: string }[] } }>(
      '/reports/forecast?weeks=99',
      'manager',
    );
    expect(weeks.status).toBe(400);
    expect(weeks.body.error.issues.map((issue) => issue.path)).toEqual(['query.weeks']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_RULES } from '../../../functions/core/score/score-rules';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, emailsTo, invoice, MARCH_START as START, payment } from '../workflow/scenario';
import { entriesOf, worklistOf } from '../worklist/worklist-world';

interface RankingBody {
  sort: string;
  currency: string;
  debtors: {
    rank: number;
    debtorId: string;
    name: string;
    overdue: { amount: number; currency: string };
    score: number | null;
  }[];
}

interface RulesBody {
  version: number;
  weights: Record<string, number>;
  updatedBy: string;
}

interface ErrorBody {
  error: { code: string; issues: { path: string; message: string }[] };
}

/** The morning of the harness's first day: the webhook takes no payment from the future. */
const PAID_AT = '2026-03-02T05:30:00+01:00';

async function csvOf(h: CloudHarness, path: string, headers: Record<string, string> = {}) {
  const token = await h.cloud.issuer.issueToken({ group: 'manager' });
  const response = await fetch(`${h.cloud.endpoints.api}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('the payment-behaviour score in reports, settings, the worklist and email', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('ranks the debtor with the largest overdue amount first', async () => {
    h = await startCloudHarness(START);
    const small = await businessDebtor(h, { name: 'Bakkerij De Korenschoof B.V.' });
    const large = await businessDebtor(h, { name: 'Molen De Hoop, Zaandam' });
    await invoice(h, small.id, { dueDate: '2026-02-10', totalAmount: 2_000_00 });
    const paidInPart = await invoice(h, large.id, { dueDate: '2026-02-10', totalAmount: 3_000_00 });
    await invoice(h, large.id, { dueDate: '2026-02-20', totalAmount: 500_00 });
    // Not due yet: nothing overdue.
    await invoice(h, small.id, { dueDate: '2026-04-30', totalAmount: 9_000_00 });
    expect((await h.post(payment(paidInPart.id, 1_000_00, PAID_AT))).status).toBe(200);

    const ranking = await eventually(async () => {
      const { status, body } = await h.get<RankingBody>('/reports/debtors?sort=overdue&limit=10', 'manager');
      expect(status).toBe(200);
      expect(body.debtors.map((row) => [row.debtorId, row.overdue.amount])).toEqual([
        [large.id, 2_500_00],
        [small.id, 2_000_00],
      ]);
      return body;
    });
    expect(ranking.debtors[0]).toMatchObject({
      rank: 1,
      name: 'Molen De Hoop, Zaandam',
      overdue: { currency: 'EUR' },
    });

    const csv = await csvOf(h, '/reports/debtors?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\r\n').slice(0, 3)).toEqual([
      'rank,debtorId,name,currency,overdue,score',
      `1,${large.id},"Molen De Hoop, Zaandam",EUR,2500.00,`,
      `2,${small.id},Bakkerij De Korenschoof B.V.,EUR,2000.00,`,
    ]);
    expect(
      (await csvOf(h, '/reports/debtors?limit=1', { accept: 'text/csv' })).text.split('\r\n'),
    ).toHaveLength(3);
    expect((await h.get('/reports/debtors', 'controller')).status).toBe(403);
    const bad = await h.get<ErrorBody>('/reports/debtors?sort=name', 'manager');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue) => issue.path)).toEqual(['query.sort']);
  });

  it('a manager changes the score rules and a controller may not', async () => {
    h = await startCloudHarness(START);
    const current = await h.get<RulesBody>('/settings/score-rules', 'manager');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({
      version: 1,
      weights: DEFAULT_SCORE_RULES.weights,
      updatedBy: 'seed',
    });
    const change = {
      expectedVersion: 1,
      weights: { ...DEFAULT_SCORE_RULES.weights, perBrokenPromise: 20 },
      segments: { goodPayerOnTimeInRow: 8, chronicMovesBackOnTimeInRow: 4 },
      reward: { kind: 'credit_limit', percent: 10, description: '10% higher credit limit' },
    };

    expect((await h.send('PUT', '/settings/score-rules', change, 'controller')).status).toBe(403);
    expect((await h.get('/settings/score-rules', 'controller')).status).toBe(403);
    const stored = await h.send<RulesBody>('PUT', '/settings/score-rules', change, 'manager');
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ version: 2, weights: { perBrokenPromise: 20 } });

    const stale = await h.send<ErrorBody>('PUT', '/settings/score-rules', change, 'admin');
    expect(stale.status).toBe(409);
    const bad = await h.send<ErrorBody>(
      'PUT',
      '/settings/score-rules',
      { ...change, expectedVersion: 2, segments: { ...change.segments, goodPayerOnTimeInRow: 0 } },
      'manager',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([
      expect.objectContaining({ path: 'segments.goodPayerOnTimeInRow', message: 'must be at least 1' }),
    ]);
    expect((await h.get<RulesBody>('/settings/score-rules', 'admin')).body.version).toBe(2);
  });

  it('a low score lifts a debtor in the worklist', async () => {
    h = await startCloudHarness(START);
    // Alphabetically first, and the same arrears: without the score it would come first.
    const prompt = await businessDebtor(h, { name: 'Aannemersbedrijf Prompt B.V.' });
    const late = await businessDebtor(h, { name: 'Zuivelhandel Laat B.V.' });
    // Two invoices due 1 February, paid on 2 March: 29 days late each, a score near 0.
    for (let n = 0; n < 2; n++) {
      const paidLate = await invoice(h, late.id, { dueDate: '2026-02-01', totalAmount: 300_00 });
      expect((await h.post(payment(paidLate.id, 300_00, PAID_AT))).status).toBe(200);
    }
    await invoice(h, prompt.id, { dueDate: '2026-02-20', totalAmount: 1_000_00 });
    await invoice(h, late.id, { dueDate: '2026-02-20', totalAmount: 1_000_00 });

    const entries = entriesOf(await worklistOf(h, 'manager'), [prompt.id, late.id]);
    expect(entries.map((entry) => entry.debtorId)).toEqual([late.id, prompt.id]);
    const reason = entries[0]?.reasons.find((r) => r.factor === 'payment_score');
    expect(reason?.detail).toMatch(/^payment score \d+\/100$/);
    expect(reason?.points).toBeGreaterThan(0);
    expect(entries[1]?.reasons.map((r) => r.factor)).not.toContain('payment_score');
  });

  it('a new good payer gets one thank-you email when the policy says so', async () => {
    h = await startCloudHarness(START);
    const policy = (await h.get<Record<string, unknown>>('/policies/business-good-payer')).body;
    const put = await h.send(
      'PUT',
      '/policies/business-good-payer',
      { ...policy, thankGoodPayers: true },
      'admin',
    );
    expect(put.status).toBe(200);
    const debtor = await businessDebtor(h, { language: 'en' });

    // Eleven invoices paid on time: the tenth makes a good payer, the eleventh changes nothing.
    for (let n = 0; n < 11; n++) {
      const paid = await invoice(h, debtor.id, { dueDate: '2026-03-10', totalAmount: 500_00 });
      expect((await h.post(payment(paid.id, 500_00, PAID_AT))).status).toBe(200);
    }

    const thanks = await eventually(async () => {
      const found = (await emailsTo(h, debtor.email)).filter(
        (e) => e.subject === 'Thank you for paying on time',
      );
      expect(found).toHaveLength(1);
      return found;
    });
    expect(thanks[0]?.text).toContain('You paid your last 10 invoices on time');
    const { body } = await h.get<{ events: { type: string; summary: string }[] }>(
      `/debtors/${debtor.id}/timeline?limit=100&lang=en`,
    );
    expect(body.events.filter((e) => e.type === 'email_sent').map((e) => e.summary)).toEqual([
      'Email "Thank you for paying on time" sent to the debtor: thanks for 10 invoices in a row paid on time',
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalRoute } from '../../../local/api/local-routes';
import { type LocalCloud, startLocalCloud } from '../../../local/cloud/local-cloud';
import type { DashboardFigures } from '../../../local/dashboard/dashboard-figures';
import { dashboardRoutes } from '../../../local/dashboard/dashboard-routes';
import { controllerApi } from '../../../local/demo/controller-api';
import { playDemo } from '../../../local/demo/play-demo';

// Monday 2 March 2026, 08:30 in Amsterdam: half an hour before the day's letters go out.
const START = new Date('2026-03-02T07:30:00Z');
const DAY_MS = 86_400_000;

const DUTCH_REMINDER = /^(Herinnering|Betalingsherinnering|Aanmaning)/;
const ENGLISH_REMINDER = /^(Reminder|Payment reminder|Formal notice)/;

let cloud: LocalCloud;
let dataDir: string;
let dashboard: LocalRoute[];
const playback = new AbortController();
const demoLog: string[] = [];

async function figures(): Promise<DashboardFigures> {
  const route = dashboard.find((r) => r.path === '/_local/dashboard.json')!;
  const reply = await route.handle({ pathParameters: {}, query: new URLSearchParams(), body: '' });
  return reply.body as DashboardFigures;
}

async function subjects(): Promise<string[]> {
  const store = (await (await fetch(`${cloud.endpoints.inbox}/store`)).json()) as {
    emails: { subject: string }[];
  };
  return store.emails.map((email) => email.subject);
}

/** The invoices paid, counted page by page through GET /invoices?status=paid (the dashboard counts no statuses). */
async function paidInvoices(): Promise<number> {
  const api = controllerApi(cloud.endpoints.api, cloud.issuer);
  let paid = 0;
  let cursor: string | undefined;
  do {
    const page = await api('GET', `/invoices?status=paid&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const body = page.body as { invoices: unknown[]; cursor?: string };
    paid += body.invoices.length;
    cursor = body.cursor;
  } while (cursor);
  return paid;
}

/** The receivables of the dashboard's portfolio, in euros. */
async function euros() {
  return (await figures()).portfolio?.currencies.find((c) => c.currency === 'EUR');
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'credit-control-demo-'));
  cloud = await startLocalCloud({
    daySeconds: null,
    start: START,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName: `demo-${randomUUID().slice(0, 8)}`,
    dailySweep: true,
  });
  dashboard = dashboardRoutes({
    dynamodbEndpoint: cloud.endpoints.dynamodb,
    tableName: cloud.tableName,
    sfnEndpoint: cloud.endpoints.sfn,
    stateMachineArn: cloud.stateMachineArn,
    sesUrl: cloud.endpoints.inbox,
    snsUrl: cloud.endpoints.sns,
    clock: cloud.clock,
  });
  await playDemo(cloud, { dataDir, log: (line) => demoLog.push(line), signal: playback.signal });
}, 180_000);

afterAll(async () => {
  playback.abort();
  await cloud?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo portfolio', () => {
  it('loads about forty debtors and a few hundred invoices through the invoicing webhook', async () => {
    const loaded = demoLog.map((line) => /^demo: (\d+) debtors and (\d+) invoices loaded/.exec(line));
    const [, debtors, invoices] = loaded.find((match) => match !== null) ?? [];

    expect(Number(debtors)).toBeGreaterThanOrEqual(30);
    expect(Number(invoices)).toBeGreaterThanOrEqual(200);
  });

  it('has a promise to pay, a dispute and a payment plan on debtors to look at from the start', async () => {
    expect(demoLog).toContainEqual(
      expect.stringMatching(
        /^demo: arranged payment plan plan-[\w-]+ for \S+, promise to pay on \S+, dispute over part of \S+$/,
      ),
    );
    const arranged = demoLog.find((line) => line.startsWith('demo: arranged '));
    const api = controllerApi(cloud.endpoints.api, cloud.issuer);
    const planDebtor = /payment plan \S+ for (\S+),/.exec(arranged ?? '')?.[1] ?? '';
    const plans = await api('GET', `/debtors/${planDebtor}/payment-plans`);
    expect((plans.body as { plans: { status: string }[] }).plans).toEqual([
      expect.objectContaining({ status: 'active' }),
    ]);
    const disputes = await api('GET', '/disputes?status=open');
    expect((disputes.body as { disputes: unknown[] }).disputes.length).toBeGreaterThanOrEqual(1);
  });

  it('has a debtor who promised on their own page and one who paid through the local Mollie checkout', async () => {
    const line = demoLog.find((each) => each.startsWith('demo: on their self-service page, '));
    expect(line).toMatch(
      /^demo: on their self-service page, \S+ promised to pay (\S+); \S+ paid (\S+) through Mollie's checkout$/,
    );
    const [, promised, paid] = /promised to pay (\S+); \S+ paid (\S+) /.exec(line ?? '') ?? [];
    const api = controllerApi(cloud.endpoints.api, cloud.issuer);
    const viewOf = async (number: string) => {
      const found = await api('GET', `/invoices?number=${encodeURIComponent(number)}`);
      const [invoice] = (found.body as { invoices: { id: string }[] }).invoices;
      const view = await api('GET', `/invoices/${invoice?.id ?? 'none'}`);
      return view.body as { status: string; timeline: { type: string; actor?: { id: string } }[] };
    };
    const promisedView = await viewOf(promised ?? '');
    expect(promisedView.timeline).toContainEqual(
      expect.objectContaining({ type: 'promise_taken', actor: expect.objectContaining({ id: 'debtor' }) }),
    );
    await expect.poll(async () => (await viewOf(paid ?? '')).status, { timeout: 30_000 }).toBe('paid');
  });

  it('has every delivery of the portfolio accepted by the webhook', () => {
    expect(demoLog.filter((line) => line.includes('deliveries failed'))).toEqual([]);
  });

  it('starts with a history of paid invoices and open ones in every aging bucket up to 60 days', async () => {
    expect(await paidInvoices()).toBeGreaterThan(50);
    const aging = (await euros())?.aging;
    expect(aging?.current.amount).toBeGreaterThan(0);
    expect(aging?.['1-30'].amount).toBeGreaterThan(0);
    expect(aging?.['31-60'].amount).toBeGreaterThan(0);
  });

  it('sends reminders in Dutch and English and books payments as ten virtual days pass', async () => {
    const paidAtStart = await paidInvoices();

    await cloud.advance(10 * DAY_MS);

    await expect.poll(subjects, { timeout: 30_000 }).toContainEqual(expect.stringMatching(DUTCH_REMINDER));
    await expect.poll(subjects, { timeout: 30_000 }).toContainEqual(expect.stringMatching(ENGLISH_REMINDER));
    await expect.poll(paidInvoices, { timeout: 30_000 }).toBeGreaterThan(paidAtStart);
  }, 180_000);

  it('tells what happened in at most one line per virtual day', () => {
    const dayLines = demoLog.filter((line) => /^demo: \d{4}-\d{2}-\d{2}: /.test(line));

    expect(dayLines.length).toBeGreaterThan(0);
    expect(dayLines.length).toBeLessThanOrEqual(11);
    expect(dayLines.join('\n')).toMatch(/payments? \(INV-\d{4}-\d{4} /);
  });

  it('shows the portfolio and operations on one self-refreshing page with masked recipients', async () => {
    const route = dashboard.find((r) => r.path === '/_local/dashboard')!;
    const reply = await route.handle({ pathParameters: {}, query: new URLSearchParams(), body: '' });
    const page = String(reply.body);

    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(page).toContain('Aging');
    expect(page).toContain('Dunning executions by status');
    expect(page).toMatch(/[a-z]\*\*\*@[a-z.-]+\.example\.(nl|com)/);
    expect(page).not.toMatch(/[a-z]{2,}@[a-z.-]+\.example\.(nl|com)/);
    expect(page).not.toMatch(/\b(src|href)=/);
  });

  it('shows a claim handed over to the collection agency and the payment the agency collected on it', async () => {
    // The oldest invoices got their final notice on the first day; the agency takes them 20 days on.
    await cloud.advance(12 * DAY_MS);
    const arranged = () => demoLog.find((each) => each.startsWith("demo: arranged the collection agency's"));
    await expect
      .poll(arranged, { timeout: 60_000 })
      .toMatch(
        /^demo: arranged the collection agency's collection of EUR \d+\.\d{2} on INV-\d{4}-\d{4} \(fee EUR \d+\.\d{2}\)$/,
      );
    const number = /on (INV-\d{4}-\d{4})/.exec(arranged() ?? '')?.[1] ?? '';
    const api = controllerApi(cloud.endpoints.api, cloud.issuer);
    const found = await api('GET', `/invoices?number=${number}`);
    const id = (found.body as { invoices: { id: string }[] }).invoices[0]?.id ?? '';
    const { timeline } = (await api('GET', `/invoices/${id}?lang=en`)).body as {
      timeline: { type: string; summary: string; details?: Record<string, unknown> }[];
    };
    const types = timeline.map((entry) => entry.type);
    expect(types).toEqual(
      expect.arrayContaining(['handed_over_to_agency', 'agency_event', 'payment_received']),
    );
    expect(timeline).toContainEqual(
      expect.objectContaining({
        type: 'agency_event',
        summary: expect.stringMatching(
          /^The collection agency collected €[\d,.]+ \(booked as a payment\), fee €[\d,.]+$/,
        ),
        details: expect.objectContaining({ agencyEvent: 'claim.payment_collected' }),
      }),
    );
  }, 180_000);

  it('plays on after a restart on the same data without loading the portfolio again', async () => {
    playback.abort();
    const invoicesBefore = [(await euros())?.open.count, await paidInvoices()];
    const restartLog: string[] = [];
    const again = new AbortController();

    await playDemo(cloud, { dataDir, log: (line) => restartLog.push(line), signal: again.signal });
    again.abort();

    expect(restartLog).toEqual([
      expect.stringMatching(/^demo: portfolio of 2026-03-02 already loaded; playing on$/),
    ]);
    expect([(await euros())?.open.count, await paidInvoices()]).toEqual(invoicesBefore);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyClient } from '../../../local/collection-agency/agency-client';
import { LOCAL_AGENCY_WEBHOOK_SECRET } from '../../../local/cloud/environment';
import { paymentReceived } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, invoiceView } from '../workflow/scenario';

// Monday 2 November 2026, 06:00 in Amsterdam.
const START = new Date('2026-11-02T05:00:00Z');
/** 74 days overdue on arrival: the final notice goes at once, the hand-over 20 days later. */
const LONG_OVERDUE = '2026-08-20';

interface Claim {
  id: string;
  debtorId: string;
}
interface AgencyView {
  status: string;
  openAmount: number;
  invoice: { agencyStatus?: string };
  timeline: { type: string; summary: string; details?: Record<string, unknown> }[];
}
interface ReportLine {
  claimId: string;
  status: string;
  result: string | null;
  daysAtAgency: number;
  collected: number;
  fees: number;
  paidToUsDirectly: number;
}
interface Report {
  claims: ReportLine[];
  totals: { currency: string; claims: number; collected: number; fees: number }[];
  results: Record<string, number>;
}

describe('the collection agency and the bailiff', () => {
  let h: CloudHarness;
  let agency: AgencyClient;
  const claims: Claim[] = [];
  const view = (id: string) => invoiceView(h, id) as unknown as Promise<AgencyView>;
  const now = () => h.cloud.clock.now();

  /** Each test has a claim of its own, at the agency, of EUR 1,250.00. */
  const claim = (index: number): Claim => claims[index]!;

  beforeAll(async () => {
    h = await startCloudHarness(START);
    agency = new AgencyClient({ apiUrl: h.cloud.endpoints.api, secret: LOCAL_AGENCY_WEBHOOK_SECRET });
    for (let i = 0; i < 8; i++) {
      const debtor = await businessDebtor(h, { kvkNumber: `1000000${i}` });
      const { id } = await invoice(h, debtor.id, { dueDate: LONG_OVERDUE });
      claims.push({ id, debtorId: debtor.id });
    }
    await h.advanceDays(25);
    for (const { id } of claims) {
      await eventually(async () => expect((await view(id)).status).toBe('in_collection'));
    }
  }, 240_000);
  afterAll(async () => {
    await h.stop();
  });

  it('hands each claim over in a claim file of its debtor, with its KvK number, and shows it handed over', async () => {
    const { id, debtorId } = claim(0);
    expect((await view(id)).invoice.agencyStatus).toBe('handed_over');
    const files = h.cloud
      .notifications()
      .filter((message) => message.topicName === 'collection-agency')
      .map(
        (message) =>
          JSON.parse(message.message) as {
            kind: string;
            claimFileId: string;
            debtor: { kvkNumber?: string };
          },
      );
    const file = files.find((candidate) => candidate.claimFileId === debtorId);
    expect(file).toMatchObject({ kind: 'claim_file', debtor: { kvkNumber: '10000000' } });
  });

  it('each agency event changes the invoice as described: accepted, judgement, bailiff, closed as paid', async () => {
    const { id } = claim(1);
    for (const [type, data, status] of [
      ['claim.accepted', {}, 'accepted'],
      [
        'claim.judgement_obtained',
        { court: 'Rechtbank Amsterdam', judgementDate: '2026-12-01' },
        'judgement_obtained',
      ],
      ['claim.bailiff_assigned', { bailiff: 'Gerechtsdeurwaarders Jansen' }, 'bailiff_assigned'],
    ] as const) {
      const answer = await agency.post(agency.event(type, id, data, now()));
      expect(answer, type).toMatchObject({ status: 200, body: { status: 'applied', agencyStatus: status } });
      expect((await view(id)).invoice.agencyStatus).toBe(status);
    }
    // More than the principal: the final notice asked for costs and interest as well (art. 6:44 BW).
    const collected = await agency.post(
      agency.event('claim.payment_collected', id, { amount: 1_500_00, fee: 150_00, currency: 'EUR' }, now()),
    );
    expect(collected.status).toBe(200);
    const paid = await view(id);
    expect(paid.status).toBe('paid');
    expect(paid.openAmount).toBe(0);
    expect(paid.timeline.map((event) => event.type)).toEqual(
      expect.arrayContaining(['agency_event', 'payment_received', 'invoice_paid']),
    );
    await agency.post(agency.event('claim.closed', id, { result: 'paid' }, now()));
    expect((await view(id)).invoice.agencyStatus).toBe('closed');
    // Paid to the agency, not to us: the agency is not told of its own collection.
    expect(
      h.cloud
        .notifications()
        .some(
          (message) =>
            message.message.includes('"payment_received_directly"') && message.message.includes(id),
        ),
    ).toBe(false);
  });

  it('a collection delivered twice is booked once', async () => {
    const { id } = claim(2);
    const event = agency.event(
      'claim.payment_collected',
      id,
      { amount: 250_00, fee: 30_00, currency: 'EUR' },
      now(),
    );
    const before = (await view(id)).openAmount;
    const first = await agency.post(event, { id: 'msg_collection_twice' });
    const afterFirst = (await view(id)).openAmount;
    const again = await agency.post(event, { id: 'msg_collection_twice' });
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    expect(before - afterFirst).toBeGreaterThan(0);
    expect((await view(id)).openAmount).toBe(afterFirst);
    const payments = (await view(id)).timeline.filter((entry) => entry.type === 'payment_received');
    expect(payments).toHaveLength(1);
    const other = await agency.post(
      { ...event, data: { ...event.data, amount: 1_00 } },
      { id: 'msg_collection_twice' },
    );
    expect(other).toMatchObject({ status: 409, body: { error: { code: 'webhook_id_reused' } } });
  });

  it('an event that arrives after a later one is recorded, and does not set the status back', async () => {
    const { id } = claim(3);
    const accepted = agency.event('claim.accepted', id, {}, now());
    const closed = agency.event('claim.closed', id, { result: 'settled' }, now());
    expect((await agency.post(closed)).status).toBe(200);
    expect((await agency.post(accepted)).status).toBe(200);
    const current = await view(id);
    expect(current.invoice.agencyStatus).toBe('closed');
    // Back from the agency with money open: overdue again.
    expect(current.status).toBe('overdue');
    expect(
      current.timeline.filter((event) => event.type === 'agency_event').map((event) => event.summary),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/arrived after a later event/)]));
  });

  it('closed as uncollectable gives the special team a task to consider a write-off', async () => {
    const { id } = claim(4);
    expect(
      (await agency.post(agency.event('claim.closed', id, { result: 'uncollectable' }, now()))).status,
    ).toBe(200);
    const list = await h.get<{ id: string; kind: string }[] | { tasks: { id: string; kind: string }[] }>(
      '/tasks?list=special',
      'special',
    );
    const tasks = Array.isArray(list.body) ? list.body : list.body.tasks;
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: `agency-uncollectable--${id}`, kind: 'consider_write_off' }),
      ]),
    );
  });

  it('refuses a delivery with a bad signature with 401, and one signed with the invoicing secret too', async () => {
    const { id } = claim(5);
    const forged = new AgencyClient({ apiUrl: h.cloud.endpoints.api, secret: h.cloud.webhookSecret });
    expect((await forged.post(forged.event('claim.accepted', id, {}, now()))).status).toBe(401);
    expect((await view(id)).invoice.agencyStatus).toBe('handed_over');
  });

  it('answers bad input with a 4xx naming the field', async () => {
    const { id } = claim(5);
    const bad = await agency.post({ ...agency.event('claim.closed', id, { result: 'lost' }, now()) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('data.result');
    const unknown = await agency.post(agency.event('claim.accepted', 'no-such-invoice', {}, now()));
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('data.claimId');
  });

  it('a payment that reaches us directly for a claim at the agency is booked and the agency told', async () => {
    const { id } = claim(6);
    const before = (await view(id)).openAmount;
    const answer = await h.post(
      paymentReceived({ invoiceId: id }, { amount: 400_00, receivedAt: now().toISOString() }),
    );
    expect(answer.status).toBe(200);
    const openAmount = (await view(id)).openAmount;
    expect(openAmount).toBeLessThan(before);
    const told = await eventually(() => {
      const message = h.cloud
        .notifications()
        .map((candidate) => JSON.parse(candidate.message) as Record<string, unknown>)
        .find((candidate) => candidate.kind === 'payment_received_directly' && candidate.claimId === id);
      expect(message).toBeDefined();
      return message;
    });
    expect(told).toMatchObject({ amount: 400_00, openAmount, currency: 'EUR' });
    expect((await view(id)).timeline.map((event) => event.type)).toContain('agency_told_of_payment');
  });

  it('recall takes a claim back: the agency is told, the invoice is overdue under special management', async () => {
    const { id, debtorId } = claim(7);
    expect((await h.send('POST', `/invoices/${id}/recall`, { reason: 'x' }, 'controller')).status).toBe(403);
    const recalled = await h.send(
      'POST',
      `/invoices/${id}/recall`,
      { reason: 'the debtor calls us to pay' },
      'special',
    );
    expect(recalled).toMatchObject({ status: 200, body: { agencyStatus: 'recalled', status: 'overdue' } });
    const messages = h.cloud
      .notifications()
      .map((candidate) => JSON.parse(candidate.message) as Record<string, unknown>)
      .filter((candidate) => candidate.kind === 'claim_recalled' && candidate.claimId === id);
    expect(messages).toHaveLength(1);
    const debtor = await h.get<{ management?: string }>(`/debtors/${debtorId}`, 'special');
    expect(debtor.body.management).toBe('special');
    const current = await view(id);
    expect(current.status).toBe('overdue');
    expect(current.invoice.agencyStatus).toBe('recalled');
    // What the agency reports afterwards changes nothing.
    await agency.post(agency.event('claim.bailiff_assigned', id, {}, now()));
    expect((await view(id)).invoice.agencyStatus).toBe('recalled');
  });

  it('reports the claims at the agency: days there, collected, fees, results', async () => {
    expect((await h.get('/reports/agency', 'controller')).status).toBe(403);
    const report = await h.get<Report>('/reports/agency', 'manager');
    expect(report.status).toBe(200);
    const line = (index: number) =>
      report.body.claims.find((candidate) => candidate.claimId === claim(index).id);
    expect(line(1)).toMatchObject({ status: 'closed', result: 'paid', collected: 1_500_00, fees: 150_00 });
    expect(line(2)).toMatchObject({ collected: 250_00, fees: 30_00 });
    expect(line(6)).toMatchObject({ paidToUsDirectly: 400_00 });
    expect(line(0)!.daysAtAgency).toBeGreaterThanOrEqual(0);
    expect(report.body.results).toMatchObject({ paid: 1, settled: 1, uncollectable: 1, recalled: 1 });
    expect(report.body.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', claims: 8, collected: 1_750_00, fees: 180_00 }),
    ]);
    const bad = await h.get('/reports/agency?from=2026-13-01', 'manager');
    expect(bad.status).toBe(400);
  });
});

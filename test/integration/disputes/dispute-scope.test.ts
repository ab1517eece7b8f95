import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../functions/core/money';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, emailsTo, invoice, invoiceView } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. The business-standard policy: friendly reminder on
// day 3 after the due date, firm reminder on day 14, call on day 21, account manager on day 30,
// final notice on day 40.
const START = new Date('2026-03-02T05:00:00Z');
const DUE = '2026-03-01';

interface DisputeBody {
  id: string;
  invoiceId: string;
  invoiceIds: string[];
  cause: string;
  owner?: string;
  amount: number;
  partial?: boolean;
  status: string;
  documents: { kind: string; ref: string }[];
}

interface ErrorBody {
  error: { code: string; issues: { path: string; message: string }[] };
}

interface OutboxBody {
  letters: { debtorId: string; invoices: { invoiceId: string; openAmount: { amount: number } }[] }[];
}

const euro = (cents: number) => formatMoney({ amount: cents, currency: 'EUR' }, 'nl');

describe('what a dispute covers', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('a partial dispute lets the dunning of the remainder go on', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
    await advanceTo(h, '2026-03-05T12:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);

    const raised = await h.send<DisputeBody>('POST', `/invoices/${inv.id}/disputes`, {
      cause: 'quantity',
      amount: 250_00,
      note: 'Twee dozen te weinig geleverd',
      documents: [{ kind: 'delivery_note', ref: 's3://bonnen/pakbon-123.pdf' }],
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      amount: 250_00,
      partial: true,
      status: 'open',
      documents: [{ kind: 'delivery_note', ref: 's3://bonnen/pakbon-123.pdf' }],
    });
    // Nothing paused: the execution runs on.
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({
      status: 'running',
      executionStatus: 'RUNNING',
    });

    // The firm reminder of day 14, Sunday the 15th, goes out on Monday the 16th; it asks for the
    // undisputed rest, and says why.
    const outbox = await h.get<OutboxBody>('/outbox?date=2026-03-16');
    const line = outbox.body.letters.find((l) => l.debtorId === debtor.id)?.invoices[0];
    expect(line).toMatchObject({ invoiceId: inv.id, openAmount: { amount: 1_000_00 } });
    await advanceTo(h, '2026-03-16T12:00:00Z');
    const letters = await emailsTo(h, debtor.email);
    expect(letters).toHaveLength(2);
    const firm = letters[1]?.text ?? '';
    expect(firm).toContain(euro(1_000_00));
    expect(firm).toContain(`Van factuur ${inv.number} is ${euro(250_00)} betwist`);
    expect(firm).not.toContain(euro(1_250_00));
    // The invoicing system's link asks for the whole invoice: left out while part is disputed.
    expect(firm).not.toContain(`https://pay.example/i/${inv.id}`);

    // Rejected: the whole amount is dunned again from the next step on.
    const rejected = await h.send<DisputeBody>(
      'POST',
      `/disputes/${raised.body.id}/resolution`,
      { outcome: 'rejected', note: 'Geleverd volgens de vrachtbrief' },
      'manager',
    );
    expect(rejected.status).toBe(200);
    const after = await invoiceView(h, inv.id);
    expect(after.dunning).toMatchObject({ status: 'running', lastStep: { slot: 'secondReminder' } });
    expect(after.timeline.some((e) => e.type === 'dunning_paused')).toBe(false);

    await advanceTo(h, '2026-04-10T12:00:00Z');
    const final = await eventually(async () => {
      const all = await emailsTo(h, debtor.email);
      // Two reminders, the answer to the dispute, the final notice.
      expect(all).toHaveLength(4);
      return all[3]?.text ?? '';
    });
    expect(final).toContain(euro(1_250_00));
    expect(final).not.toContain('betwist');
  });

  it('one dispute over several invoices of a debtor pauses each, and its resolution resumes each', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const first = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_000_00 });
    const second = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 250_00 });
    const other = await businessDebtor(h);
    const foreign = await invoice(h, other.id, { dueDate: DUE });
    await advanceTo(h, '2026-03-05T12:00:00Z');
    const body = { cause: 'not_ordered', note: 'Nooit besteld' };

    const unknown = await h.send<ErrorBody>('POST', `/debtors/${debtor.id}/disputes`, {
      ...body,
      invoiceIds: [first.id, 'inv-nobody'],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.issues.map((i) => i.path)).toEqual(['invoiceIds.1']);
    const notTheirs = await h.send<ErrorBody>('POST', `/debtors/${debtor.id}/disputes`, {
      ...body,
      invoiceIds: [first.id, foreign.id],
    });
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body.error.issues.map((i) => i.path)).toEqual(['invoiceIds.1']);
    expect(
      (await h.send('POST', '/debtors/deb-nobody/disputes', { ...body, invoiceIds: [first.id] })).status,
    ).toBe(404);

    const raised = await h.send<DisputeBody>('POST', `/debtors/${debtor.id}/disputes`, {
      ...body,
      invoiceIds: [first.id, second.id],
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      invoiceId: first.id,
      invoiceIds: [first.id, second.id],
      amount: 1_250_00,
      status: 'open',
    });
    for (const id of [first.id, second.id]) {
      expect((await invoiceView(h, id)).dunning).toMatchObject({ status: 'paused', pausedFor: 'dispute' });
    }
    const again = await h.send<ErrorBody>('POST', `/debtors/${debtor.id}/disputes`, {
      ...body,
      invoiceIds: [second.id],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.issues.map((i) => i.path)).toEqual(['invoiceIds.0']);

    await advanceTo(h, '2026-03-16T04:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
    const withdrawn = await h.send<DisputeBody>(
      'POST',
      `/disputes/${raised.body.id}/resolution`,
      { outcome: 'withdrawn', note: 'Toch besteld' },
      'manager',
    );
    expect(withdrawn.status).toBe(200);
    await advanceTo(h, '2026-03-16T12:00:00Z');
    for (const id of [first.id, second.id]) {
      await eventually(async () => {
        expect((await invoiceView(h, id)).dunning).toMatchObject({
          status: 'running',
          lastStep: { slot: 'secondReminder' },
        });
      });
    }
    // The first reminder, one answer to the dispute naming both, one firm reminder listing both.
    const letters = await emailsTo(h, debtor.email);
    expect(letters).toHaveLength(3);
    expect(letters[1]?.text).toContain(`${first.number}, ${second.number}`);
    expect(letters[2]?.text).toContain(first.number);
    expect(letters[2]?.text).toContain(second.number);
  });

  it('takes the causes an admin keeps, and routes each to the owner it names', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });

    const seed = await h.get<{ version: number; causes: { cause: string }[] }>('/settings/dispute-causes');
    expect(seed.body.version).toBe(0);
    expect(seed.body.causes.map((c) => c.cause)).toContain('quantity');
    const refused = await h.send<ErrorBody>('POST', `/invoices/${inv.id}/disputes`, {
      cause: 'late_delivery',
      note: 'Te laat geleverd',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((i) => i.path)).toEqual(['cause']);

    const causes = [
      ...seed.body.causes,
      { cause: 'late_delivery', label: 'Delivered late', owner: 'logistics' },
    ];
    expect(
      (await h.send('PUT', '/settings/dispute-causes', { version: 0, causes }, 'controller')).status,
    ).toBe(403);
    const stored = await h.send('PUT', '/settings/dispute-causes', { version: 0, causes }, 'admin');
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ version: 1 });
    expect((await h.send('PUT', '/settings/dispute-causes', { version: 0, causes }, 'admin')).status).toBe(
      409,
    );

    const raised = await h.send<DisputeBody>('POST', `/invoices/${inv.id}/disputes`, {
      cause: 'late_delivery',
      note: 'Te laat geleverd',
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ cause: 'late_delivery', owner: 'logistics' });
    const notice = h.cloud
      .notifications()
      .find((m) => m.topicName === 'disputes' && m.message.includes(inv.id));
    expect(notice?.messageAttributes).toMatchObject({
      cause: { dataType: 'String', stringValue: 'late_delivery' },
      owner: { dataType: 'String', stringValue: 'logistics' },
    });
  });
});

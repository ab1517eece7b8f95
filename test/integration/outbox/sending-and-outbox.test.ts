import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, emailsTo, invoice, invoiceView } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. The business-standard policy: friendly reminder on
// day 3 after the due date (Wednesday 4 March for an invoice due on 1 March), at its sendAt.
const START = new Date('2026-03-02T05:00:00Z');
const DUE = '2026-03-01';

interface SendingBody {
  paused: boolean;
  reason: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

interface OutboxLine {
  invoiceId: string;
  number: string;
  openAmount: { amount: number; currency: string };
}

interface OutboxBody {
  date: string;
  letters: { debtorId: string; slot: string; currency: string; invoices: OutboxLine[] }[];
  calls: OutboxLine[];
  escalations: OutboxLine[];
  handOvers: OutboxLine[];
}

const setSending = (h: CloudHarness, paused: boolean, reason: string) =>
  h.send<SendingBody>('PUT', '/settings/sending', { paused, reason }, 'admin');

describe('the global sending pause and the outbox', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('a global pause sends nothing and loses nothing', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });

    expect(
      (await h.send('PUT', '/settings/sending', { paused: true, reason: 'x' }, 'controller')).status,
    ).toBe(403);
    const paused = await setSending(h, true, 'billing error being sorted out');
    expect(paused.status).toBe(200);
    const seen = await h.get<SendingBody>('/settings/sending');
    expect(seen.body).toMatchObject({
      paused: true,
      reason: 'billing error being sorted out',
      version: 1,
      updatedBy: expect.any(String),
      updatedAt: '2026-03-02T05:00:00.000Z',
    });

    // The friendly reminder fell due on the 4th: nothing goes out while sending is paused.
    await advanceTo(h, '2026-03-06T05:30:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(0);
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({ status: 'running', lastStep: null });

    expect((await setSending(h, false, 'billing error fixed')).body).toMatchObject({
      paused: false,
      version: 2,
    });
    await advanceTo(h, '2026-03-09T05:30:00Z');

    const letters = await emailsTo(h, debtor.email);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.subject).toContain(inv.number);
    expect((await invoiceView(h, inv.id)).dunning?.lastStep).toMatchObject({ slot: 'firstReminder' });
  });

  it('the outbox of tomorrow lists exactly the letters that then go out', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const twice = await businessDebtor(h);
    const first = await invoice(h, twice.id, { dueDate: DUE, totalAmount: 1_000_00 });
    const second = await invoice(h, twice.id, { dueDate: DUE, totalAmount: 250_00 });
    const later = await businessDebtor(h);
    await invoice(h, later.id, { dueDate: '2026-03-02' });

    await advanceTo(h, '2026-03-03T12:00:00Z');
    const outbox = await h.get<OutboxBody>('/outbox?date=2026-03-04');
    expect(outbox.status).toBe(200);
    const ours = outbox.body.letters.filter((l) => l.debtorId === twice.id || l.debtorId === later.id);
    expect(ours).toEqual([
      {
        debtorId: twice.id,
        slot: 'firstReminder',
        currency: 'EUR',
        at: expect.any(String),
        total: { amount: 1_250_00, currency: 'EUR' },
        invoices: expect.arrayContaining([
          { invoiceId: first.id, number: first.number, openAmount: { amount: 1_000_00, currency: 'EUR' } },
          { invoiceId: second.id, number: second.number, openAmount: { amount: 250_00, currency: 'EUR' } },
        ]),
      },
    ]);
    expect(ours[0]?.invoices).toHaveLength(2);
    expect(outbox.body).toMatchObject({ date: '2026-03-04', calls: [], escalations: [], handOvers: [] });

    await advanceTo(h, '2026-03-04T22:00:00Z');
    const sent = await emailsTo(h, twice.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain(first.number);
    expect(sent[0]?.text).toContain(second.number);
    expect(await emailsTo(h, later.email)).toHaveLength(0);
  });

  it('shows the outbox to credit control only and names a bad date', async () => {
    h = await startCloudHarness(START);
    expect((await h.get('/outbox?date=2026-03-04', 'admin')).status).toBe(403);
    const bad = await h.get<{ error: { issues: { path: string }[] } }>('/outbox?date=2026-13-04');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]?.path).toBe('query.date');
  });
});

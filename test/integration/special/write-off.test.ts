import { afterEach, describe, expect, it } from 'vitest';
import { invoiceCreated, newId, newInvoiceNumber } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, invoiceView, payment } from '../workflow/scenario';

// Monday 2 November 2026, 06:00 in Amsterdam.
const START = new Date('2026-11-02T05:00:00Z');

interface WriteOffAnswer {
  status: string;
  openAmount: number;
  vatRelief: { reclaimable: number | null; reclaimableFrom: string; period: string };
}
interface Report {
  reclaim: { invoiceId: string; notReceived: number; vat: number; because: string }[];
  payBack: { invoiceId: string; received: number; vat: number; receivedOn: string }[];
  totals: Record<string, { reclaim: number; payBack: number; net: number }>;
  vatUnknown: string[];
}

/** An invoice of EUR 1,210.00 with EUR 210.00 VAT (21%), unless told otherwise. */
async function invoiceWithVat(h: CloudHarness, debtorId: string, fields: Record<string, unknown> = {}) {
  const id = newId('inv');
  const answer = await h.post(
    invoiceCreated({
      id,
      number: newInvoiceNumber(),
      debtorId,
      totalAmount: 1_210_00,
      vatAmount: 210_00,
      issueDate: '2026-09-01',
      dueDate: '2026-10-01',
      ...fields,
    }),
  );
  expect(answer.status).toBe(200);
  return id;
}

describe('write-off and VAT relief', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('a write-off computes the VAT to reclaim and the period', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const id = await invoiceWithVat(h, debtor.id);
    const withoutVat = await invoiceWithVat(h, debtor.id, { vatAmount: undefined, totalAmount: 500_00 });
    expect((await h.post(payment(id, 242_00, '2026-10-20T10:00:00+01:00'))).status).toBe(200);
    expect((await invoiceView(h, id)).dunning?.status).toBe('running');

    expect(
      (await h.send('POST', `/invoices/${id}/write-off`, { reason: 'oninbaar' }, 'controller')).status,
    ).toBe(403);
    const tooMuch = await h.send(
      'POST',
      `/invoices/${id}/write-off`,
      { reason: 'x', amount: 968_01 },
      'special',
    );
    expect(tooMuch.status).toBe(400);
    const written = await h.send<WriteOffAnswer>(
      'POST',
      `/invoices/${id}/write-off`,
      { reason: 'Curator meldt: geen baten' },
      'special',
    );
    expect(written.status).toBe(200);
    // 968.00 of 1,210.00 not received: 80% of the VAT, reclaimable from the write-off, in Q4.
    expect(written.body).toMatchObject({
      status: 'written_off',
      openAmount: 0,
      vatRelief: { reclaimable: 168_00, reclaimableFrom: '2026-11-02', period: '2026-Q4' },
    });
    const view = await invoiceView(h, id);
    expect(view.dunning).toMatchObject({ status: 'stopped' });
    expect(view.dunning?.executionStatus).not.toBe('RUNNING');
    expect(view.timeline.some((e) => e.type === 'written_off')).toBe(true);
    expect((await h.send('POST', `/invoices/${id}/write-off`, { reason: 'again' }, 'special')).status).toBe(
      409,
    );
    expect(
      (await h.send('POST', `/invoices/${withoutVat}/write-off`, { reason: 'oninbaar' }, 'manager')).status,
    ).toBe(200);

    for (const period of ['2026-Q4', '2026-11']) {
      const report = await h.get<Report>(`/reports/vat-relief?period=${period}`, 'special');
      expect(report.status).toBe(200);
      expect(report.body.reclaim).toContainEqual(
        expect.objectContaining({ invoiceId: id, notReceived: 968_00, vat: 168_00, because: 'written_off' }),
      );
      expect(report.body.vatUnknown).toContain(withoutVat);
    }
    const earlier = await h.get<Report>('/reports/vat-relief?period=2026-Q3', 'manager');
    expect(earlier.body.reclaim.filter((line) => line.invoiceId === id)).toEqual([]);
    const bad = await h.get<{ error: { issues: { path: string }[] } }>('/reports/vat-relief?period=2026-Q5');
    expect(bad.status).toBe(403);
    const invalid = await h.get<{ error: { issues: { path: string }[] } }>(
      '/reports/vat-relief?period=2026-Q5',
      'special',
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((issue) => issue.path)).toEqual(['query.period']);

    // Above the configured amount (EUR 10,000) only an admin writes off; a smaller remission the team may.
    const large = await invoiceWithVat(h, debtor.id, { totalAmount: 20_000_00, vatAmount: 3_471_07 });
    expect(
      (await h.send('POST', `/invoices/${large}/write-off`, { reason: 'akkoord' }, 'special')).status,
    ).toBe(403);
    const remission = await h.send<WriteOffAnswer>(
      'POST',
      `/invoices/${large}/write-off`,
      { reason: 'kwijtschelding deel', amount: 5_000_00 },
      'special',
    );
    expect(remission.body).toMatchObject({ status: 'overdue', openAmount: 15_000_00 });
    expect((await h.send('POST', `/invoices/${large}/write-off`, { reason: 'rest' }, 'admin')).status).toBe(
      200,
    );
  });

  it('a later payment on a written-off invoice shows up as VAT to pay back', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const id = await invoiceWithVat(h, debtor.id);
    const written = await h.send<WriteOffAnswer>(
      'POST',
      `/invoices/${id}/write-off`,
      { reason: 'failliet' },
      'special',
    );
    expect(written.body.vatRelief).toMatchObject({ reclaimable: 210_00, period: '2026-Q4' });

    await advanceTo(h, '2027-01-05T09:00:00Z');
    expect((await h.post(payment(id, 605_00, '2027-01-05T10:00:00+01:00'))).status).toBe(200);

    const after = await invoiceView(h, id);
    expect(after).toMatchObject({ status: 'written_off', openAmount: 0 });
    const report = await h.get<Report>('/reports/vat-relief?period=2027-Q1', 'special');
    expect(report.body.payBack).toEqual([
      expect.objectContaining({ invoiceId: id, received: 605_00, vat: 105_00, receivedOn: '2027-01-05' }),
    ]);
    expect(report.body.totals.EUR).toEqual({ reclaim: 0, payBack: 105_00, net: -105_00 });
    // The money stays on the invoice: nothing went to the debtor's account.
    const view = await h.get<{ debtor: { credits: Record<string, number> } }>(`/debtors/${debtor.id}`);
    expect(view.body.debtor.credits.EUR ?? 0).toBe(0);
    const q4 = await h.get<Report>('/reports/vat-relief?period=2026-Q4', 'special');
    expect(q4.body.reclaim).toContainEqual(expect.objectContaining({ invoiceId: id, vat: 210_00 }));
  });
});

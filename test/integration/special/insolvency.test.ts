import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, emailsTo, invoice, invoiceView, payment } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam; business-standard: reminders on day 3 and 14.
const START = new Date('2026-03-02T05:00:00Z');
const BANKRUPTCY = {
  kind: 'bankruptcy',
  date: '2026-03-16',
  court: 'Rechtbank Amsterdam',
  caseNumber: 'C/13/26/123 F',
  administrator: { name: 'mr. J. de Vries', email: 'curator@advocaten.example' },
};

interface ClaimLine {
  invoiceId: string;
  principal: number;
  interest: number;
  costs: number;
  costsVat: number;
  vatInPrincipal: number | null;
  total: number;
}
interface Statement {
  asOf: string;
  invoices: ClaimLine[];
  totals: Record<string, { total: number }>;
}
interface Claim {
  principal: number;
  interest: { amount: number };
  costs: { amount: number; vat: number };
  total: number;
}

describe('insolvency', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('an insolvency stops letters and gives a claim statement with interest up to its date', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 12_100_00 });
    // Midday Monday 16 March: both reminders are out (the second fell on Sunday the 15th, moved to the working day after).
    await advanceTo(h, '2026-03-16T12:00:00Z');
    const lettersBefore = (await emailsTo(h, debtor.email)).length;
    expect(lettersBefore).toBe(2);

    const opened = await h.send<{ insolvency: { claimDeadline: string }; taskId: string }>(
      'POST',
      `/debtors/${debtor.id}/insolvency`,
      BANKRUPTCY,
      'special',
    );
    expect(opened.status).toBe(201);
    expect(opened.body.insolvency.claimDeadline).toBe('2026-04-15');
    expect((await h.send('POST', `/debtors/${debtor.id}/insolvency`, BANKRUPTCY, 'special')).status).toBe(
      409,
    );
    const view = await h.get<{ management: string }>(`/debtors/${debtor.id}`);
    expect(view.body.management).toBe('special');
    // No return to the normal cycle while the insolvency is open.
    expect(
      (await h.send('DELETE', `/debtors/${debtor.id}/special-management`, undefined, 'special')).status,
    ).toBe(409);
    const special = await h.get<{ tasks: { id: string; kind: string; dueDate: string }[] }>(
      '/tasks?list=special',
      'special',
    );
    expect(special.body.tasks).toContainEqual(
      expect.objectContaining({
        id: opened.body.taskId,
        kind: 'file_insolvency_claim',
        dueDate: '2026-04-15',
      }),
    );

    await advanceTo(h, '2026-05-15T12:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(lettersBefore);
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({ status: 'paused' });

    const statement = await h.get<Statement>(`/debtors/${debtor.id}/insolvency-claim`, 'special');
    expect(statement.status).toBe(200);
    expect(statement.body.asOf).toBe('2026-03-16');
    const onTheDate = (await h.get<Claim>(`/invoices/${inv.id}/claim?asOf=2026-03-16`)).body;
    const today = (await h.get<Claim>(`/invoices/${inv.id}/claim`)).body;
    const [line] = statement.body.invoices;
    expect(line).toMatchObject({
      invoiceId: inv.id,
      principal: 12_100_00,
      interest: onTheDate.interest.amount,
      costs: onTheDate.costs.amount,
      total: onTheDate.total,
    });
    expect(line!.interest).toBeGreaterThan(0);
    expect(today.interest.amount).toBeGreaterThan(line!.interest);
    expect(statement.body.totals.EUR?.total).toBe(onTheDate.total);

    const page = await fetch(`${h.cloud.endpoints.api}/debtors/${debtor.id}/insolvency-claim?format=html`, {
      headers: { authorization: `Bearer ${await h.cloud.issuer.issueToken({ group: 'special' })}` },
    });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Vordering ter verificatie');
    expect(html).toContain('C/13/26/123 F');
  });

  it('a distribution and the closing write-off leave the debtor at zero', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const first = await invoice(h, debtor.id, { dueDate: '2026-02-01', totalAmount: 1_000_00 });
    const second = await invoice(h, debtor.id, { dueDate: '2026-02-15', totalAmount: 500_00 });
    expect((await h.post(payment(second.id, 100_00, '2026-03-01T10:00:00+01:00'))).status).toBe(200);
    const wsnp = { ...BANKRUPTCY, kind: 'wsnp', date: '2026-03-02', administrator: { name: 'Bewind B.V.' } };
    expect((await h.send('POST', `/debtors/${debtor.id}/insolvency`, wsnp, 'manager')).status).toBe(201);
    await advanceTo(h, '2026-03-21T05:30:00Z');

    const payout = {
      id: 'uitkering-1',
      amount: 300_00,
      currency: 'EUR',
      receivedAt: '2026-03-20T10:00:00+01:00',
    };
    const booked = await h.send('POST', `/debtors/${debtor.id}/insolvency/distributions`, payout, 'special');
    expect(booked.status).toBe(201);
    const again = await h.send('POST', `/debtors/${debtor.id}/insolvency/distributions`, payout, 'special');
    expect(again.status).toBe(201);
    expect((await invoiceView(h, first.id)).openAmount).toBe(700_00);

    const closing = await h.send<{ writtenOff: { invoiceId: string; amount: number }[] }>(
      'POST',
      `/debtors/${debtor.id}/insolvency/closing`,
      { closedOn: '2026-03-20', note: 'opgeheven wegens gebrek aan baten' },
      'special',
    );
    expect(closing.status).toBe(200);
    expect(closing.body.writtenOff).toEqual(
      expect.arrayContaining([
        { invoiceId: first.id, amount: 700_00 },
        { invoiceId: second.id, amount: 400_00 },
      ]),
    );
    for (const id of [first.id, second.id]) {
      const closed = await invoiceView(h, id);
      expect(closed).toMatchObject({ status: 'written_off', openAmount: 0 });
      expect(closed.timeline.some((e) => e.type === 'written_off')).toBe(true);
    }
    const view = await h.get<{
      balance: Record<string, number>;
      debtor: { credits: Record<string, number> };
    }>(`/debtors/${debtor.id}`);
    expect(view.body.balance.EUR ?? 0).toBe(0);
    expect(view.body.debtor.credits.EUR ?? 0).toBe(0);
    expect(
      (
        await h.send(
          'POST',
          `/debtors/${debtor.id}/insolvency/closing`,
          { closedOn: '2026-03-20' },
          'special',
        )
      ).status,
    ).toBe(409);
    // Closed: the special team may now return the debtor; nothing is left to dun.
    expect(
      (await h.send('DELETE', `/debtors/${debtor.id}/special-management`, undefined, 'special')).status,
    ).toBe(200);
  });
});

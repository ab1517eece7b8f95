import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, invoiceView } from '../workflow/scenario';

// Monday 2 November 2026, 06:00 in Amsterdam: small balances are those due 180 days ago or longer.
const START = new Date('2026-11-02T05:00:00Z');

const APPROVAL = { reason: 'Kosten van invordering hoger dan het saldo' };

interface Proposal {
  id: string;
  invoices: { invoiceId: string; amount: number; currency: string }[];
  totals: Record<string, { invoices: number; amount: number }>;
}
interface Approval {
  writtenOff: { invoiceId: string }[];
  totals: Record<string, { invoices: number; amount: number }>;
}
interface Provision {
  currencies: Record<
    string,
    { lines: { class: string; percentage: number; open: number; provision: number }[]; provision: number }
  >;
}

describe('small balances and the doubtful-debt provision', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('writes off the small balances of one proposal once, when a manager approves it', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const small = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 12_50 });
    const smaller = await invoice(h, debtor.id, { dueDate: '2026-05-01', totalAmount: 3_00 });
    const recent = await invoice(h, debtor.id, { dueDate: '2026-10-01', totalAmount: 5_00 });
    const large = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 250_00 });

    const proposal = await h.get<Proposal>('/write-off-proposals', 'special');
    expect(proposal.status).toBe(200);
    expect(proposal.body.invoices.map((line) => [line.invoiceId, line.amount])).toEqual([
      [small.id, 12_50],
      [smaller.id, 3_00],
    ]);
    expect(proposal.body.totals).toEqual({ EUR: { invoices: 2, amount: 15_50 } });

    const path = `/write-off-proposals/${proposal.body.id}/approval`;
    expect((await h.send('POST', path, APPROVAL, 'special')).status).toBe(403);
    const approved = await h.send<Approval>('POST', path, APPROVAL, 'manager');
    expect(approved.status).toBe(200);
    expect(approved.body.writtenOff.map((line) => line.invoiceId)).toEqual([small.id, smaller.id]);
    expect(approved.body.totals).toEqual({ EUR: { invoices: 2, amount: 15_50 } });
    for (const id of [small.id, smaller.id]) {
      const view = await invoiceView(h, id);
      expect(view.status).toBe('written_off');
      expect(view.timeline.filter((e) => e.type === 'written_off')).toHaveLength(1);
    }
    expect((await invoiceView(h, recent.id)).status).toBe('overdue');
    expect((await invoiceView(h, large.id)).status).toBe('overdue');

    // A second approval of the same proposal writes nothing off twice.
    const again = await h.send<{ error: { code: string } }>('POST', path, APPROVAL, 'manager');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('proposal_changed');
    expect((await h.get<Proposal>('/write-off-proposals', 'manager')).body.invoices).toEqual([]);
    const unknown = await h.send<{ error: { issues: { path: string }[] } }>(
      'POST',
      '/write-off-proposals/x/approval',
      APPROVAL,
      'manager',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues.map((issue) => issue.path)).toEqual(['path.id']);
    const noReason = await h.send<{ error: { issues: { path: string }[] } }>('POST', path, {}, 'manager');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues.map((issue) => issue.path)).toEqual(['reason']);
  });

  it('gives the doubtful-debt provision per currency by age, at the agency and in insolvency', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    await invoice(h, debtor.id, { dueDate: '2026-12-01', totalAmount: 1_000_00 }); // current: 0%
    await invoice(h, debtor.id, { dueDate: '2026-10-20', totalAmount: 1_000_00 }); // 13 days: 2%
    await invoice(h, debtor.id, { dueDate: '2026-05-01', totalAmount: 1_000_00 }); // over 120: 50%
    const bankrupt = await businessDebtor(h);
    await invoice(h, bankrupt.id, { dueDate: '2026-10-20', totalAmount: 400_00 });
    expect(
      (
        await h.send(
          'POST',
          `/debtors/${bankrupt.id}/insolvency`,
          {
            kind: 'bankruptcy',
            date: '2026-10-30',
            court: 'Rechtbank Amsterdam',
            caseNumber: 'C/13/26/555 F',
            administrator: { name: 'mr. A. Curator' },
          },
          'special',
        )
      ).status,
    ).toBe(201);

    const report = await h.get<Provision>('/reports/provision', 'manager');
    expect(report.status).toBe(200);
    const eur = report.body.currencies.EUR!;
    const line = (name: string) => eur.lines.find((l) => l.class === name);
    expect(line('current')).toMatchObject({ percentage: 0, open: 1_000_00, provision: 0 });
    expect(line('1-30')).toMatchObject({ percentage: 2, open: 1_000_00, provision: 20_00 });
    expect(line('over-120')).toMatchObject({ percentage: 50, open: 1_000_00, provision: 500_00 });
    expect(line('insolvency')).toMatchObject({ percentage: 100, open: 400_00, provision: 400_00 });
    expect(eur.provision).toBe(920_00);

    const csv = await h.get<string>('/reports/provision?format=csv', 'special');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('2026-11-02,EUR,insolvency,100,1,40000,40000');
    expect((await h.get('/reports/provision', 'controller')).status).toBe(403);
  });
});

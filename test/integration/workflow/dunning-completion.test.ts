import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView, sweep } from './scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. The invoices fall due on 1 March.
const START = new Date('2026-03-02T05:00:00Z');

interface SweepReport {
  started: number;
  restored: number;
  untouched: number;
  needsAttention: string[];
  failed: unknown[];
}

interface DebtorBody {
  overdue: Record<string, number>;
  openInvoices: { id: string }[];
}

describe('a dunning whose policy hands nothing over ends after its last step', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  it.each([
    {
      who: 'a key account',
      debtor: { segment: 'business-key-account' },
      amount: 1_250_00,
      // Reminder on day 7, account manager on day 14, final notice on day 45; no agency.
      days: 47,
      letters: 2,
    },
    {
      who: 'a claim below the agency minimum',
      debtor: {},
      amount: 60_00,
      // Every business-standard step up to the agency on day 60, which skips the small claim.
      days: 62,
      letters: 3,
    },
  ])(
    'completes the dunning of $who after its last step, keeps the invoice overdue, and the sweep finds nothing to do',
    async ({ debtor: fields, amount, days, letters }) => {
      const debtor = await businessDebtor(h, fields);
      const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: amount });

      await h.advanceDays(days);

      const view = await eventually(async () => {
        const current = await invoiceView(h, inv.id);
        expect(current.dunning?.status).toBe('completed');
        return current;
      });
      expect(view.status).toBe('overdue');
      expect(view.openAmount).toBe(amount);
      expect(view.dunning?.executionStatus).toBe('SUCCEEDED');
      expect(view.timeline.filter((e) => e.type === 'dunning_completed')).toHaveLength(1);
      expect(await emailsTo(h, debtor.email)).toHaveLength(letters);
      const onFile = await h.get<DebtorBody>(`/debtors/${debtor.id}`);
      expect(onFile.body.openInvoices.map((i) => i.id)).toContain(inv.id);
      expect(onFile.body.overdue.EUR).toBe(amount);

      await h.advanceDays(3);
      const report = (await sweep(h)) as unknown as SweepReport;

      expect(report).toMatchObject({ started: 0, restored: 0, needsAttention: [], failed: [] });
      expect(report.untouched).toBeGreaterThanOrEqual(1);
      expect((await invoiceView(h, inv.id)).dunning?.execution).toBe(view.dunning?.execution);
    },
  );
});

import { afterEach, describe, expect, it } from 'vitest';
import { creditNoteCreated, paymentReceived } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, emailsTo, invoice, invoiceView } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam: both invoices are overdue, and the plan is agreed
// before the first reminder would go out at 09:00.
const START = new Date('2026-03-02T05:00:00Z');
const SCHEDULE = [
  { dueDate: '2026-03-16', amount: 400_00 },
  { dueDate: '2026-04-15', amount: 400_00 },
  { dueDate: '2026-05-15', amount: 400_00 },
];

interface PlanBody {
  id: string;
  status: string;
  reference: string;
  total: number;
  instalments: { number: number; dueDate: string; amount: number; status: string }[];
}

async function planWithTwoInvoices(h: CloudHarness) {
  const debtor = await businessDebtor(h);
  const older = await invoice(h, debtor.id, { dueDate: '2026-02-10', totalAmount: 600_00 });
  const newer = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 600_00 });
  const agreed = await h.send<PlanBody>('POST', `/debtors/${debtor.id}/payment-plans`, {
    invoiceIds: [older.id, newer.id],
    instalments: SCHEDULE,
  });
  expect(agreed.status).toBe(201);
  return { debtor, older, newer, plan: agreed.body };
}

async function planOf(h: CloudHarness, id: string): Promise<PlanBody> {
  return (await h.get<PlanBody>(`/payment-plans/${id}`)).body;
}

describe('a credit on an invoice of an active payment plan', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('a credit note lowers the plan from the last instalment backwards, and the debtor is told so', async () => {
    h = await startCloudHarness(START);
    const { debtor, newer, plan } = await planWithTwoInvoices(h);

    expect((await h.post(creditNoteCreated({ invoiceId: newer.id, amount: 500_00 }))).status).toBe(200);

    const lowered = await planOf(h, plan.id);
    expect(lowered.status).toBe('active');
    expect(lowered.total).toBe(700_00);
    expect(lowered.instalments.map((i) => [i.number, i.dueDate, i.amount])).toEqual([
      [1, '2026-03-16', 400_00],
      [2, '2026-04-15', 300_00],
    ]);
    expect((await invoiceView(h, newer.id)).openAmount).toBe(100_00);
    const confirmation = await eventually(async () => {
      const emails = await emailsTo(h, debtor.email);
      const found = emails.find((e) => e.subject.startsWith('Uw betalingsregeling is verlaagd'));
      expect(found).toBeDefined();
      return found!;
    });
    expect(confirmation.text).toContain('te beginnen bij de laatste');
    expect(confirmation.text).toMatch(/€\s500,00/);

    // The plan goes on with its new schedule: two instalments settle both invoices.
    await advanceTo(h, '2026-03-14T10:00:00Z');
    await h.post(
      paymentReceived(
        { reference: plan.reference },
        { amount: 400_00, receivedAt: '2026-03-14T11:00:00+01:00' },
      ),
    );
    await advanceTo(h, '2026-04-14T10:00:00Z');
    await h.post(
      paymentReceived(
        { reference: plan.reference },
        { amount: 300_00, receivedAt: '2026-04-14T11:00:00+02:00' },
      ),
    );
    expect((await planOf(h, plan.id)).status).toBe('completed');
  });

  it('a credit note that clears every invoice of the plan completes it', async () => {
    h = await startCloudHarness(START);
    const { debtor, older, newer, plan } = await planWithTwoInvoices(h);

    await h.post(creditNoteCreated({ invoiceId: older.id, amount: 600_00 }));
    expect((await planOf(h, plan.id)).status).toBe('active');
    await h.post(creditNoteCreated({ invoiceId: newer.id, amount: 600_00 }));

    const completed = await planOf(h, plan.id);
    expect(completed.status).toBe('completed');
    expect(completed.instalments).toEqual([]);
    for (const id of [older.id, newer.id]) expect((await invoiceView(h, id)).openAmount).toBe(0);
    const subjects = await eventually(async () => {
      const found = (await emailsTo(h, debtor.email)).map((e) => e.subject);
      expect(found.filter((s) => s.startsWith('Uw betalingsregeling is verlaagd'))).toHaveLength(2);
      return found;
    });
    // Nothing more: no reminder of an instalment, no dunning letter.
    await advanceTo(h, '2026-06-01T10:00:00Z');
    expect((await emailsTo(h, debtor.email)).map((e) => e.subject)).toEqual(subjects);
  });

  it('credit on the account set off against an invoice of the plan lowers it as a credit note does', async () => {
    h = await startCloudHarness(START);
    const { debtor, older, newer, plan } = await planWithTwoInvoices(h);
    // An invoice outside the plan, not due yet, is paid EUR 500 too much: the rest is credit.
    const other = await invoice(h, debtor.id, { dueDate: '2026-04-01', totalAmount: 100_00 });

    await h.post(
      paymentReceived({ invoiceId: other.id }, { amount: 600_00, receivedAt: '2026-03-02T10:00:00+01:00' }),
    );

    const lowered = await eventually(async () => {
      const current = await planOf(h, plan.id);
      expect(current.total).toBe(700_00);
      return current;
    });
    expect(lowered.instalments.map((i) => i.amount)).toEqual([400_00, 300_00]);
    // Oldest first: the credit went to the older invoice of the plan.
    expect((await invoiceView(h, older.id)).openAmount).toBe(100_00);
    expect((await invoiceView(h, newer.id)).openAmount).toBe(600_00);
    await eventually(async () => {
      const emails = await emailsTo(h, debtor.email);
      expect(emails.filter((e) => e.subject.startsWith('Uw betalingsregeling is verlaagd'))).toHaveLength(1);
    });
  });
});

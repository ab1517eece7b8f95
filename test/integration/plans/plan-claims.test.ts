import { afterEach, describe, expect, it } from 'vitest';
import { paymentReceived } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, invoice } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam: both invoices are overdue, and the plan is agreed
// before the first reminder would go out at 09:00.
const START = new Date('2026-03-02T05:00:00Z');

interface ClaimBody {
  principal: number;
  interest: { amount: number };
  costs: { amount: number; vat: number };
  total: number;
  explanation: string[];
}

interface PlanBody {
  id: string;
  status: string;
  reference: string;
  invoices: {
    invoiceId: string;
    interest: number;
    costs: number;
    paid: { costs: number; interest: number };
  }[];
}

describe('the claim after a broken payment plan that included interest and costs', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('deducts what the plan paid of the costs and the interest of its invoices', async () => {
    h = await startCloudHarness(START);
    const policy = (await h.get<Record<string, unknown>>('/policies/business-standard', 'admin')).body;
    const put = await h.send(
      'PUT',
      '/policies/business-standard',
      { ...policy, planIncludesInterestAndCosts: true },
      'admin',
    );
    expect(put.status).toBe(200);
    const debtor = await businessDebtor(h);
    const older = await invoice(h, debtor.id, { dueDate: '2026-02-10', totalAmount: 600_00 });
    const newer = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 600_00 });
    const claimOf = async (id: string) => (await h.get<ClaimBody>(`/invoices/${id}/claim`)).body;
    // The plan's total is the claim on its first day.
    const total = (await claimOf(older.id)).total + (await claimOf(newer.id)).total;
    const agreed = await h.send<PlanBody>('POST', `/debtors/${debtor.id}/payment-plans`, {
      invoiceIds: [older.id, newer.id],
      instalments: [
        { dueDate: '2026-03-16', amount: total - 800_00 },
        { dueDate: '2026-04-15', amount: 400_00 },
        { dueDate: '2026-05-15', amount: 400_00 },
      ],
    });
    expect(agreed.status).toBe(201);
    const plan = agreed.body;
    const olderPart = plan.invoices.find((p) => p.invoiceId === older.id)!;
    expect(olderPart.costs).toBeGreaterThan(0);

    // The first instalment pays the older invoice's costs and interest first; the second is missed.
    await advanceTo(h, '2026-03-14T10:00:00Z');
    await h.post(
      paymentReceived(
        { reference: plan.reference },
        { amount: total - 800_00, receivedAt: '2026-03-14T11:00:00+01:00' },
      ),
    );
    await advanceTo(h, '2026-04-18T12:00:00Z');
    const broken = await eventually(async () => {
      const current = (await h.get<PlanBody>(`/payment-plans/${plan.id}`)).body;
      expect(current.status).toBe('broken');
      return current;
    });
    const paid = broken.invoices.find((p) => p.invoiceId === older.id)!.paid;
    expect(paid.costs).toBe(olderPart.costs);

    const after = await claimOf(older.id);
    // The costs the plan paid are not claimed again; the interest is less what the plan paid of it.
    expect(after.explanation.some((line) => line.includes('art. 6:44 BW'))).toBe(true);
    expect(after.total).toBe(
      after.principal +
        after.interest.amount -
        paid.interest +
        after.costs.amount +
        after.costs.vat -
        paid.costs,
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CENTS } from '../../../functions/core/money';
import { invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, invoiceView } from '../workflow/scenario';

const START = new Date('2026-03-02T05:00:00Z');

describe('whatever the intake accepts, every step can handle', () => {
  let h: CloudHarness;
  beforeAll(async () => {
    h = await startCloudHarness(START);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('duns an invoice of the largest accepted amount, and a business invoice in GBP, through every step to the agency', async () => {
    const debtor = await businessDebtor(h);
    const largest = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: MAX_AMOUNT_CENTS });
    const pounds = { id: newId('inv') };
    const posted = await h.post(
      invoiceCreated({
        id: pounds.id,
        debtorId: (await businessDebtor(h)).id,
        dueDate: '2026-03-01',
        currency: 'GBP',
      }),
    );
    expect(posted.status).toBe(200);

    await h.advanceDays(62);

    for (const inv of [largest, pounds]) {
      const view = await eventually(async () => {
        const current = await invoiceView(h, inv.id);
        expect(current.status).toBe('in_collection');
        return current;
      });
      expect(view.dunning?.executionStatus).toBe('SUCCEEDED');
      // The three letters of the policy, and the notice of the hand-over to the agency.
      expect(
        view.timeline.filter((event) => event.type === 'email_sent').map((event) => event.details?.slot),
      ).toEqual(['firstReminder', 'secondReminder', 'finalNotice', 'collectionAgency']);
      expect((await h.get(`/invoices/${inv.id}/claim?asOf=2026-05-01`)).status).toBe(200);
    }
  });
});

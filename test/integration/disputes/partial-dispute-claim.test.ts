import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../functions/core/money';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, emailsTo, invoice } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. The business-standard policy sends the final notice on
// day 40 after the due date: 10 April for an invoice due on 1 March.
const START = new Date('2026-03-02T05:00:00Z');

const euro = (cents: number) => formatMoney({ amount: cents, currency: 'EUR' }, 'nl');

interface ClaimBody {
  principal: number;
}

describe('a final notice of an invoice disputed in part', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('states the claim of the undisputed remainder, and says how to pay it without the invoice’s payment link', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 1_250_00 });
    await advanceTo(h, '2026-03-05T12:00:00Z');
    const raised = await h.send('POST', `/invoices/${inv.id}/disputes`, {
      cause: 'quantity',
      amount: 250_00,
      note: 'Twee dozen te weinig geleverd',
    });
    expect(raised.status).toBe(201);

    await advanceTo(h, '2026-04-10T12:00:00Z');
    const final = await eventually(async () => {
      const found = (await emailsTo(h, debtor.email)).find((e) => e.text?.includes('Uw vordering per'));
      expect(found).toBeDefined();
      return found?.text ?? '';
    });
    expect(final).toContain(`- Hoofdsom: ${euro(1_000_00)}`);
    expect(final).not.toContain(`- Hoofdsom: ${euro(1_250_00)}`);
    expect(final).toContain(`Van factuur ${inv.number} is ${euro(250_00)} betwist`);
    // No link for the remainder exists: the letter gives the account, the reference and the QR code.
    expect(final).not.toContain(`https://pay.example/i/${inv.id}`);
    expect(final).toContain('NL91 ABNA 0417 1643 00');
    // The API's claim stays that of the whole invoice.
    expect((await h.get<ClaimBody>(`/invoices/${inv.id}/claim`)).body.principal).toBe(1_250_00);
  });
});

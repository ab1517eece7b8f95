import { afterEach, describe, expect, it } from 'vitest';
import { creditNoteCreated } from '../../../local/invoicing/invoicing-events';
import { storePolicy } from '../sms/policy-with-texts';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_START as START,
  payment,
  sweep,
} from '../workflow/scenario';

/*
 * From Monday 2 March 2026: invoices due on Friday 6 March, in a segment whose policy sends the
 * notice 3 days before the due date, so from the sweep of Tuesday 3 March on.
 */
const DUE = '2026-03-06';
const withNotice = <P extends object>(policy: P) => ({ ...policy, preDueNotice: { daysBefore: 3 } });

describe('a word before the due date', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('a pre-due notice goes out once', async () => {
    h = await startCloudHarness(START);
    await storePolicy(h, 'business-noticed', withNotice);
    const debtor = await businessDebtor(h, { segment: 'business-noticed' });
    const first = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 400_00 });
    const second = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 600_00 });

    // Monday: four days ahead, too early.
    await sweep(h);
    expect(await emailsTo(h, debtor.email)).toHaveLength(0);

    await advanceTo(h, '2026-03-03T05:00:00Z');
    await sweep(h);
    await sweep(h);
    await advanceTo(h, '2026-03-05T05:00:00Z');
    await sweep(h);

    const notices = await emailsTo(h, debtor.email);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject).toBe('Uw facturen vervallen binnenkort');
    expect(notices[0]?.text).toContain(first.number);
    expect(notices[0]?.text).toContain(second.number);
    expect(notices[0]?.text).toContain('6 maart 2026');
    for (const { id } of [first, second]) {
      const view = await invoiceView(h, id);
      expect(view.timeline.filter((entry) => entry.type === 'pre_due_notice_sent')).toHaveLength(1);
      // No execution: nothing is overdue yet.
      expect(view.dunning).toBeNull();
    }
  });

  it('no pre-due notice for an invoice paid first', async () => {
    h = await startCloudHarness(START);
    await storePolicy(h, 'business-noticed', withNotice);
    const debtor = await businessDebtor(h, { segment: 'business-noticed' });
    const paid = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 400_00 });
    const credited = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 600_00 });
    expect((await h.post(payment(paid.id, 400_00, '2026-03-02T10:00:00+01:00'))).status).toBe(200);
    expect((await h.post(creditNoteCreated({ invoiceId: credited.id, amount: 600_00 }))).status).toBe(200);

    await advanceTo(h, '2026-03-03T05:00:00Z');
    await sweep(h);

    expect(await emailsTo(h, debtor.email)).toHaveLength(0);
    for (const { id } of [paid, credited]) {
      const view = await invoiceView(h, id);
      expect(view.timeline.some((entry) => entry.type === 'pre_due_notice_sent')).toBe(false);
    }
  });
});

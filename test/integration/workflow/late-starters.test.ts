import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView, statesEntered } from './scenario';

// Monday 13 April 2026, 06:00 Amsterdam.
const START = new Date('2026-04-13T04:00:00Z');

describe('an invoice that arrives late starts at its age', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('starts an invoice arriving 50 days overdue at its age: the final notice today, never the friendly reminder', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-02-22' });

    await h.advanceDays(1);

    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.dunning?.lastStep?.slot).toBe('finalNotice');
      return current;
    });
    expect(await statesEntered(h, view.dunning?.execution ?? '')).toEqual(
      expect.arrayContaining(['ResumeAtStep', 'WaitUntilFinalNotice', 'SendFinalNotice']),
    );
    // Its first task only sends the execution on to ResumeAtStep: the friendly reminder leaves no trace.
    expect(view.timeline.some((e) => e.details?.slot === 'firstReminder')).toBe(false);
    const emails = await emailsTo(h, debtor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toMatch(/^Laatste aanmaning/);
    expect(emails[0]?.text).not.toContain('Wellicht is het aan uw aandacht ontsnapt');
  });

  it('starts an invoice arriving 10 days overdue with the firm reminder on its day, not the friendly one', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-04-03' });

    await h.advanceDays(5);

    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.dunning?.lastStep?.slot).toBe('secondReminder');
      return current;
    });
    expect(view.timeline.filter((e) => e.type === 'email_sent')).toHaveLength(1);
    const [email] = await emailsTo(h, debtor.email);
    expect(email?.subject).toMatch(/^Betalingsherinnering/);
  });
});

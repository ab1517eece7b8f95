import { afterEach, describe, expect, it } from 'vitest';
import { debtorUpserted, newId } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
  tasksOf,
} from '../workflow/scenario';
import { remindersByText, storePolicy, textsTo } from './policy-with-texts';

/*
 * From Monday 2 March 2026, invoices due on Sunday 1 March: the first reminder goes on Wednesday
 * 4 March, the second on Monday 16 March (day 14 is a Sunday), at the policy's sendAt.
 */
describe('reminders by text', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  const mobileNumber = () => `+3161${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

  it('sends one text per debtor and step', async () => {
    h = await startCloudHarness(START);
    await storePolicy(h, 'business-texts', remindersByText);
    const mobile = mobileNumber();
    const debtor = await businessDebtor(h, { mobile, segment: 'business-texts' });
    const first = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
    const second = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 750_00 });

    await advanceTo(h, '2026-03-04T12:00:00Z');
    const reminders = textsTo(h, mobile);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.message).toContain(first.number);
    expect(reminders[0]?.message).toContain(second.number);
    expect(reminders[0]?.message).toContain('EUR 2.000,00');
    expect(reminders[0]?.messageAttributes['AWS.SNS.SMS.SMSType']?.stringValue).toBe('Transactional');
    expect(reminders[0]?.messageAttributes['AWS.SNS.SMS.SenderID']?.stringValue).toBe('Voorbeeld');
    // The debtor's page, where every invoice can be paid and texts refused.
    expect(reminders[0]?.message).toMatch(/\/self-service\//);
    expect(await emailsTo(h, debtor.email)).toHaveLength(0);
    for (const { id } of [first, second]) {
      const view = await invoiceView(h, id);
      expect(view.dunning?.lastStep).toMatchObject({ slot: 'firstReminder', status: 'sent' });
      const sent = view.timeline.filter((entry) => entry.type === 'text_sent');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.details).toMatchObject({ to: mobile, encoding: 'GSM-7', text: reminders[0]?.message });
      expect(sent[0]?.details?.segments).toBeGreaterThanOrEqual(1);
    }

    await advanceTo(h, '2026-03-16T12:00:00Z');
    expect(textsTo(h, mobile)).toHaveLength(2);
    expect((await invoiceView(h, first.id)).dunning?.lastStep).toMatchObject({ slot: 'secondReminder' });
  });

  it('sends no text at night and sends it at 08:00', async () => {
    h = await startCloudHarness(START);
    // The steps of this policy act at 22:00 in Amsterdam, in the debtor's quiet hours.
    await storePolicy(h, 'business-late-texts', (policy) => ({
      ...remindersByText(policy),
      sendAt: '22:00',
    }));
    const mobile = mobileNumber();
    const debtor = await businessDebtor(h, { mobile, segment: 'business-late-texts' });
    const { id } = await invoice(h, debtor.id, { dueDate: DUE });

    await advanceTo(h, '2026-03-05T06:59:00Z');
    expect(textsTo(h, mobile)).toHaveLength(0);

    await advanceTo(h, '2026-03-05T09:00:00Z');
    const texts = textsTo(h, mobile);
    expect(texts).toHaveLength(1);
    // 08:00 in Amsterdam (CET) on Thursday 5 March.
    expect(texts[0]?.publishedAt).toBe('2026-03-05T07:00:00.000Z');
    expect((await invoiceView(h, id)).dunning?.lastStep).toMatchObject({
      slot: 'firstReminder',
      status: 'sent',
    });
  });

  it('a debtor without a mobile number gets a task', async () => {
    h = await startCloudHarness(START);
    await storePolicy(h, 'business-texts', remindersByText);
    const debtor = await businessDebtor(h, { segment: 'business-texts' });
    const { id } = await invoice(h, debtor.id, { dueDate: DUE });

    await advanceTo(h, '2026-03-04T12:00:00Z');

    expect(h.cloud.texts()).toHaveLength(0);
    const tasks = await tasksOf(h, id);
    expect(tasks.map((task) => task.kind)).toEqual(['unreachable_by_sms']);
    expect(tasks[0]?.summary).toMatch(/No mobile number/);
    expect((await invoiceView(h, id)).dunning?.lastStep).toMatchObject({
      slot: 'firstReminder',
      status: 'skipped',
    });
  });

  it('an opted-out debtor gets no text', async () => {
    h = await startCloudHarness(START);
    await storePolicy(h, 'business-texts', remindersByText);
    // One said so to the invoicing system, the other to a controller (or on the self-service page).
    const byInvoicing = { mobile: mobileNumber() };
    const optedOut = await businessDebtor(h, { ...byInvoicing, smsOptOut: true, segment: 'business-texts' });
    const byRequest = { mobile: mobileNumber() };
    const asked = await businessDebtor(h, { ...byRequest, segment: 'business-texts' });
    const answer = await h.send<{ smsOptOut: boolean; request: { by: string } | null }>(
      'PUT',
      `/debtors/${asked.id}/sms-opt-out`,
      { optOut: true },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ smsOptOut: true, request: { by: expect.stringMatching(/^user:/) } });
    // The invoicing system's next copy of the debtor leaves the debtor's own wish alone.
    await businessDebtor(h, { id: asked.id, ...byRequest, segment: 'business-texts' });
    const invoices = [
      await invoice(h, optedOut.id, { dueDate: DUE }),
      await invoice(h, asked.id, { dueDate: DUE }),
    ];

    await advanceTo(h, '2026-03-04T12:00:00Z');

    expect(textsTo(h, byInvoicing.mobile)).toHaveLength(0);
    expect(textsTo(h, byRequest.mobile)).toHaveLength(0);
    for (const { id } of invoices) {
      const view = await invoiceView(h, id);
      expect(view.dunning?.lastStep).toMatchObject({ slot: 'firstReminder', status: 'skipped' });
      expect(view.timeline.find((entry) => entry.type === 'step_skipped')?.details).toMatchObject({
        skip: 'sms_opted_out',
      });
    }
  });

  it('refuses a debtor whose mobile number is not in E.164, naming the field', async () => {
    h = await startCloudHarness(START);
    const answer = await h.post(debtorUpserted({ id: newId('deb'), mobile: '06 12345678' }));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('data.mobile');
    expect(JSON.stringify(answer.body)).toContain('E.164');
  });
});

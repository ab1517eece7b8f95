import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DebtorRecord } from '../../../functions/ports/credit-store';
import type { OutgoingEmail } from '../../../functions/ports/mailer';
import { recordEmailEvent } from '../../../functions/use-cases/email-events/email-event';
import { sesEventSchema } from '../../../functions/use-cases/email-events/ses-event';
import { LetterDayOverError, LetterInFlightError } from '../../../functions/use-cases/letters/letter-lock';
import { SEND_CALL_TIMEOUT_MS } from '../../../functions/use-cases/letters/unconfirmed-letter';
import { StepDeferredError } from '../../../functions/use-cases/steps/step-deferred';
import {
  type LetterDeps,
  sendDunningLetter,
} from '../../../functions/use-cases/steps/send-dunning-letter-step';
import { type StepWorld, stepWorld, TEST_CREDITOR } from './step-world';

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('dunning letters by email', () => {
  let world: StepWorld;
  let deps: LetterDeps;
  let debtor: DebtorRecord;

  beforeEach(async () => {
    // The invoices fall due on 5 February 2025; the sweep starts their dunning the next morning.
    world = await stepWorld('2025-02-06T06:00:00Z');
    deps = { ...world, creditor: TEST_CREDITOR };
    debtor = await world.addDebtor();
  });

  it('sends nothing for an invoice that was paid before its reminder went out', async () => {
    const invoice = await world.addDunnedInvoice(debtor);
    await world.advanceTo(invoice.id, 'firstReminder');
    await world.pay(invoice.id);

    const outcome = await sendDunningLetter(deps, await world.payload(invoice.id, 'firstReminder'));

    expect(outcome).toMatchObject({ status: 'skipped', reason: 'the invoice is paid' });
    expect(world.mailer.sent).toHaveLength(0);
    expect((await world.timeline(invoice.id)).map((event) => event.type)).not.toContain('email_sent');
  });

  it('sends nothing while the dunning is paused for a dispute', async () => {
    const invoice = await world.addDunnedInvoice(debtor);
    await world.advanceTo(invoice.id, 'firstReminder');
    const payload = await world.payload(invoice.id, 'firstReminder');
    await world.stopDunning(invoice.id, 'dispute registered: goods not received');

    const outcome = await sendDunningLetter(deps, payload);

    expect(outcome).toMatchObject({
      status: 'skipped',
      reason: 'the dunning was stopped: dispute registered: goods not received',
    });
    expect(world.mailer.sent).toHaveLength(0);
  });

  it('sends one email listing both invoices when a debtor has two at the same step on the same day', async () => {
    const first = await world.addDunnedInvoice(debtor, { number: '2025-101' });
    const second = await world.addDunnedInvoice(debtor, { number: '2025-102', openAmount: 250_00 });
    await world.advanceTo(first.id, 'firstReminder');

    const firstOutcome = await sendDunningLetter(deps, await world.payload(first.id, 'firstReminder'));
    const secondOutcome = await sendDunningLetter(deps, await world.payload(second.id, 'firstReminder'));

    expect(world.mailer.sent).toHaveLength(1);
    const [email] = world.mailer.sent;
    expect(email?.to).toBe('administratie@korenschoof.example');
    expect(email?.text).toContain('2025-101');
    expect(email?.text).toContain('2025-102');
    expect(email?.text).toContain('€1,250.00');
    expect(firstOutcome).toMatchObject({ status: 'sent', invoiceIds: [first.id, second.id] });
    expect(secondOutcome).toEqual({
      status: 'skipped',
      reason: `included in the letter sent for invoice ${first.id}`,
      skip: 'included_in_letter',
    });
    for (const invoice of [first, second]) {
      const sent = (await world.timeline(invoice.id)).filter((event) => event.type === 'email_sent');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.details).toMatchObject({
        messageId: email?.messageId,
        recipient: 'administratie@korenschoof.example',
        slot: 'firstReminder',
      });
      expect((await world.invoice(invoice.id)).dunning?.lastStep).toMatchObject({
        slot: 'firstReminder',
        status: 'sent',
      });
    }
  });

  it('sends exactly one email when SES throttles twice and the workflow retries the step', async () => {
    const invoice = await world.addDunnedInvoice(debtor);
    await world.advanceTo(invoice.id, 'firstReminder');
    const payload = await world.payload(invoice.id, 'firstReminder');
    world.mailer.failNext(2, 'ThrottlingException');

    await expect(sendDunningLetter(deps, payload)).rejects.toThrow('Maximum sending rate exceeded.');
    expect((await world.timeline(invoice.id)).map((event) => event.type)).not.toContain('email_sent');
    await expect(sendDunningLetter(deps, payload)).rejects.toThrow('Maximum sending rate exceeded.');
    const third = await sendDunningLetter(deps, payload);
    const afterSuccess = await sendDunningLetter(deps, payload);

    expect(third).toMatchObject({ status: 'sent', messageId: 'ses-message-1' });
    expect(afterSuccess).toMatchObject({ status: 'sent', replayed: true });
    expect(world.mailer.sent).toHaveLength(1);
    const sent = (await world.timeline(invoice.id)).filter((event) => event.type === 'email_sent');
    expect(sent).toHaveLength(1);
  });

  it('puts a task on a controller’s list instead of an email when the debtor has no email address', async () => {
    const unreachable = await world.addDebtor({ email: undefined });
    const invoice = await world.addDunnedInvoice(unreachable);
    await world.advanceTo(invoice.id, 'firstReminder');
    const payload = await world.payload(invoice.id, 'firstReminder');

    const outcome = await sendDunningLetter(deps, payload);
    await sendDunningLetter(deps, payload);

    expect(outcome).toEqual({
      status: 'skipped',
      reason: 'no email address: task created',
      skip: 'no_email_address',
    });
    expect(world.mailer.sent).toHaveLength(0);
    const tasks = await world.store.listOpenTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      kind: 'unreachable_by_email',
      invoiceId: invoice.id,
      slot: 'firstReminder',
    });
  });

  it('writes to a Dutch debtor in Dutch, with a QR code their banking app can pay the invoice with', async () => {
    const dutch = await world.addDebtor({ language: 'nl', name: 'Bakkerij Jansen' });
    const invoice = await world.addDunnedInvoice(dutch, { number: '2025-200', openAmount: 1_234_56 });
    await world.advanceTo(invoice.id, 'firstReminder');

    await sendDunningLetter(deps, await world.payload(invoice.id, 'firstReminder'));

    const [email] = world.mailer.sent;
    expect(email?.subject).toBe('Herinnering: factuur 2025-200 staat nog open');
    // A company without a contact person is not addressed as a person: the friendly salutation
    // speaks to the relation.
    expect(email?.text).toContain('Beste relatie,');
    expect(email?.html).toContain('cid:epc-qr');
    const [qr] = email?.inlineImages ?? [];
    expect(qr).toMatchObject({ contentId: 'epc-qr', contentType: 'image/png' });
    const scanned = decodeQr(qr!.content)?.split('\n');
    expect(scanned).toEqual(
      expect.arrayContaining(['NL91ABNA0417164300', 'EUR1234.56', invoice.paymentReference]),
    );
  });

  it('states the collection costs and the last day of the 14-day term in a consumer’s final notice', async () => {
    const consumer = await world.addDebtor({ kind: 'consumer', language: 'nl', name: 'J. de Vries' });
    const invoice = await world.addDunnedInvoice(consumer);
    await world.advanceTo(invoice.id, 'finalNotice');

    await sendDunningLetter(deps, await world.payload(invoice.id, 'finalNotice'));

    // Sent on 26 February 2025 (due date + 21); an email may take a day to arrive, so the letter
    // prints the last day of a term counted from 27 February: 13 March, never too early.
    const [email] = world.mailer.sent;
    expect(email?.text).toContain('13 maart 2025');
    expect(email?.text).toMatch(/€\s150,00/); // WIK: 15% of € 1.000
    const [sent] = (await world.timeline(invoice.id)).filter((event) => event.type === 'email_sent');
    expect(sent?.details).toMatchObject({
      template: 'fourteen-day-letter',
      fourteenDayTerm: { endsOn: '2025-03-13', costs: { amount: 150_00, currency: 'EUR' } },
    });
  });

  it('skips a step the debtor’s policy leaves out and records why', async () => {
    const keyAccount = await world.addDebtor({ segmentOverride: 'business-key-account' });
    const invoice = await world.addDunnedInvoice(keyAccount);
    await world.advanceTo(invoice.id, 'secondReminder');

    const outcome = await sendDunningLetter(deps, await world.payload(invoice.id, 'secondReminder'));

    expect(outcome).toMatchObject({ status: 'skipped', reason: 'not in policy' });
    expect(world.mailer.sent).toHaveLength(0);
    expect((await world.invoice(invoice.id)).dunning?.lastStep).toMatchObject({
      slot: 'secondReminder',
      status: 'skipped',
    });
    expect((await world.timeline(invoice.id)).map((event) => event.type)).toContain('step_skipped');
  });

  it('sends nothing for an execution the invoice no longer belongs to', async () => {
    const invoice = await world.addDunnedInvoice(debtor);
    await world.advanceTo(invoice.id, 'firstReminder');
    const payload = await world.payload(invoice.id, 'firstReminder');

    const outcome = await sendDunningLetter(deps, { ...payload, execution: 'invoice-1--0' });

    expect(outcome).toMatchObject({ status: 'skipped', skip: 'stale_execution' });
    expect(world.mailer.sent).toHaveLength(0);
  });

  it('waits for a letter another execution is still sending, and skips once it went out', async () => {
    const first = await world.addDunnedInvoice(debtor);
    const second = await world.addDunnedInvoice(debtor);
    await world.advanceTo(first.id, 'firstReminder');
    world.mailer.failNext(1);
    await expect(sendDunningLetter(deps, await world.payload(first.id, 'firstReminder'))).rejects.toThrow();

    await expect(sendDunningLetter(deps, await world.payload(second.id, 'firstReminder'))).rejects.toThrow(
      LetterInFlightError,
    );
    await sendDunningLetter(deps, await world.payload(first.id, 'firstReminder'));
    const retried = await sendDunningLetter(deps, await world.payload(second.id, 'firstReminder'));

    expect(retried).toMatchObject({ status: 'skipped', skip: 'included_in_letter' });
    expect(world.mailer.sent).toHaveLength(1);
    expect(world.mailer.sent[0]?.text).toContain(second.number);
  });

  it('takes over the letter of an invoice that was paid while its letter was being sent', async () => {
    const first = await world.addDunnedInvoice(debtor);
    const second = await world.addDunnedInvoice(debtor);
    await world.advanceTo(first.id, 'firstReminder');
    world.mailer.failNext(1);
    await expect(sendDunningLetter(deps, await world.payload(first.id, 'firstReminder'))).rejects.toThrow();
    await world.pay(first.id);

    const outcome = await sendDunningLetter(deps, await world.payload(second.id, 'firstReminder'));

    expect(outcome).toMatchObject({ status: 'sent', invoiceIds: [second.id] });
    expect(world.mailer.sent).toHaveLength(1);
    expect(world.mailer.sent[0]?.text).toContain(second.number);
    expect(world.mailer.sent[0]?.text).not.toContain(first.number);
  });

  describe('every invoice gets every letter of its policy, at most one per debtor, step, currency and day', () => {
    const DAY_MS = 86_400_000;

    async function emailsSent(invoiceId: string) {
      return (await world.timeline(invoiceId)).filter((event) => event.type === 'email_sent');
    }

    it('defers an invoice that became due after the debtor’s letter of the day went out to the next day’s letter', async () => {
      const first = await world.addDunnedInvoice(debtor, { number: '2025-301' });
      await world.advanceTo(first.id, 'firstReminder');
      await sendDunningLetter(deps, await world.payload(first.id, 'firstReminder'));
      // Arrives at noon, overdue: its first reminder is due at once, the day's letter is out.
      world.clock.set(new Date(world.clock.now().getTime() + 3 * 3_600_000));
      const late = await world.addDunnedInvoice(debtor, { number: '2025-302' });

      await expect(sendDunningLetter(deps, await world.payload(late.id, 'firstReminder'))).rejects.toThrow(
        StepDeferredError,
      );
      expect(world.mailer.sent).toHaveLength(1);
      world.clock.set(new Date(world.clock.now().getTime() + DAY_MS));
      const nextDay = await sendDunningLetter(deps, await world.payload(late.id, 'firstReminder'));

      expect(nextDay).toMatchObject({ status: 'sent', invoiceIds: [late.id] });
      expect(world.mailer.sent).toHaveLength(2);
      expect(world.mailer.sent[1]?.text).toContain('2025-302');
      expect(world.mailer.sent[1]?.text).not.toContain('2025-301');
      expect(await emailsSent(late.id)).toHaveLength(1);
      expect(await emailsSent(first.id)).toHaveLength(1);
    });

    it('sends one letter per currency when a debtor has invoices in euros and pounds at the same step on the same day', async () => {
      const euros = await world.addDunnedInvoice(debtor, { number: '2025-401' });
      const pounds = await world.addDunnedInvoice(debtor, { number: '2025-402', currency: 'GBP' });
      await world.advanceTo(euros.id, 'firstReminder');

      const eurOutcome = await sendDunningLetter(deps, await world.payload(euros.id, 'firstReminder'));
      const gbpOutcome = await sendDunningLetter(deps, await world.payload(pounds.id, 'firstReminder'));

      expect(eurOutcome).toMatchObject({ status: 'sent', invoiceIds: [euros.id] });
      expect(gbpOutcome).toMatchObject({ status: 'sent', invoiceIds: [pounds.id] });
      expect(world.mailer.sent.map((email) => email.tags?.currency)).toEqual(['EUR', 'GBP']);
      expect(await emailsSent(euros.id)).toHaveLength(1);
      expect(await emailsSent(pounds.id)).toHaveLength(1);
    });

    it('defers a consumer’s 14-day letter that missed the day’s letter rather than skipping it', async () => {
      const consumer = await world.addDebtor({ kind: 'consumer', language: 'nl', name: 'J. de Vries' });
      const first = await world.addDunnedInvoice(consumer, { number: '2025-501' });
      const second = await world.addDunnedInvoice(consumer, { number: '2025-502' });
      for (const slot of ['firstReminder', 'secondReminder'] as const) {
        await world.advanceTo(first.id, slot);
        await sendDunningLetter(deps, await world.payload(first.id, slot));
      }
      // Paused for a dispute while the first invoice's 14-day letter goes out; resumed that afternoon.
      await world.stopDunning(second.id, 'dispute registered');
      await world.advanceTo(first.id, 'finalNotice');
      const firstLetter = await sendDunningLetter(deps, await world.payload(first.id, 'finalNotice'));
      world.clock.set(new Date(world.clock.now().getTime() + 5 * 3_600_000));
      await world.restore(second.id);

      await expect(sendDunningLetter(deps, await world.payload(second.id, 'finalNotice'))).rejects.toThrow(
        StepDeferredError,
      );
      world.clock.set(new Date(world.clock.now().getTime() + DAY_MS));
      const nextDay = await sendDunningLetter(deps, await world.payload(second.id, 'finalNotice'));

      expect(firstLetter).toMatchObject({ status: 'sent', invoiceIds: [first.id] });
      expect(nextDay).toMatchObject({ status: 'sent', invoiceIds: [second.id] });
      const finalNotices = (await emailsSent(second.id)).filter(
        (event) => event.details?.slot === 'finalNotice',
      );
      expect(finalNotices).toHaveLength(1);
      expect(finalNotices[0]?.details).toMatchObject({ template: 'fourteen-day-letter' });
    });

    it('keys the letter on the day it is sent, so that a step run after midnight leaves no second letter that day', async () => {
      // Due on Friday 7 and Saturday 8 February: their first reminders fall on working days,
      // Monday 10 and Tuesday 11 February (a step on a weekend would move to the Monday).
      const evening = await world.addDunnedInvoice(debtor, { number: '2025-601', dueDate: '2025-02-07' });
      const morning = await world.addDunnedInvoice(debtor, { number: '2025-602', dueDate: '2025-02-08' });
      // Planned for 10 February, its step runs ten minutes after midnight on the 11th.
      world.clock.set(new Date('2025-02-10T23:10:00Z'));

      const late = await sendDunningLetter(deps, await world.payload(evening.id, 'firstReminder'));
      await world.advanceTo(morning.id, 'firstReminder');
      const onTime = await sendDunningLetter(deps, await world.payload(morning.id, 'firstReminder'));

      expect(late).toMatchObject({ status: 'sent', invoiceIds: [evening.id, morning.id] });
      expect(onTime).toMatchObject({ status: 'skipped', skip: 'included_in_letter' });
      expect(world.mailer.sent).toHaveLength(1);
      expect(world.mailer.sent[0]?.tags?.letterDay).toBe('2025-02-11');
    });
  });

  describe('at most one letter per debtor, step, currency and day sent, however the steps interleave around midnight', () => {
    // 23:59:50 and 00:00:10 in Amsterdam, on Monday 10 and Tuesday 11 February: the first
    // reminders of invoices due on Friday 7 and Saturday 8 February fall on these working days
    // (a step on a weekend would move to the Monday).
    const BEFORE_MIDNIGHT = new Date('2025-02-10T22:59:50Z');
    const AFTER_MIDNIGHT = new Date('2025-02-10T23:00:10Z');
    const EVENING_DUE = '2025-02-07';
    const MORNING_DUE = '2025-02-08';
    const DAY_MS = 86_400_000;

    /** A mailer whose next call is held open until `release`, the way SES throttles and the SDK retries. */
    function heldMailer() {
      let reached = () => {};
      let release = () => {};
      const called = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const mailer = {
        send: async (email: OutgoingEmail) => {
          reached();
          await released;
          return world.mailer.send(email);
        },
      };
      return { mailer, called, release };
    }

    it('makes the next day’s letter wait for a letter of the day before that is still being sent', async () => {
      const evening = await world.addDunnedInvoice(debtor, { number: '2025-701', dueDate: EVENING_DUE });
      const morning = await world.addDunnedInvoice(debtor, { number: '2025-702', dueDate: MORNING_DUE });
      world.clock.set(BEFORE_MIDNIGHT);
      const held = heldMailer();
      const eveningStep = sendDunningLetter(
        { ...deps, mailer: held.mailer },
        await world.payload(evening.id, 'firstReminder'),
      );
      await held.called;

      // SES answers only after midnight; the next day's step runs meanwhile.
      world.clock.set(AFTER_MIDNIGHT);
      await expect(sendDunningLetter(deps, await world.payload(morning.id, 'firstReminder'))).rejects.toThrow(
        LetterInFlightError,
      );
      held.release();
      expect(await eveningStep).toMatchObject({ status: 'sent', invoiceIds: [evening.id] });

      // That letter went out on the 11th: the morning invoice waits for the 12th's.
      await expect(sendDunningLetter(deps, await world.payload(morning.id, 'firstReminder'))).rejects.toThrow(
        StepDeferredError,
      );
      expect(world.mailer.sent).toHaveLength(1);
      world.clock.set(new Date(AFTER_MIDNIGHT.getTime() + DAY_MS));
      expect(await sendDunningLetter(deps, await world.payload(morning.id, 'firstReminder'))).toMatchObject({
        status: 'sent',
        invoiceIds: [morning.id],
      });
      expect(world.mailer.sent.map((email) => email.tags?.letterDay)).toEqual(['2025-02-10', '2025-02-12']);
    });

    it('never sends a letter locked before midnight after it, when the next day has a letter of its own', async () => {
      const first = await world.addDunnedInvoice(debtor, { number: '2025-801', dueDate: EVENING_DUE });
      const second = await world.addDunnedInvoice(debtor, { number: '2025-802', dueDate: EVENING_DUE });
      const morning = await world.addDunnedInvoice(debtor, { number: '2025-803', dueDate: MORNING_DUE });
      world.clock.set(BEFORE_MIDNIGHT);
      world.mailer.failNext(1);
      await expect(sendDunningLetter(deps, await world.payload(first.id, 'firstReminder'))).rejects.toThrow();

      // The second waits in real time for the first's letter; meanwhile midnight passes and the
      // first invoice is paid, so the second takes the letter over.
      const pause = async () => {
        world.clock.set(AFTER_MIDNIGHT);
        await world.pay(first.id);
      };
      await expect(
        sendDunningLetter({ ...deps, pause }, await world.payload(second.id, 'firstReminder')),
      ).rejects.toThrow(LetterDayOverError);
      const retried = await sendDunningLetter(deps, await world.payload(second.id, 'firstReminder'));
      const onTime = await sendDunningLetter(deps, await world.payload(morning.id, 'firstReminder'));

      expect(retried).toMatchObject({ status: 'sent', invoiceIds: [second.id, morning.id] });
      expect(onTime).toMatchObject({ status: 'skipped', skip: 'included_in_letter' });
      expect(world.mailer.sent).toHaveLength(1);
      expect(world.mailer.sent[0]?.tags?.letterDay).toBe('2025-02-11');
    });
  });

  describe('a letter whose send was lost after SES accepted it', () => {
    async function deliver(email: { messageId: string; tags?: Record<string, string> }): Promise<void> {
      const at = world.clock.now().toISOString();
      await recordEmailEvent(
        world,
        sesEventSchema.parse({
          eventType: 'Delivery',
          mail: {
            messageId: email.messageId,
            timestamp: at,
            tags: Object.fromEntries(Object.entries(email.tags ?? {}).map(([k, v]) => [k, [v]])),
          },
          delivery: { timestamp: at },
        }),
      );
    }

    it('records a letter SES accepted before its execution was lost, instead of sending it again the next day', async () => {
      const invoice = await world.addDunnedInvoice(debtor);
      await world.advanceTo(invoice.id, 'firstReminder');
      world.mailer.loseNextAnswer();
      await expect(
        sendDunningLetter(deps, await world.payload(invoice.id, 'firstReminder')),
      ).rejects.toThrow();
      const [accepted] = world.mailer.sent;
      await deliver(accepted!);

      // The next morning the sweep restores the lost execution at the same step.
      world.clock.set(new Date(world.clock.now().getTime() + 21 * 3_600_000));
      await world.restore(invoice.id);
      const outcome = await sendDunningLetter(deps, await world.payload(invoice.id, 'firstReminder'));

      expect(outcome).toMatchObject({ status: 'sent', messageId: accepted!.messageId });
      expect(world.mailer.sent).toHaveLength(1);
      const sent = (await world.timeline(invoice.id)).filter((event) => event.type === 'email_sent');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.details).toMatchObject({ messageId: accepted!.messageId, slot: 'firstReminder' });
    });

    it('waits while the lost call may still be under way, then sends again when SES never named the letter', async () => {
      const invoice = await world.addDunnedInvoice(debtor);
      await world.advanceTo(invoice.id, 'firstReminder');
      const payload = await world.payload(invoice.id, 'firstReminder');
      world.mailer.loseNextAnswer();
      await expect(sendDunningLetter(deps, payload)).rejects.toThrow('socket hang up');

      await expect(sendDunningLetter(deps, payload)).rejects.toThrow(LetterInFlightError);
      world.clock.set(new Date(world.clock.now().getTime() + SEND_CALL_TIMEOUT_MS));
      const outcome = await sendDunningLetter(deps, payload);

      // The remaining window: SES took the first one, and no event said so.
      expect(outcome).toMatchObject({ status: 'sent', messageId: 'ses-message-2' });
      expect(world.mailer.sent).toHaveLength(2);
    });
  });
});

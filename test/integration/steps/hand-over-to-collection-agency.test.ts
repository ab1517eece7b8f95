import { beforeEach, describe, expect, it } from 'vitest';
import type { ClaimFile } from '../../../functions/use-cases/collection-agency/claim-file';
import {
  type CollectionAgencyDeps,
  handOverToCollectionAgency,
} from '../../../functions/use-cases/steps/hand-over-to-collection-agency-step';
import { recordEmailEvent } from '../../../functions/use-cases/email-events/email-event';
import { sendDunningLetter } from '../../../functions/use-cases/steps/send-dunning-letter-step';
import { sesEventSchema } from '../../../functions/use-cases/email-events/ses-event';
import { StepDeferredError } from '../../../functions/use-cases/steps/step-deferred';
import type { StepPayload } from '../../../functions/use-cases/steps/step-payload';
import { type StepWorld, stepWorld, TEST_CREDITOR } from './step-world';

describe('hand-over to the collection agency', () => {
  let world: StepWorld;
  let deps: CollectionAgencyDeps;

  beforeEach(async () => {
    world = await stepWorld('2025-02-06T06:00:00Z');
    deps = { ...world, creditor: TEST_CREDITOR };
  });

  async function runLetter(invoiceId: string, slot: StepPayload['step']): Promise<void> {
    await world.advanceTo(invoiceId, slot);
    await sendDunningLetter({ ...world, creditor: TEST_CREDITOR }, await world.payload(invoiceId, slot));
  }

  async function deliver(messageId: string, tags: Record<string, string>, at: string): Promise<void> {
    const event = sesEventSchema.parse({
      eventType: 'Delivery',
      mail: {
        messageId,
        timestamp: at,
        tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, [v]])),
      },
      delivery: { timestamp: at },
    });
    await recordEmailEvent(world, event);
  }

  function publishedFile(): ClaimFile {
    const [notice] = world.notifier.on('collection-agency');
    return notice?.message as ClaimFile;
  }

  it('hands the claim over with its file listing every letter sent, and closes the invoice', async () => {
    const debtor = await world.addDebtor({ phone: '+31 20 555 0101' });
    const invoice = await world.addDunnedInvoice(debtor, { number: '2025-500' });
    for (const slot of ['firstReminder', 'secondReminder', 'finalNotice'] as const)
      await runLetter(invoice.id, slot);
    const [first] = world.mailer.sent;
    await deliver(first!.messageId, first!.tags!, world.clock.now().toISOString());
    await world.advanceTo(invoice.id, 'collectionAgency');

    const outcome = await handOverToCollectionAgency(
      deps,
      await world.payload(invoice.id, 'collectionAgency'),
    );

    expect(outcome).toEqual({ status: 'done', claimId: invoice.id });
    const file = publishedFile();
    expect(file.debtor).toMatchObject({ name: debtor.name, email: debtor.email, phone: '+31 20 555 0101' });
    expect(file.invoices).toEqual([expect.objectContaining({ number: '2025-500', openAmount: 1_000_00 })]);
    expect(file.letters.map((letter) => [letter.slot, letter.messageId, letter.recipient])).toEqual(
      // The fourth email is the notice of the hand-over itself, sent after the file.
      world.mailer.sent
        .slice(0, 3)
        .map((email, index) => [
          ['firstReminder', 'secondReminder', 'finalNotice'][index],
          email.messageId,
          debtor.email,
        ]),
    );
    // 61 days of commercial interest at 11,15% on € 1.000 (day 60 is not a working day: the
    // hand-over moves to the next), and the fixed € 40 between businesses.
    expect(file.claim).toMatchObject({ principal: 1_000_00, interest: 18_63, costs: 40_00, total: 1_058_63 });
    const closed = await world.invoice(invoice.id);
    expect(closed.status).toBe('in_collection');
    expect(closed.closedAt).toBe(world.clock.now().toISOString());
    expect(closed.dunning?.status).toBe('completed');
    expect((await world.timeline(invoice.id)).map((event) => event.type)).toContain('handed_over_to_agency');
  });

  it('tells the debtor of the hand-over by letter, recorded on the timeline like the other letters', async () => {
    const debtor = await world.addDebtor({ language: 'nl' });
    const invoice = await world.addDunnedInvoice(debtor, { number: '2025-501' });
    await runLetter(invoice.id, 'finalNotice');
    const [letter] = world.mailer.sent;
    await deliver(letter!.messageId, letter!.tags!, world.clock.now().toISOString());
    await world.advanceTo(invoice.id, 'collectionAgency');

    await handOverToCollectionAgency(deps, await world.payload(invoice.id, 'collectionAgency'));

    const notice = world.mailer.sent.at(-1);
    expect(notice?.to).toBe(debtor.email);
    expect(notice?.subject).toMatch(/^Overgedragen aan een incassobureau/);
    expect(notice?.text).not.toContain('Betalingskenmerk');
    // The last letter on the timeline: the final notice went before it.
    const sent = (await world.timeline(invoice.id)).filter((event) => event.type === 'email_sent').at(-1);
    expect(sent?.details).toMatchObject({
      slot: 'collectionAgency',
      template: 'collection-agency-handover',
      messageId: notice?.messageId,
      recipient: debtor.email,
    });
  });

  it('charges a consumer the collection costs the 14-day letter stated once its term has passed', async () => {
    const consumer = await world.addDebtor({ kind: 'consumer', language: 'nl', name: 'J. de Vries' });
    const invoice = await world.addDunnedInvoice(consumer);
    await runLetter(invoice.id, 'finalNotice');
    const [letter] = world.mailer.sent;
    await deliver(letter!.messageId, letter!.tags!, world.clock.now().toISOString());
    await world.advanceTo(invoice.id, 'collectionAgency');

    await handOverToCollectionAgency(deps, await world.payload(invoice.id, 'collectionAgency'));

    const file = publishedFile();
    expect(file.letters[0]).toMatchObject({
      template: 'fourteen-day-letter',
      deliveredAt: expect.any(String),
    });
    // Delivered 26 February; the letter printed 13 March as its last day (sent that day, with a
    // day's delivery margin), so default (and 6% interest) runs from 14 March. The hand-over day
    // is moved off a weekend to Monday 17 March: 4 days.
    expect(file.claim).toMatchObject({ principal: 1_000_00, costs: 150_00, interest: 66 });
  });

  it('does not hand a consumer’s claim under the agency minimum to the agency', async () => {
    const consumer = await world.addDebtor({ kind: 'consumer' });
    const invoice = await world.addDunnedInvoice(consumer, { totalAmount: 30_00, openAmount: 30_00 });
    await world.advanceTo(invoice.id, 'collectionAgency');

    const outcome = await handOverToCollectionAgency(
      deps,
      await world.payload(invoice.id, 'collectionAgency'),
    );

    expect(outcome).toMatchObject({ status: 'skipped', skip: 'below_agency_minimum' });
    expect(outcome.status === 'skipped' && outcome.reason).toMatch(/^below the agency minimum of €\s50,00$/);
    expect(world.notifier.on('collection-agency')).toHaveLength(0);
    expect((await world.invoice(invoice.id)).status).toBe('overdue');
  });

  it('sends the file once and keeps the invoice closed when the workflow retries the step', async () => {
    const debtor = await world.addDebtor();
    const invoice = await world.addDunnedInvoice(debtor);
    await runLetter(invoice.id, 'finalNotice');
    const [letter] = world.mailer.sent;
    await deliver(letter!.messageId, letter!.tags!, world.clock.now().toISOString());
    await world.advanceTo(invoice.id, 'collectionAgency');
    const payload = await world.payload(invoice.id, 'collectionAgency');

    await handOverToCollectionAgency(deps, payload);
    const retried = await handOverToCollectionAgency(deps, payload);

    expect(retried).toMatchObject({ status: 'done', replayed: true });
    expect(world.notifier.on('collection-agency')).toHaveLength(1);
    expect((await world.invoice(invoice.id)).status).toBe('in_collection');
  });

  it('defers a consumer’s claim day by day while the term of its 14-day letter runs', async () => {
    const consumer = await world.addDebtor({ kind: 'consumer', language: 'nl', name: 'J. de Vries' });
    const invoice = await world.addDunnedInvoice(consumer);
    await runLetter(invoice.id, 'finalNotice');
    const [letter] = world.mailer.sent;
    await deliver(letter!.messageId, letter!.tags!, world.clock.now().toISOString());
    // Sent and delivered on 26 February: the statutory term ends on 12 March, but the letter
    // printed 13 March (a day's margin for the email), so costs are due from the 14th.
    world.clock.set(new Date('2025-03-13T08:00:00Z'));
    const payload = await world.payload(invoice.id, 'collectionAgency');

    await expect(handOverToCollectionAgency(deps, payload)).rejects.toThrow(StepDeferredError);
    expect(world.notifier.on('collection-agency')).toHaveLength(0);
    world.clock.set(new Date('2025-03-14T08:00:00Z'));
    const outcome = await handOverToCollectionAgency(deps, payload);

    expect(outcome).toMatchObject({ status: 'done' });
    expect(world.notifier.on('collection-agency')).toHaveLength(1);
  });

  it('never hands a consumer’s claim to the agency without a 14-day letter that was received', async () => {
    const consumer = await world.addDebtor({ kind: 'consumer', language: 'nl', name: 'J. de Vries' });
    const invoice = await world.addDunnedInvoice(consumer);
    await world.advanceTo(invoice.id, 'collectionAgency');

    const outcome = await handOverToCollectionAgency(
      deps,
      await world.payload(invoice.id, 'collectionAgency'),
    );

    expect(outcome).toMatchObject({
      status: 'skipped',
      skip: 'fourteen_day_letter_missing',
      reason: 'not handed over to the collection agency: no 14-day letter was sent',
    });
    expect(world.notifier.on('collection-agency')).toHaveLength(0);
    expect((await world.invoice(invoice.id)).status).toBe('overdue');
  });

  it('holds a claim with no delivered letter on file for a controller, and never hands it over', async () => {
    const debtor = await world.addDebtor();
    const invoice = await world.addDunnedInvoice(debtor, { number: '2025-510' });
    // Sent, but SES never reported a delivery.
    await runLetter(invoice.id, 'finalNotice');
    await world.advanceTo(invoice.id, 'collectionAgency');

    const outcome = await handOverToCollectionAgency(
      deps,
      await world.payload(invoice.id, 'collectionAgency'),
    );

    expect(outcome).toMatchObject({ status: 'skipped', skip: 'no_delivered_letter' });
    expect(world.notifier.on('collection-agency')).toHaveLength(0);
    expect((await world.invoice(invoice.id)).status).toBe('overdue');
    expect(await world.store.getAgencyClaim(invoice.id)).toBeUndefined();
    const task = await world.store.getTask(`agency-hand-over-held--${invoice.id}`);
    expect(task).toMatchObject({ kind: 'agency_hand_over_held', status: 'open', invoiceId: invoice.id });
  });

  it("gives each letter SES's own send and delivery times, so none is delivered before it was sent", async () => {
    const debtor = await world.addDebtor();
    const invoice = await world.addDunnedInvoice(debtor);
    await runLetter(invoice.id, 'finalNotice');
    const [letter] = world.mailer.sent;
    // SES took the email at 10:00 and delivered it at 10:01; our record of it was written later.
    const sent = await world.timeline(invoice.id);
    const recordedAt = sent.find((event) => event.type === 'email_sent')!.at;
    const sesSent = new Date(new Date(recordedAt).getTime() - 10 * 60_000).toISOString();
    const sesDelivered = new Date(new Date(recordedAt).getTime() - 7 * 60_000).toISOString();
    const event = sesEventSchema.parse({
      eventType: 'Delivery',
      mail: {
        messageId: letter!.messageId,
        timestamp: sesSent,
        tags: Object.fromEntries(Object.entries(letter!.tags!).map(([k, v]) => [k, [v]])),
      },
      delivery: { timestamp: sesDelivered },
    });
    await recordEmailEvent(world, event);
    await world.advanceTo(invoice.id, 'collectionAgency');

    await handOverToCollectionAgency(deps, await world.payload(invoice.id, 'collectionAgency'));

    const [filed] = publishedFile().letters;
    expect(filed).toMatchObject({ sentAt: sesSent, deliveredAt: sesDelivered, timesFrom: 'ses' });
    expect(filed!.deliveredAt! >= filed!.sentAt).toBe(true);
    expect(filed!.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("puts every claim of the debtor at the agency in one claim file, with the KvK number and the contacts, in the agency's language", async () => {
    const debtor = await world.addDebtor({ kvkNumber: '87654321' } as Partial<ClaimFile['debtor']>);
    const first = await world.addDunnedInvoice(debtor, { number: '2025-520' });
    // Due a week later: its letters go out on days of their own.
    const second = await world.addDunnedInvoice(debtor, { number: '2025-521', dueDate: '2025-02-12' });
    for (const invoice of [first, second]) {
      await runLetter(invoice.id, 'finalNotice');
      const letter = world.mailer.sent.at(-1)!;
      await deliver(letter.messageId, letter.tags!, world.clock.now().toISOString());
      await world.advanceTo(invoice.id, 'collectionAgency');
      await handOverToCollectionAgency(
        { ...deps, agencyLanguage: 'en' },
        await world.payload(invoice.id, 'collectionAgency'),
      );
    }

    const files = world.notifier.on('collection-agency');
    const file = files.at(-1)!.message as ClaimFile;
    expect(files.at(-1)!.attributes).toMatchObject({ claimFileId: debtor.id, kind: 'claim_file' });
    expect(file).toMatchObject({
      kind: 'claim_file',
      claimFileId: debtor.id,
      claimId: second.id,
      language: 'en',
    });
    expect(file.debtor.kvkNumber).toBe('87654321');
    expect(file.claims.map((claim) => claim.invoice.number).sort()).toEqual(['2025-520', '2025-521']);
    expect(file.claims.every((claim) => claim.letters.some((letter) => letter.deliveredAt))).toBe(true);
    expect(file.contactHistory.map((entry) => entry.type)).toContain('email_delivered');
    expect(file.claim.explanation.join(' ')).not.toMatch(/wettelijke handelsrente/i);
  });
});

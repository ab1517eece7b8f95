import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Claim } from '../../../functions/core/legal/claim';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type ClaimsCloud, claimsCloud } from './claims-cloud';

/** Friday 30 January 2026, 08:00 in Amsterdam. */
const START = '2026-01-30T07:00:00Z';
/** Its mail server confirms deliveries late: the test records the delivery itself. */
const SLOW_MAILBOX = 'administratie@slow-mailbox.example';

type Task = { id: string; kind: string; invoiceId: string; summary: string };

/**
 * A claim handed to the collection agency years ago is no longer dunned, but it still lapses:
 * the daily sweep watches it, proposes a stuitingsbrief 90 days before, and the letter's
 * recorded delivery starts the period again.
 */
describe('the limitation watch over claims at the collection agency, on the local cloud', () => {
  let world: ClaimsCloud;
  let debtorId: string;
  let invoiceId: string;

  beforeAll(async () => {
    world = await claimsCloud(START, { sesSlowMailboxes: [SLOW_MAILBOX] });
    debtorId = newId('deb');
    expect(
      (await world.deliver(debtorUpserted({ id: debtorId, kind: 'business', email: SLOW_MAILBOX }))).status,
    ).toBe(200);
    // Due 30 April 2021: the claim lapses on 1 May 2026 (art. 3:307 BW), 91 days from today.
    invoiceId = newId('inv');
    const created = invoiceCreated({
      id: invoiceId,
      debtorId,
      dueDate: '2021-04-30',
      issueDate: '2021-03-31',
    });
    expect((await world.deliver(created)).status).toBe(200);
    await handedOverLongAgo(world, invoiceId);
  });

  afterAll(async () => {
    await world?.stop();
  });

  const openTasks = async () =>
    (await world.call<{ tasks: Task[] }>('controller', 'GET', '/tasks')).body.tasks.filter(
      (task) => task.invoiceId === invoiceId,
    );

  it('proposes an interruption letter 90 days before a claim at the agency lapses', async () => {
    expect(await openTasks()).toEqual([]);

    await world.cloud.advanceTo(new Date('2026-01-31T05:30:00Z'));

    const tasks = await vi.waitFor(
      async () => {
        const found = (await openTasks()).filter((task) => task.kind === 'limitation_warning');
        if (found.length === 0) throw new Error('no limitation warning yet');
        return found;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(tasks).toEqual([
      expect.objectContaining({
        summary: expect.stringMatching(
          /lapses on 2026-05-01 \(art\. 3:307 BW, 90 days left\): send an interruption letter \(stuitingsbrief.*The claim is at the collection agency\./,
        ),
      }),
    ]);
  });

  it('starts the limitation period again from the recorded delivery of the interruption letter', async () => {
    const sent = await world.call<{ status: string; messageId: string }>(
      'controller',
      'POST',
      `/invoices/${invoiceId}/interruption-letter`,
      { reason: 'limitation warning' },
    );
    expect(sent).toMatchObject({ status: 200, body: { status: 'sent' } });
    const email = (await world.cloud.emails()).find((each) => each.messageId === sent.body.messageId);
    expect(email?.subject).toMatch(/^Stuiting van de verjaring: factuur /);
    expect(email?.text).toContain(
      'Met deze brief stuiten wij de verjaring van onze vordering (artikel 3:317',
    );

    const before = await world.call<Claim>(
      'controller',
      'GET',
      `/invoices/${invoiceId}/claim?asOf=2026-02-02`,
    );
    expect(before.body.limitation).toMatchObject({
      lapsesOn: '2026-05-01',
      restartedByReminderReceivedOn: null,
    });

    await world.cloud.invoke('record-email-event', sesDelivery(sent.body.messageId, '2026-01-31T09:00:00Z'));

    const after = await world.call<Claim>(
      'controller',
      'GET',
      `/invoices/${invoiceId}/claim?asOf=2026-02-02`,
    );
    expect(after.body.limitation).toMatchObject({
      restartedByReminderReceivedOn: '2026-01-31',
      runsFrom: '2026-02-01',
      lapsesOn: '2031-02-01',
      status: 'running',
    });
  });

  it('answers a second request for the same invoice that day with the letter that went out', async () => {
    const again = await world.call<{ messageId: string }>(
      'controller',
      'POST',
      `/invoices/${invoiceId}/interruption-letter`,
      { reason: 'clicked twice' },
    );
    const letters = (await world.store.timeline({ invoiceId })).filter(
      (event) => event.type === 'email_sent' && event.details?.template === 'interruption-letter',
    );

    expect(again.status).toBe(200);
    expect(letters.map((event) => event.details?.messageId)).toEqual([again.body.messageId]);
  });

  function sesDelivery(messageId: string, at: string): SNSEvent {
    const message = {
      eventType: 'Delivery',
      mail: {
        messageId,
        timestamp: at,
        tags: {
          debtor: [debtorId],
          slot: ['interruptionLetter'],
          letterDay: ['2026-01-31'],
          currency: ['EUR'],
        },
      },
      delivery: { timestamp: at },
    };
    return {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: 'arn:aws:sns:eu-west-1:000000000000:email-events:local',
          Sns: {
            Type: 'Notification',
            MessageId: `sns-${messageId}`,
            TopicArn: 'arn:aws:sns:eu-west-1:000000000000:email-events',
            Subject: '',
            Message: JSON.stringify(message),
            Timestamp: at,
            SignatureVersion: '1',
            Signature: '',
            SigningCertUrl: '',
            UnsubscribeUrl: '',
            MessageAttributes: {},
          },
        },
      ],
    };
  }
});

/** The hand-over of 2021, written as the hand-over step writes its outcome: the claim is at the agency. */
async function handedOverLongAgo(world: ClaimsCloud, invoiceId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const record = await world.store.getInvoice(invoiceId);
      // Once its dunning has started, so that the dunning finds it handed over and sends nothing.
      if (!record?.dunning) throw new Error('the invoice should be stored with its dunning');
      await world.store.commit([
        {
          kind: 'putInvoice',
          invoice: {
            ...record,
            status: 'in_collection',
            closedAt: '2021-07-01T08:00:00.000Z',
            version: record.version + 1,
          },
          expectedVersion: record.version,
        },
      ]);
    },
    { timeout: 10_000, interval: 100 },
  );
}

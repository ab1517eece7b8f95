import type { Context, SNSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { DebtorRecord } from '../../../functions/ports/credit-store';
import { recordEmailEvent } from '../../../functions/use-cases/email-events/email-event';
import { sendDunningLetter } from '../../../functions/use-cases/steps/send-dunning-letter-step';
import { type SesEvent, sesEventSchema } from '../../../functions/use-cases/email-events/ses-event';
import { type StepWorld, stepWorld, TEST_CREDITOR } from './step-world';

describe('delivery and bounce events of the letters', () => {
  let world: StepWorld;
  let debtor: DebtorRecord;

  beforeEach(async () => {
    world = await stepWorld('2025-02-06T06:00:00Z');
    debtor = await world.addDebtor();
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** Two invoices of one debtor reminded in one letter; returns the email SES accepted. */
  async function sendOneLetterForTwoInvoices() {
    const first = await world.addDunnedInvoice(debtor);
    const second = await world.addDunnedInvoice(debtor);
    await world.advanceTo(first.id, 'firstReminder');
    await sendDunningLetter(
      { ...world, creditor: TEST_CREDITOR },
      await world.payload(first.id, 'firstReminder'),
    );
    const [email] = world.mailer.sent;
    return { first, second, email: email! };
  }

  function sesEvent(
    eventType: string,
    email: { messageId: string; tags?: Record<string, string> },
    extra: object,
  ): SesEvent {
    const tags = Object.fromEntries(Object.entries(email.tags ?? {}).map(([name, value]) => [name, [value]]));
    return sesEventSchema.parse({
      eventType,
      mail: { messageId: email.messageId, timestamp: '2025-02-08T08:00:01Z', tags },
      ...extra,
    });
  }

  const permanentBounce = {
    bounce: { bounceType: 'Permanent', bounceSubType: 'General', timestamp: '2025-02-08T08:00:05Z' },
  };

  it('puts a task on a controller’s list for each invoice in a letter that bounced for good', async () => {
    const { first, second, email } = await sendOneLetterForTwoInvoices();

    const outcome = await recordEmailEvent(world, sesEvent('Bounce', email, permanentBounce));

    expect(outcome).toEqual({ status: 'recorded', invoiceIds: [first.id, second.id] });
    const tasks = await world.store.listOpenTasks();
    expect(tasks.map((task) => [task.kind, task.invoiceId, task.slot]).sort()).toEqual([
      ['unreachable_by_email', first.id, 'firstReminder'],
      ['unreachable_by_email', second.id, 'firstReminder'],
    ]);
    for (const invoice of [first, second]) {
      const bounced = (await world.timeline(invoice.id)).filter((event) => event.type === 'email_bounced');
      expect(bounced).toEqual([
        expect.objectContaining({ details: expect.objectContaining({ messageId: email.messageId }) }),
      ]);
    }
  });

  it('records the day a letter was delivered, the day it counts as received', async () => {
    const { first, email } = await sendOneLetterForTwoInvoices();

    await recordEmailEvent(
      world,
      sesEvent('Delivery', email, { delivery: { timestamp: '2025-02-08T08:00:03Z' } }),
    );

    const delivered = (await world.timeline(first.id)).filter((event) => event.type === 'email_delivered');
    expect(delivered).toEqual([
      expect.objectContaining({
        at: '2025-02-08T08:00:03Z',
        details: expect.objectContaining({ messageId: email.messageId }),
      }),
    ]);
  });

  it('asks a controller to reach the debtor another way when they marked the letter as spam', async () => {
    const { first, email } = await sendOneLetterForTwoInvoices();

    await recordEmailEvent(
      world,
      sesEvent('Complaint', email, { complaint: { timestamp: '2025-02-08T09:12:00Z' } }),
    );

    const tasks = await world.store.listOpenTasks();
    expect(tasks).toHaveLength(2);
    expect(tasks.find((task) => task.invoiceId === first.id)?.summary).toContain('was marked as spam');
  });

  it('leaves a transient bounce to SES, which tries the delivery again', async () => {
    const { email } = await sendOneLetterForTwoInvoices();

    const outcome = await recordEmailEvent(
      world,
      sesEvent('Bounce', email, { bounce: { bounceType: 'Transient', timestamp: '2025-02-08T08:00:05Z' } }),
    );

    expect(outcome).toMatchObject({ status: 'ignored' });
    expect(await world.store.listOpenTasks()).toHaveLength(0);
  });

  it('records a bounce that SNS delivers twice only once', async () => {
    const { first, email } = await sendOneLetterForTwoInvoices();
    vi.stubEnv('TABLE_NAME', world.tableName);
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', inject('dynamodbEndpoint'));
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    // The same function reads debtors' replies, which may hold a debtor's dunning: it is configured
    // for those at cold start too, as the stack configures it.
    vi.stubEnv('DUNNING_STATE_MACHINE_ARN', 'arn:aws:states:eu-west-1:000000000000:stateMachine:Dunning');
    vi.stubEnv('REPLY_MAIL_BUCKET', 'reply-mail');
    vi.stubEnv('REPLY_TO_EMAIL', 'debiteuren@voorbeeld.example');
    const { handler } = await import('../../../functions/handlers/record-email-event');
    const message = JSON.stringify({
      eventType: 'Bounce',
      mail: {
        messageId: email.messageId,
        timestamp: '2025-02-08T08:00:01Z',
        tags: Object.fromEntries(Object.entries(email.tags ?? {}).map(([name, value]) => [name, [value]])),
      },
      ...permanentBounce,
    });
    const snsEvent = {
      Records: [{ EventSource: 'aws:sns', Sns: { MessageId: 'sns-1', Message: message } }],
    } as unknown as SNSEvent;
    const context = { functionName: 'record-email-event', awsRequestId: 'request-1' } as Context;

    await handler(snsEvent, context);
    await handler(snsEvent, context);

    expect(await world.store.listOpenTasks()).toHaveLength(2);
    const bounced = (await world.timeline(first.id)).filter((event) => event.type === 'email_bounced');
    expect(bounced).toHaveLength(1);
  });
});

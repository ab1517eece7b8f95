import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import {
  CreateTopicCommand,
  ListSubscriptionsCommand,
  ListTopicsCommand,
  NotFoundException,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { close, listen, localUrl } from '../../local/ports';
import { type PublishedMessage, type SnsServer, startSnsServer } from '../../local/sns/sns-server';

const VIRTUAL_NOW = new Date('2031-03-14T09:30:00.000Z');

describe('local SNS server', () => {
  let sns: SnsServer;
  let client: SNSClient;

  beforeAll(async () => {
    sns = await startSnsServer({ region: 'eu-west-1', accountId: '123456789012', now: () => VIRTUAL_NOW });
    client = new SNSClient({
      endpoint: sns.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await sns.stop();
  });

  beforeEach(async () => {
    await fetch(`${sns.url}/messages`, { method: 'DELETE' });
  });

  async function messagesOf(topic?: string): Promise<PublishedMessage[]> {
    const query = topic === undefined ? '' : `?topic=${encodeURIComponent(topic)}`;
    return (await fetch(`${sns.url}/messages${query}`)).json() as Promise<PublishedMessage[]>;
  }

  it('creates a topic once per name and lists it with its ARN', async () => {
    const first = await client.send(new CreateTopicCommand({ Name: 'call-tasks' }));
    const again = await client.send(new CreateTopicCommand({ Name: 'call-tasks' }));
    await client.send(new CreateTopicCommand({ Name: 'account-managers' }));

    expect(first.TopicArn).toBe('arn:aws:sns:eu-west-1:123456789012:call-tasks');
    expect(again.TopicArn).toBe(first.TopicArn);
    const listed = (await client.send(new ListTopicsCommand({}))).Topics?.map((t) => t.TopicArn);
    expect(listed).toContain('arn:aws:sns:eu-west-1:123456789012:account-managers');
    expect(listed?.filter((arn) => arn === first.TopicArn)).toHaveLength(1);
  });

  it('shows a message published to a known topic in GET /messages with its subject, attributes and clock time', async () => {
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name: 'collection-agency' }));

    const { MessageId } = await client.send(
      new PublishCommand({
        TopicArn,
        Subject: 'Hand-over INV-2031-0042',
        Message: JSON.stringify({ invoiceId: 'INV-2031-0042', amountCents: 125_000 }),
        MessageAttributes: {
          eventType: { DataType: 'String', StringValue: 'collection.handover' },
          amountCents: { DataType: 'Number', StringValue: '125000' },
        },
      }),
    );

    expect(MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await messagesOf('collection-agency')).toEqual([
      {
        messageId: MessageId,
        topicArn: TopicArn,
        topicName: 'collection-agency',
        subject: 'Hand-over INV-2031-0042',
        message: '{"invoiceId":"INV-2031-0042","amountCents":125000}',
        messageAttributes: {
          eventType: { dataType: 'String', stringValue: 'collection.handover' },
          amountCents: { dataType: 'Number', stringValue: '125000' },
        },
        publishedAt: VIRTUAL_NOW.toISOString(),
      },
    ]);
    expect(sns.messages().map((m) => m.messageId)).toEqual([MessageId]);
  });

  it('lists messages oldest first and filters them by topic name', async () => {
    const { TopicArn: tasks } = await client.send(new CreateTopicCommand({ Name: 'call-tasks' }));
    const { TopicArn: managers } = await client.send(new CreateTopicCommand({ Name: 'account-managers' }));

    await client.send(new PublishCommand({ TopicArn: tasks, Message: 'first' }));
    await client.send(new PublishCommand({ TopicArn: managers, Message: 'second' }));
    await client.send(new PublishCommand({ TopicArn: tasks, Message: 'third' }));

    expect((await messagesOf()).map((m) => m.message)).toEqual(['first', 'second', 'third']);
    expect((await messagesOf('call-tasks')).map((m) => m.message)).toEqual(['first', 'third']);
  });

  it('refuses to publish to an unknown topic with NotFoundException and records nothing', async () => {
    const publish = client.send(
      new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:123456789012:no-such-topic', Message: 'lost' }),
    );

    await expect(publish).rejects.toBeInstanceOf(NotFoundException);
    await expect(publish).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Topic does not exist',
      $metadata: { httpStatusCode: 404 },
    });
    expect(await messagesOf()).toEqual([]);
  });

  it('rejects a subject that AWS would reject, so the mistake shows up locally', async () => {
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name: 'call-tasks' }));

    await expect(
      client.send(new PublishCommand({ TopicArn, Subject: 'line one\nline two', Message: 'x' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      client.send(new PublishCommand({ TopicArn, Subject: 'x'.repeat(101), Message: 'x' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('shows a text published to a phone number at /messages with that number, with its sender and type', async () => {
    const { MessageId } = await client.send(
      new PublishCommand({
        PhoneNumber: '+31612345678',
        Message: 'Voorbeeld: factuur 2026-001 staat nog open.',
        MessageAttributes: {
          'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'Voorbeeld' },
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      }),
    );

    const texts = (await (
      await fetch(`${sns.url}/messages?phoneNumber=${encodeURIComponent('+31612345678')}`)
    ).json()) as { messageId: string; phoneNumber: string; message: string; publishedAt: string }[];
    expect(texts).toEqual([
      expect.objectContaining({
        messageId: MessageId,
        phoneNumber: '+31612345678',
        message: 'Voorbeeld: factuur 2026-001 staat nog open.',
        publishedAt: VIRTUAL_NOW.toISOString(),
      }),
    ]);
    expect(sns.texts()[0]?.messageAttributes['AWS.SNS.SMS.SMSType']?.stringValue).toBe('Transactional');
    expect(await messagesOf()).toEqual([]);
  });

  it('refuses a text to a number not in E.164 and a sender id SNS would refuse', async () => {
    await expect(
      client.send(new PublishCommand({ PhoneNumber: '0612345678', Message: 'hello' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      client.send(
        new PublishCommand({
          PhoneNumber: '+31612345678',
          Message: 'hello',
          MessageAttributes: {
            'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'Voorbeeld Groothandel' },
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    expect(sns.texts()).toEqual([]);
  });

  it('answers an action it does not implement with InvalidAction instead of pretending to succeed', async () => {
    const response = await fetch(sns.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetTopicAttributes&Version=2010-03-31&TopicArn=x',
    });

    expect(response.status).toBe(400);
    const xml = await response.text();
    expect(xml).toContain('<Code>InvalidAction</Code>');
    expect(xml).toContain('<Type>Sender</Type>');
  });

  it('delivers each later publish to an http subscriber as an SNS notification envelope', async () => {
    const subscriber = await startSubscriber();
    try {
      const { TopicArn } = await client.send(new CreateTopicCommand({ Name: 'call-tasks' }));
      const { SubscriptionArn } = await client.send(
        new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: `${subscriber.url}/sns` }),
      );

      const { MessageId } = await client.send(
        new PublishCommand({
          TopicArn,
          Subject: 'Call debtor D-17',
          Message: 'Please call about INV-9',
          MessageAttributes: { priority: { DataType: 'String', StringValue: 'high' } },
        }),
      );
      const delivery = await subscriber.next;
      const { Subscriptions } = await client.send(new ListSubscriptionsCommand({}));

      expect(Subscriptions).toContainEqual({
        SubscriptionArn,
        TopicArn,
        Protocol: 'http',
        Endpoint: `${subscriber.url}/sns`,
        Owner: '123456789012',
      });

      expect(delivery.path).toBe('/sns');
      expect(delivery.headers['x-amz-sns-message-type']).toBe('Notification');
      expect(delivery.headers['x-amz-sns-subscription-arn']).toBe(SubscriptionArn);
      expect(JSON.parse(delivery.body)).toEqual({
        Type: 'Notification',
        MessageId,
        TopicArn,
        Subject: 'Call debtor D-17',
        Message: 'Please call about INV-9',
        Timestamp: VIRTUAL_NOW.toISOString(),
        MessageAttributes: { priority: { Type: 'String', Value: 'high' } },
      });
    } finally {
      await subscriber.stop();
    }
  });
});

interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An http endpoint that resolves `next` with the first request it receives. */
async function startSubscriber(): Promise<{ url: string; next: Promise<Delivery>; stop(): Promise<void> }> {
  let received: (delivery: Delivery) => void = () => {};
  const next = new Promise<Delivery>((resolve) => {
    received = resolve;
  });
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      response.end();
      received({ path: request.url ?? '', headers: request.headers, body });
    });
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: localUrl('127.0.0.1', port), next, stop: () => close(server) };
}

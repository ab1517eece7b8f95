import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { asciiSubject, SnsNotifier, topicEnvName } from '../../../functions/adapters/sns/sns-notifier';

const sns = mockClient(SNSClient);
const topicArn = 'arn:aws:sns:eu-west-1:000000000000:call-tasks';

describe('publishing notifications through SNS', () => {
  beforeEach(() => {
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
  });

  it('finds each topic’s ARN in the variable the stack sets for it', () => {
    expect(topicEnvName('call-tasks')).toBe('CALL_TASKS_TOPIC_ARN');
    expect(topicEnvName('collection-agency')).toBe('COLLECTION_AGENCY_TOPIC_ARN');
  });

  it('publishes a JSON message to the topic with an SNS-safe subject that still reads the amount', async () => {
    const notifier = new SnsNotifier(new SNSClient({ region: 'eu-west-1' }), {
      CALL_TASKS_TOPIC_ARN: topicArn,
    });

    const published = await notifier.publish({
      topic: 'call-tasks',
      subject: 'Call task: invoice 2025-001 – € 1.000',
      message: { taskId: 'call--invoice-1--1' },
      attributes: { kind: 'call' },
    });

    expect(published).toEqual({ messageId: 'sns-1' });
    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input).toEqual({
      TopicArn: topicArn,
      Subject: 'Call task: invoice 2025-001 - EUR 1.000',
      Message: '{"taskId":"call--invoice-1--1"}',
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'call' } },
    });
  });

  it('writes an SNS subject in ASCII a person still reads: the euro sign, spaces and accents', () => {
    expect(asciiSubject('Actie gevraagd: Café Zoë betaalt niet (€\u00a05.822,24 open)')).toBe(
      'Actie gevraagd: Cafe Zoe betaalt niet (EUR 5.822,24 open)',
    );
    expect(asciiSubject('Action needed: Harbour Supplies Ltd does not pay (€900.00 open)')).toBe(
      'Action needed: Harbour Supplies Ltd does not pay (EUR 900.00 open)',
    );
    expect(asciiSubject('a'.repeat(120))).toHaveLength(100);
    expect(asciiSubject('line\nbreak')).toBe('line?break');
  });

  it('refuses a topic the function was not granted, naming the missing variable', async () => {
    const notifier = new SnsNotifier(new SNSClient({ region: 'eu-west-1' }), {});

    await expect(
      notifier.publish({ topic: 'collection-agency', subject: 's', message: 'm' }),
    ).rejects.toThrow('COLLECTION_AGENCY_TOPIC_ARN is not set');
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });
});

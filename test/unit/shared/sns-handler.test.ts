import type { SNSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { logger, metrics } from '../../../functions/shared/observability';
import { snsHandler } from '../../../functions/shared/sns/sns-handler';
import { lambdaContext } from '../../../local/api/lambda-context';

const greeting = z.object({ id: z.string(), text: z.string() });

function snsEvent(...messages: string[]): SNSEvent {
  return {
    Records: messages.map((message, index) => ({ Sns: { MessageId: `sns-${index}`, Message: message } })),
  } as unknown as SNSEvent;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('snsHandler', () => {
  it('hands the use case each message that fits, and drops with a warning one that does not', async () => {
    const warned = vi.spyOn(logger, 'warn');
    const handle = vi.fn(async () => 'recorded');
    const handler = snsHandler({ message: greeting, logKeys: (m) => ({ greetingId: m.id }), handle });

    await handler(
      snsEvent(JSON.stringify({ id: 'g-1', text: 'hallo' }), 'not json', JSON.stringify({ id: 'g-2' })),
      lambdaContext('greet'),
    );

    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle).toHaveBeenCalledWith({ id: 'g-1', text: 'hallo' }, expect.anything());
    expect(warned).toHaveBeenCalledTimes(2);
    expect(warned).toHaveBeenCalledWith(expect.any(String), { snsMessageId: 'sns-1' });
  });

  it('counts an outcome as the subscriber says, by its dimension', async () => {
    const handler = snsHandler({
      message: greeting,
      logKeys: (m) => ({ greetingId: m.id }),
      handle: async () => 'recorded',
      metric: (m, outcome) =>
        outcome === 'recorded'
          ? { name: 'Greetings', dimension: { name: 'text', value: m.text } }
          : undefined,
    });
    const single = { addDimension: vi.fn(), addMetric: vi.fn() };
    vi.spyOn(metrics, 'singleMetric').mockReturnValue(single as never);

    await handler(snsEvent(JSON.stringify({ id: 'g-1', text: 'hallo' })), lambdaContext('greet'));

    expect(single.addDimension).toHaveBeenCalledWith('text', 'hallo');
    expect(single.addMetric).toHaveBeenCalledWith('Greetings', 'Count', 1);
  });

  it('fails the invocation on a fault of the use case, so that SNS delivers the message again', async () => {
    const handler = snsHandler({
      message: greeting,
      logKeys: (m) => ({ greetingId: m.id }),
      handle: async () => {
        throw new Error('ProvisionedThroughputExceededException');
      },
    });

    await expect(
      handler(snsEvent(JSON.stringify({ id: 'g-1', text: 'hallo' })), lambdaContext('greet')),
    ).rejects.toThrow('ProvisionedThroughputExceededException');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger, metrics } from '../../../functions/shared/observability';
import { STEPS_DEFERRED_METRIC, stepHandler } from '../../../functions/shared/step/step-handler';
import { StepDeferredError } from '../../../functions/use-cases/steps/step-deferred';
import { stepPayloadSchema } from '../../../functions/use-cases/steps/step-payload';
import { lambdaContext } from '../../../local/api/lambda-context';

const payload = { invoiceId: 'INV-1', execution: 'INV-1-1', step: 'firstReminder' };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('stepHandler', () => {
  it('hands the use case the checked payload, puts its ids on the log lines and counts what it did', async () => {
    const appended = vi.spyOn(logger, 'appendKeys');
    const counted = vi.spyOn(metrics, 'addMetric');
    const useCase = vi.fn(async () => ({ status: 'sent' as const }));
    const handler = stepHandler(stepPayloadSchema, useCase);

    const outcome = await handler({ ...payload, extra: 'ignored' }, lambdaContext('send-dunning-letter'));

    expect(outcome).toEqual({ status: 'sent' });
    expect(useCase).toHaveBeenCalledWith(payload, expect.anything());
    expect(appended).toHaveBeenCalledWith(payload);
    expect(counted).toHaveBeenCalledWith('RemindersSent', 'Count', 1);
  });

  it('counts a skip by its reason, not as work done', async () => {
    const counted = vi.spyOn(metrics, 'addMetric');
    const handler = stepHandler(stepPayloadSchema, async () => ({ status: 'skipped', skip: 'settled' }));

    await handler(payload, lambdaContext('send-dunning-letter'));

    expect(counted).not.toHaveBeenCalledWith('RemindersSent', 'Count', 1);
  });

  it('throws on a payload the state machine would never send, without running the use case', async () => {
    const useCase = vi.fn(async () => ({ status: 'sent' }));
    const handler = stepHandler(stepPayloadSchema, useCase);

    await expect(
      handler({ invoiceId: 'INV-1', step: 'firstReminder' }, lambdaContext('send-dunning-letter')),
    ).rejects.toThrow(/execution/);
    expect(useCase).not.toHaveBeenCalled();
  });
});

describe('stepHandler and a step deferred to the next day', () => {
  it('counts the deferral under the function’s name, written out before the invocation fails, and rethrows it for the ASL', async () => {
    // The EMF document each single metric writes out (metrics print nothing in the tests).
    const documents: unknown[] = [];
    const singleMetric = metrics.singleMetric.bind(metrics);
    vi.spyOn(metrics, 'singleMetric').mockImplementation(() => {
      const single = singleMetric();
      const serialize = single.serializeMetrics.bind(single);
      vi.spyOn(single, 'publishStoredMetrics').mockImplementation(() => {
        documents.push(serialize());
        return single;
      });
      return single;
    });
    const deferral = new StepDeferredError('the debtor’s letter of the day went out without this invoice');
    const handler = stepHandler(stepPayloadSchema, async () => {
      throw deferral;
    });

    await expect(handler(payload, lambdaContext('send-dunning-letter'))).rejects.toBe(deferral);

    expect(documents).toEqual([
      expect.objectContaining({
        [STEPS_DEFERRED_METRIC]: 1,
        function: 'credit-control-local-send-dunning-letter',
        service: 'credit-control',
        _aws: expect.objectContaining({
          CloudWatchMetrics: [
            expect.objectContaining({
              Namespace: 'CreditControl',
              Dimensions: [expect.arrayContaining(['service', 'stage', 'function'])],
            }),
          ],
        }),
      }),
    ]);
  });

  it('counts no deferral for a fault', async () => {
    const single = vi.spyOn(metrics, 'singleMetric');
    const handler = stepHandler(stepPayloadSchema, async () => {
      throw new Error('ProvisionedThroughputExceededException');
    });

    await expect(handler(payload, lambdaContext('send-dunning-letter'))).rejects.toThrow(
      'ProvisionedThroughputExceededException',
    );
    expect(single).not.toHaveBeenCalled();
  });
});

describe('stepHandler and an execution that resumes at a later step', () => {
  it('leaves the first step to the resumed execution: throws the branch the ASL catches, without running the use case', async () => {
    const useCase = vi.fn(async () => ({ status: 'sent' }));
    const handler = stepHandler(stepPayloadSchema, useCase);

    await expect(
      handler({ ...payload, resumeAt: 'secondReminder' }, lambdaContext('send-dunning-letter')),
    ).rejects.toMatchObject({ name: 'ResumesLaterError', resumeAt: 'secondReminder' });
    expect(useCase).not.toHaveBeenCalled();
  });

  it('runs the step of an execution that resumes at that very step', async () => {
    const useCase = vi.fn(async () => ({ status: 'sent' }));
    const handler = stepHandler(stepPayloadSchema, useCase);

    await handler({ ...payload, resumeAt: 'firstReminder' }, lambdaContext('send-dunning-letter'));

    expect(useCase).toHaveBeenCalled();
  });
});

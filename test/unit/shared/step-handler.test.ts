import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger, metrics } from '../../../functions/shared/observability';
import { stepHandler } from '../../../functions/shared/step/step-handler';
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

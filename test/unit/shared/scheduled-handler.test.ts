import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger, metrics } from '../../../functions/shared/observability';
import { scheduledHandler } from '../../../functions/shared/schedule/scheduled-handler';
import { lambdaContext } from '../../../local/api/lambda-context';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('scheduledHandler', () => {
  it('runs the job, counts its figures and logs what failed', async () => {
    const counted = vi.spyOn(metrics, 'addMetric');
    const errors = vi.spyOn(logger, 'error');
    const handler = scheduledHandler(
      {
        job: 'sweep',
        summarize: (report: { started: number; failed: string[] }) => ({
          counts: { DunningStarted: report.started, SweepFailures: report.failed.length },
          failures: report.failed,
          details: { started: report.started },
        }),
      },
      async () => ({ started: 3, failed: ['INV-9'] }),
    );

    const report = await handler({ source: 'aws.scheduler' }, lambdaContext('sweep-due-invoices'));

    expect(report).toEqual({ started: 3, failed: ['INV-9'] });
    expect(counted).toHaveBeenCalledWith('DunningStarted', 'Count', 3);
    expect(counted).toHaveBeenCalledWith('SweepFailures', 'Count', 1);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('sweep'), { failed: ['INV-9'] });
  });
});

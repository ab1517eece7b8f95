import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { metrics } from '../../../functions/shared/observability';
import { invoiceCreated, newId, newInvoiceNumber } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor } from '../workflow/scenario';

// Monday 2 March 2026, 05:00 in Amsterdam: the day's sweep has not run yet.
const START = new Date('2026-03-02T04:00:00Z');

interface Published {
  name: string;
  unit: string;
  value: number;
  dimensions: Record<string, string>;
}

describe('the business metrics of the dashboard on the local cloud', () => {
  let h: CloudHarness;
  const published: Published[] = [];

  beforeAll(async () => {
    // The handlers run in this process: every single EMF metric they write is recorded here too.
    const singleMetric = metrics.singleMetric.bind(metrics);
    vi.spyOn(metrics, 'singleMetric').mockImplementation(() => {
      const single = singleMetric();
      const dimensions: Record<string, string> = {};
      const addDimension = single.addDimension.bind(single);
      const addMetric = single.addMetric.bind(single);
      single.addDimension = (name, value) => {
        dimensions[name] = value;
        return addDimension(name, value);
      };
      single.addMetric = (name, unit, value) => {
        published.push({ name, unit, value, dimensions: { ...dimensions } });
        return addMetric(name, unit, value);
      };
      return single;
    });
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const answer = await h.post(
      invoiceCreated({
        id: newId('inv'),
        number: newInvoiceNumber(),
        debtorId: debtor.id,
        totalAmount: 1_000_00,
        issueDate: '2026-02-01',
        dueDate: '2026-03-01',
      }),
    );
    expect(answer.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await h.stop();
  });

  it('publishes the overdue amount of the day the morning sweep closed, in cents per currency, and that the sweep completed', async () => {
    const counted = vi.spyOn(metrics, 'addMetric');
    // To Tuesday 07:00: the sweep of 06:00 closed Monday, when the invoice was a day overdue.
    await h.cloud.advance(26 * 3_600_000);

    const eur = { currency: 'EUR' };
    expect(published).toContainEqual({
      name: 'OverdueAmountCents',
      unit: 'None',
      value: 1_000_00,
      dimensions: eur,
    });
    expect(published).toContainEqual({
      name: 'AgingAmountCents',
      unit: 'None',
      value: 1_000_00,
      dimensions: { ...eur, bucket: '1-30' },
    });
    expect(counted).toHaveBeenCalledWith('SweepCompleted', 'Count', 1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueInvoices, dyingAfter, executionsPerInvoice, fannedOut } from './fanned-out-world';

describe('the fanned-out daily sweep, for any book, cut and death', () => {
  it('gives every due invoice exactly one execution after a sweep that died anywhere and ran again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          invoices: fc.integer({ min: 0, max: 30 }),
          rangeSize: fc.integer({ min: 1, max: 12 }),
          pageSize: fc.integer({ min: 1, max: 5 }),
          workers: fc.integer({ min: 1, max: 4 }),
          diesAfter: fc.integer({ min: 0, max: 12 }),
        }),
        async ({ invoices, rangeSize, pageSize, workers, diesAfter }) => {
          const world = await dueInvoices(invoices);
          const options = { restoreLimit: 3, pageSize, concurrency: 2, rangeSize };
          await fannedOut({ ...world.deps, store: dyingAfter(world.store, diesAfter) }, options, workers);

          const again = await fannedOut(world.deps, options, workers);

          expect(again.finish?.complete).toBe(true);
          expect(executionsPerInvoice(world)).toEqual(world.ids.map(() => 1));
        },
      ),
      { numRuns: 60 },
    );
  });
});

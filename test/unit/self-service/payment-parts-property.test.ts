import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPayment } from '../../../functions/core/self-service/payment-parts';

const asked = fc.array(fc.record({ invoiceId: fc.uuid(), amount: fc.integer({ min: 0, max: 10_000_000 }) }), {
  minLength: 1,
  maxLength: 8,
});

describe('a payment from the page, split over the chosen invoices', () => {
  it('pays exactly the amount, never more on an invoice than it asks, oldest first', () => {
    fc.assert(
      fc.property(
        asked,
        fc.integer({ min: 1, max: 80_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (parts, amount, minimum) => {
          const split = splitPayment(parts, amount, minimum);
          if (!split.valid) return;
          const paid = split.parts.reduce((sum, part) => sum + part.amount, 0);
          expect(paid).toBe(split.total);
          expect(paid).toBe(amount);
          const owed = parts.filter((part) => part.amount > 0);
          split.parts.forEach((part, index) => {
            expect(part.invoiceId).toBe(owed[index]?.invoiceId);
            expect(part.amount).toBeGreaterThan(0);
            expect(part.amount).toBeLessThanOrEqual(owed[index]!.amount);
            // Every invoice before the last one paid is paid in full.
            if (index < split.parts.length - 1) expect(part.amount).toBe(owed[index]!.amount);
          });
        },
      ),
    );
  });
});

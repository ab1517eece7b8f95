import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { claimPaidOn, paidOn } from '../../../functions/core/ledger/invoice-money';
import { paymentReferenceFromId } from '../../../functions/core/payments/payment-reference';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2025-04-10T10:00:00Z');

describe("a payment quoting a letter's own reference", () => {
  it('pays the invoices the letter listed oldest first, costs and interest before principal, and keeps the books balanced', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            principal: fc.integer({ min: 1_00, max: 2_000_00 }),
            costs: fc.integer({ min: 0, max: 300_00 }),
            interest: fc.integer({ min: 0, max: 300_00 }),
          }),
          { minLength: 2, maxLength: 4 },
        ),
        fc.array(fc.integer({ min: 1, max: 3_000_00 }), { minLength: 1, maxLength: 4 }),
        async (claims, payments) => {
          const store = new InMemoryCreditStore();
          const deps = {
            store,
            workflow: new RecordingWorkflow(),
            clock: { now: () => NOW },
            referenceScheme: 'rf' as const,
          };
          const deliver = (event: unknown) =>
            receiveDelivery(deps, { id: newId('msg'), event: webhookEvent.parse(event) });
          const debtorId = newId('deb');
          await deliver(debtorUpserted({ id: debtorId }));
          // Listed newest first: the matching must put them in order of age itself.
          const ids: string[] = [];
          for (const [index, claim] of claims.entries()) {
            const id = newId('inv');
            ids.push(id);
            const dueDate = `2025-02-${String(20 - index).padStart(2, '0')}`;
            await deliver(invoiceCreated({ id, debtorId, dueDate, totalAmount: claim.principal }));
            const created = (await store.getInvoice(id))!;
            await store.commit([
              {
                kind: 'putInvoice',
                invoice: {
                  ...created,
                  claimDue: { costs: claim.costs, interest: claim.interest, askedOn: '2025-04-01' },
                  version: created.version + 1,
                },
                expectedVersion: created.version,
              },
            ]);
          }
          const reference = paymentReferenceFromId(newId('letter'), 1).electronic;
          const letter = { debtorId, slot: 'finalNotice', currency: 'EUR', day: '2025-04-01' };
          await store.commit([{ kind: 'putLetterReference', reference, letter, invoiceIds: ids }]);

          for (const amount of payments) {
            await deliver(paymentReceived({ reference }, { amount, receivedAt: NOW.toISOString() }));
          }

          const invoices = await Promise.all(ids.map(async (id) => (await store.getInvoice(id))!));
          const credit = (await store.getDebtor(debtorId))?.credits.EUR ?? 0;
          const received = payments.reduce((a, b) => a + b, 0);
          const held = invoices.reduce((sum, each) => sum + paidOn(each) + claimPaidOn(each), 0);
          expect(held + credit).toBe(received);
          // Oldest first: the last one listed is the oldest. An invoice took money only when every
          // older one was settled, costs and interest included.
          const byAge = [...invoices].reverse();
          for (const [index, invoice] of byAge.entries()) {
            // Costs and interest before principal: the principal took nothing while they were due.
            if (paidOn(invoice) > 0) expect(invoice.claimDue).toMatchObject({ costs: 0, interest: 0 });
            if (paidOn(invoice) + claimPaidOn(invoice) === 0) continue;
            for (const older of byAge.slice(0, index)) {
              expect(older.openAmount).toBe(0);
              expect(older.status).toBe('paid');
            }
          }
          if (credit > 0) expect(invoices.every((each) => each.status === 'paid')).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

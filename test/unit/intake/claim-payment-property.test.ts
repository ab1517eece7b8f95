import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyWebhookEvent } from '../../../functions/api/schemas/agency-schemas';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { claimPaidOn, paidOn } from '../../../functions/core/ledger/invoice-money';
import { applyPayment } from '../../../functions/core/legal/payment-application';
import { openAgencyClaim } from '../../../functions/use-cases/collection-agency/hand-over-claim';
import { receiveAgencyDelivery } from '../../../functions/use-cases/collection-agency/receive-agency-event';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import type { InvoiceRecord } from '../../../functions/ports/credit-store';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2025-04-10T10:00:00Z');
const cents = (max: number) => fc.integer({ min: 0, max });

interface Claim {
  principal: number;
  costs: number;
  interest: number;
}

/**
 * One debtor with one invoice of `claim.principal` due 28 February, whose letter demanded the
 * claim's costs and interest (as a final notice leaves it), and `more` of the invoice's state.
 */
async function claimOnFile(claim: Claim, more: Partial<InvoiceRecord> = {}) {
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
  const invoiceId = newId('inv');
  await deliver(debtorUpserted({ id: debtorId }));
  await deliver(
    invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28', totalAmount: claim.principal }),
  );
  const created = (await store.getInvoice(invoiceId))!;
  await store.commit([
    {
      kind: 'putInvoice',
      invoice: {
        ...created,
        ...more,
        claimDue: { costs: claim.costs, interest: claim.interest, askedOn: '2025-04-01' },
        version: created.version + 1,
      },
      expectedVersion: created.version,
    },
  ]);
  return { store, deps, deliver, debtorId, invoiceId };
}

describe('a payment on a claim goes to costs, then interest, then principal (art. 6:44 BW)', () => {
  it('splits every payment into parts that add up to it, in that order', () => {
    fc.assert(
      fc.property(
        cents(100_000_00),
        cents(10_000_00),
        cents(10_000_00),
        cents(100_000_00),
        (amount, costs, interest, principal) => {
          const applied = applyPayment(amount, { costs, interest, principal });
          expect(applied.costs + applied.interest + applied.principal + applied.rest).toBe(amount);
          if (applied.interest > 0) expect(applied.costs).toBe(costs);
          if (applied.principal > 0) expect([applied.costs, applied.interest]).toEqual([costs, interest]);
          if (applied.rest > 0) expect(applied.principal).toBe(principal);
        },
      ),
    );
  });

  it('keeps the books balanced when an invoice whose letter demanded costs and interest is paid in parts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          principal: fc.integer({ min: 1_00, max: 5_000_00 }),
          costs: cents(500_00),
          interest: cents(500_00),
        }),
        fc.array(fc.integer({ min: 1, max: 3_000_00 }), { minLength: 1, maxLength: 6 }),
        async (claim, payments) => {
          // As a final notice demanding the total claim leaves it.
          const { store, deliver, debtorId, invoiceId } = await claimOnFile(claim);

          let due = { costs: claim.costs, interest: claim.interest, principal: claim.principal };
          for (const amount of payments) {
            await deliver(paymentReceived({ invoiceId }, { amount, receivedAt: NOW.toISOString() }));
            const expected = applyPayment(amount, due);
            due = {
              costs: due.costs - expected.costs,
              interest: due.interest - expected.interest,
              principal: due.principal - expected.principal,
            };
          }

          const invoice = (await store.getInvoice(invoiceId))!;
          const credit = (await store.getDebtor(debtorId))?.credits.EUR ?? 0;
          const received = payments.reduce((a, b) => a + b, 0);
          expect(paidOn(invoice) + claimPaidOn(invoice) + credit).toBe(received);
          expect(invoice.openAmount).toBe(due.principal);
          expect(invoice.claimDue).toMatchObject({ costs: due.costs, interest: due.interest });
          expect(invoice.status).toBe(due.principal === 0 ? 'paid' : 'overdue');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the books balanced when the agency collects on the claim beside payments to us: its fee is not money applied', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          principal: fc.integer({ min: 1_00, max: 5_000_00 }),
          costs: cents(500_00),
          interest: cents(500_00),
        }),
        fc.array(
          fc.record({
            by: fc.constantFrom('debtor' as const, 'agency' as const),
            amount: fc.integer({ min: 1, max: 3_000_00 }),
            feePercent: fc.integer({ min: 0, max: 30 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (claim, receipts) => {
          // As the hand-over leaves it: at the agency, with the final notice's costs and interest due.
          const { store, deps, deliver, debtorId, invoiceId } = await claimOnFile(claim, {
            status: 'in_collection',
            agencyStatus: 'handed_over',
          });
          await openAgencyClaim(store, (await store.getInvoice(invoiceId))!, '2025-04-10', NOW);

          let due = { costs: claim.costs, interest: claim.interest, principal: claim.principal };
          let sequence = 0;
          const fees: number[] = [];
          for (const receipt of receipts) {
            if (receipt.by === 'agency') {
              const fee = Math.floor((receipt.amount * receipt.feePercent) / 100);
              fees.push(fee);
              const event = agencyWebhookEvent.parse({
                type: 'claim.payment_collected',
                occurredAt: NOW.toISOString(),
                sequence: ++sequence,
                data: { claimId: invoiceId, amount: receipt.amount, fee, currency: 'EUR' },
              });
              expect((await receiveAgencyDelivery(deps, { id: newId('agency'), event })).status).toBe(200);
            } else {
              await deliver(
                paymentReceived({ invoiceId }, { amount: receipt.amount, receivedAt: NOW.toISOString() }),
              );
            }
            const expected = applyPayment(receipt.amount, due);
            due = {
              costs: due.costs - expected.costs,
              interest: due.interest - expected.interest,
              principal: due.principal - expected.principal,
            };
          }

          const invoice = (await store.getInvoice(invoiceId))!;
          const credit = (await store.getDebtor(debtorId))?.credits.EUR ?? 0;
          const received = receipts.reduce((sum, receipt) => sum + receipt.amount, 0);
          expect(paidOn(invoice) + claimPaidOn(invoice) + credit).toBe(received);
          expect(invoice.openAmount).toBe(due.principal);
          expect(invoice.claimDue).toMatchObject({ costs: due.costs, interest: due.interest });
          const atAgency = (await store.getAgencyClaim(invoiceId))!;
          const collected = receipts.filter((receipt) => receipt.by === 'agency');
          expect(atAgency.collected).toBe(collected.reduce((sum, receipt) => sum + receipt.amount, 0));
          expect(atAgency.fees).toBe(fees.reduce((a, b) => a + b, 0));
        },
      ),
      { numRuns: 60 },
    );
  });
});

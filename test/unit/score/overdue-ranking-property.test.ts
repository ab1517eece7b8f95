import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { addDays } from '../../../functions/core/calendar/calendar-date';
import { revised } from '../../../functions/use-cases/record-versions';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { writeOffInvoice } from '../../../functions/use-cases/special/write-off';
import { sweepDueInvoices } from '../../../functions/use-cases/sweep/due-invoice-sweep';
import {
  creditNoteCreated,
  debtorUpserted,
  invoiceCancelled,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const DAY_MS = 86_400_000;
const FIRST_DAY = '2025-04-01';
const CURRENCIES = ['EUR', 'USD'] as const;

/** One thing that happens to the portfolio; invoices are named by their place in creation order. */
type Fact =
  | { kind: 'invoice'; debtor: number; currency: 0 | 1; dueIn: number; amount: number }
  | { kind: 'nextDay' }
  | { kind: 'payment'; invoice: number; amount: number }
  | { kind: 'creditNote'; invoice: number; amount: number }
  | { kind: 'cancel'; invoice: number }
  | { kind: 'writeOff'; invoice: number; share: number }
  | { kind: 'handOver'; invoice: number };

const fact: fc.Arbitrary<Fact> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('invoice' as const),
      debtor: fc.integer({ min: 0, max: 2 }),
      currency: fc.constantFrom(0 as const, 1 as const),
      dueIn: fc.integer({ min: -6, max: 1 }),
      amount: fc.integer({ min: 1_00, max: 5_000_00 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
  fc.record({
    kind: fc.constant('payment' as const),
    invoice: fc.nat(9),
    amount: fc.integer({ min: 1, max: 6_000_00 }),
  }),
  fc.record({
    kind: fc.constant('creditNote' as const),
    invoice: fc.nat(9),
    amount: fc.integer({ min: 1, max: 3_000_00 }),
  }),
  fc.record({ kind: fc.constant('cancel' as const), invoice: fc.nat(9) }),
  fc.record({
    kind: fc.constant('writeOff' as const),
    invoice: fc.nat(9),
    share: fc.double({ min: 0.1, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('handOver' as const), invoice: fc.nat(9) }),
);

describe("the overdue ranking keeps each debtor's overdue amount exactly", () => {
  it('ranks every debtor with the sum of the open amounts of its overdue invoices, after any history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fact, { minLength: 1, maxLength: 40 }), async (facts) => {
        let now = new Date(`${FIRST_DAY}T08:00:00Z`);
        const store = new InMemoryCreditStore();
        const deps = {
          store,
          workflow: new RecordingWorkflow(),
          clock: { now: () => now },
          referenceScheme: 'rf' as const,
        };
        const deliver = (event: unknown) =>
          receiveDelivery(deps, { id: newId('msg'), event: webhookEvent.parse(event) });
        const debtors = [newId('deb'), newId('deb'), newId('deb')];
        for (const id of debtors) await deliver(debtorUpserted({ id }));
        const invoices: string[] = [];
        let day = FIRST_DAY;

        for (const f of facts) {
          const invoiceId = 'invoice' in f ? invoices[f.invoice % Math.max(1, invoices.length)] : undefined;
          switch (f.kind) {
            case 'invoice': {
              const id = newId('inv');
              invoices.push(id);
              await deliver(
                invoiceCreated({
                  id,
                  debtorId: debtors[f.debtor] ?? '',
                  currency: CURRENCIES[f.currency],
                  dueDate: addDays(day, f.dueIn),
                  issueDate: addDays(day, -30),
                  totalAmount: f.amount,
                }),
              );
              break;
            }
            case 'nextDay':
              now = new Date(now.getTime() + DAY_MS);
              day = addDays(day, 1);
              await sweepDueInvoices(deps);
              break;
            case 'payment':
            case 'creditNote': {
              const invoice = invoiceId ? await store.getInvoice(invoiceId) : undefined;
              if (!invoice) break;
              await deliver(
                f.kind === 'payment'
                  ? paymentReceived(
                      { invoiceId: invoice.id },
                      { amount: f.amount, currency: invoice.currency, receivedAt: now.toISOString() },
                    )
                  : creditNoteCreated({ invoiceId: invoice.id, amount: f.amount }),
              );
              break;
            }
            case 'cancel':
              if (invoiceId) await deliver(invoiceCancelled(invoiceId));
              break;
            case 'writeOff': {
              const invoice = invoiceId ? await store.getInvoice(invoiceId) : undefined;
              if (!invoice || invoice.openAmount <= 0 || !['open', 'overdue'].includes(invoice.status)) break;
              const amount = Math.max(1, Math.floor(invoice.openAmount * f.share));
              await writeOffInvoice(
                { ...deps, adminAbove: Number.MAX_SAFE_INTEGER, vatPeriod: 'quarter' },
                invoice.id,
                { reason: 'uncollectable', amount, by: 'user:manager', isAdmin: true },
              );
              break;
            }
            case 'handOver': {
              // What the agency step leaves: the invoice leaves our own collection.
              const invoice = invoiceId ? await store.getInvoice(invoiceId) : undefined;
              if (invoice?.status !== 'overdue') break;
              await store.commit([
                {
                  kind: 'putInvoice',
                  invoice: revised(invoice, { status: 'in_collection', closedAt: now.toISOString() }, now),
                  expectedVersion: invoice.version,
                },
              ]);
              break;
            }
          }
        }

        for (const currency of CURRENCIES) {
          const expected = new Map<string, number>();
          for await (const invoice of store.listInvoices()) {
            if (invoice.currency !== currency || invoice.status !== 'overdue' || invoice.openAmount <= 0)
              continue;
            expected.set(invoice.debtorId, (expected.get(invoice.debtorId) ?? 0) + invoice.openAmount);
          }
          const ranked = await store.listDebtorsByOverdue(currency, 10);
          expect(new Map(ranked.map((line) => [line.debtorId, line.overdue]))).toEqual(expected);
          const amounts = ranked.map((line) => line.overdue);
          expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
        }
      }),
      { numRuns: 60 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import type { CreditStore } from '../../../functions/ports/credit-store';
import { keepingLatestPolicies } from '../../../functions/use-cases/intake/kept-policies';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2025-03-10T10:00:00Z');
const TOTAL = 100_00;

/** When a payment on the invoice arrives, against the intake of the invoice itself. */
type When = 'before the invoice' | 'between its commit and its dunning' | 'after it';

describe('an invoice that arrives overdue gets exactly one execution, however payments interleave', () => {
  it('starts one execution for an invoice left open, none for one paid before its dunning starts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            when: fc.constantFrom<When>(
              'before the invoice',
              'between its commit and its dunning',
              'after it',
            ),
            amount: fc.integer({ min: 1, max: TOTAL }),
          }),
          { maxLength: 3 },
        ),
        fc.boolean(),
        async (payments, sentTwice) => {
          const store = new InMemoryCreditStore();
          for (const policy of SEED_POLICIES) await store.putPolicy(policy);
          const invoiceId = newId('inv');
          const pay = (amount: number) => deliver(paymentReceived({ invoiceId }, { amount }));
          let between = payments.filter((p) => p.when === 'between its commit and its dunning');
          // A payment that lands while the intake runs its follow-ups, after its commit.
          const racing = new Proxy(store, {
            get(target, property, receiver) {
              const value: unknown = Reflect.get(target, property, receiver);
              if (typeof value !== 'function') return value;
              const method = (value as (...args: unknown[]) => unknown).bind(target);
              if (property !== 'parked') return method;
              return async (subject: string) => {
                const now = between;
                between = [];
                for (const payment of now) await pay(payment.amount);
                return method(subject);
              };
            },
          }) as CreditStore;
          const workflow = new RecordingWorkflow();
          const clock = { now: () => NOW };
          const deps = {
            store: keepingLatestPolicies(racing, clock),
            workflow,
            clock,
            referenceScheme: 'rf' as const,
          };
          async function deliver(event: unknown) {
            return receiveDelivery(deps, { id: newId('msg'), event: webhookEvent.parse(event) });
          }
          const debtorId = newId('deb');
          await deliver(debtorUpserted({ id: debtorId }));
          for (const payment of payments.filter((p) => p.when === 'before the invoice'))
            await pay(payment.amount);
          const invoice = invoiceCreated({
            id: invoiceId,
            debtorId,
            dueDate: '2025-02-28',
            totalAmount: TOTAL,
          });
          await deliver(invoice);
          if (sentTwice) await deliver(invoice);
          const atStart = await store.getInvoice(invoiceId);
          for (const payment of payments.filter((p) => p.when === 'after it')) await pay(payment.amount);

          const paidBeforeStart = payments
            .filter((p) => p.when !== 'after it')
            .reduce((sum, p) => sum + p.amount, 0);
          const started = workflow.startedFor(invoiceId);
          expect(started).toHaveLength(paidBeforeStart >= TOTAL ? 0 : 1);
          if (started.length === 1) {
            expect(atStart).toMatchObject({
              status: 'overdue',
              openAmount: TOTAL - paidBeforeStart,
              dunning: { status: 'running', execution: started[0]?.execution },
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

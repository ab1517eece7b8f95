import { beforeEach, describe, expect, it } from 'vitest';
import { paymentReferenceForInvoice } from '../../../functions/core/payments/payment-reference';
import type { DebtorRecord } from '../../../functions/ports/credit-store';
import {
  type AccountManagerDeps,
  notifyAccountManager,
} from '../../../functions/use-cases/steps/notify-account-manager-step';
import { ALERT_DATA_MARKER } from '../../../functions/use-cases/messages/account-manager-alert';
import { type StepWorld, stepWorld } from './step-world';

/** The JSON part of an alert, after the text for a person. */
function alertData(message: unknown): Record<string, unknown> {
  const [, json] = String(message).split(ALERT_DATA_MARKER);
  return JSON.parse(json ?? '{}') as Record<string, unknown>;
}

describe('escalation to the account manager', () => {
  let world: StepWorld;
  let deps: AccountManagerDeps;
  let debtor: DebtorRecord;

  beforeEach(async () => {
    world = await stepWorld('2025-02-06T06:00:00Z');
    deps = world;
    debtor = await world.addDebtor({
      name: 'Bakkerij De Korenschoof B.V.',
      accountManager: { name: 'Sanne Bakker', email: 'sanne.bakker@voorbeeld.example' },
    });
  });

  async function addInvoiceNotYetDue(): Promise<void> {
    const at = world.clock.now().toISOString();
    await world.store.commit([
      {
        kind: 'putInvoice',
        expectedVersion: null,
        invoice: {
          id: 'invoice-not-due',
          number: '2025-900',
          debtorId: debtor.id,
          currency: 'EUR',
          totalAmount: 300_00,
          openAmount: 300_00,
          issueDate: '2025-03-01',
          dueDate: '2025-04-01',
          paymentReference: paymentReferenceForInvoice('2025-900').electronic,
          status: 'open',
          version: 1,
          createdAt: at,
          updatedAt: at,
        },
      },
    ]);
  }

  it('tells the account manager about the whole account and puts the debtor on credit hold', async () => {
    const invoice = await world.addDunnedInvoice(debtor, { number: '2025-400' });
    await addInvoiceNotYetDue();
    await world.advanceTo(invoice.id, 'accountManager');

    const outcome = await notifyAccountManager(deps, await world.payload(invoice.id, 'accountManager'));

    expect(outcome).toEqual({ status: 'done' });
    const [notice] = world.notifier.on('account-managers');
    expect(notice?.attributes).toMatchObject({
      kind: 'account_manager_escalation',
      accountManagerEmail: 'sanne.bakker@voorbeeld.example',
      debtorId: debtor.id,
    });
    expect(notice?.subject).toBe(
      'Actie gevraagd: Bakkerij De Korenschoof B.V. betaalt niet (€\u00a01.300,00 open)',
    );
    expect(alertData(notice?.message)).toMatchObject({
      debtor: { id: debtor.id, name: 'Bakkerij De Korenschoof B.V.' },
      accountManager: { name: 'Sanne Bakker', email: 'sanne.bakker@voorbeeld.example' },
      openBalance: [{ amount: 1_300_00, currency: 'EUR' }],
      overdueAmount: [{ amount: 1_000_00, currency: 'EUR' }],
      openInvoices: expect.arrayContaining([
        expect.objectContaining({ number: '2025-400', dueDate: '2025-02-05', daysOverdue: 30 }),
        expect.objectContaining({ number: '2025-900', daysOverdue: 0 }),
      ]),
      paymentBehaviour: { invoicesPaid: 0, invoicesPaidLate: 0, averageDaysLate: 0, escalations: 0 },
    });
    const held = await world.debtor(debtor.id);
    expect(held.creditHold).toBe(true);
    expect(held.behaviour.escalations).toBe(1);
    expect((await world.timeline(invoice.id)).map((event) => event.type)).toContain(
      'account_manager_notified',
    );
    const debtorTimeline = await world.store.timeline({ debtorId: debtor.id });
    expect(debtorTimeline.map((event) => event.type)).toEqual(['credit_hold_set']);
  });

  it('neither notifies again nor counts a second escalation when the workflow retries the step', async () => {
    const invoice = await world.addDunnedInvoice(debtor);
    await world.advanceTo(invoice.id, 'accountManager');
    const payload = await world.payload(invoice.id, 'accountManager');

    await notifyAccountManager(deps, payload);
    const retried = await notifyAccountManager(deps, payload);

    expect(retried).toMatchObject({ status: 'done', replayed: true });
    expect(world.notifier.on('account-managers')).toHaveLength(1);
    expect((await world.debtor(debtor.id)).behaviour.escalations).toBe(1);
  });

  it('sets the credit hold only once and sends one alert when a second invoice of the debtor escalates the same day', async () => {
    const first = await world.addDunnedInvoice(debtor);
    const second = await world.addDunnedInvoice(debtor);
    await world.advanceTo(first.id, 'accountManager');

    await notifyAccountManager(deps, await world.payload(first.id, 'accountManager'));
    await notifyAccountManager(deps, await world.payload(second.id, 'accountManager'));

    expect((await world.debtor(debtor.id)).behaviour.escalations).toBe(2);
    // Both reached the step the same day: one alert about the whole account.
    expect(world.notifier.on('account-managers')).toHaveLength(1);
    const secondTimeline = await world.timeline(second.id);
    expect(secondTimeline.find((event) => event.type === 'account_manager_notified')?.details).toMatchObject({
      alertSentFor: first.id,
    });
    const debtorTimeline = await world.store.timeline({ debtorId: debtor.id });
    expect(debtorTimeline.filter((event) => event.type === 'credit_hold_set')).toHaveLength(1);
  });
});

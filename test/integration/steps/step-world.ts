import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { installClock } from '../../../functions/adapters/clock/system-clock';
import { DynamoDbCreditStore } from '../../../functions/adapters/dynamodb/dynamodb-credit-store';
import { DUNNING_SLOTS, type DunningSlot } from '../../../functions/core/dunning/dunning-slot';
import { stoppedDunning } from '../../../functions/core/dunning/dunning-state';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import type { Debtor } from '../../../functions/core/ledger/debtor';
import type { Invoice } from '../../../functions/core/ledger/invoice';
import type { TimelineEvent } from '../../../functions/core/ledger/timeline';
import { paymentReferenceForInvoice } from '../../../functions/core/payments/payment-reference';
import type { DebtorRecord, InvoiceRecord } from '../../../functions/ports/credit-store';
import type { Mailer, OutgoingEmail } from '../../../functions/ports/mailer';
import type { Notification, Notifier } from '../../../functions/ports/notifier';
import { readCreditor } from '../../../functions/shared/creditor';
import { resumeSlotAfter, startDunning } from '../../../functions/use-cases/dunning/start-dunning';
import type { StepPayload } from '../../../functions/use-cases/steps/step-payload';
import { VirtualClock } from '../../../local/clock/virtual-clock';
import { ensureTable } from '../../../local/dynamodb/create-table';
import { RecordingWorkflow } from '../../support/recording-workflow';

/**
 * The world the dunning step tests run in: the real DynamoDB store on DynamoDB Local (a table of
 * its own per test file, seeded with the policies), a manual clock, and fakes of the ports that
 * leave the system: the mailer, the notifier and the workflow engine.
 */

/** A mailer that can be told to fail, the way SES throttles a burst of sends. */
class FakeMailer implements Mailer {
  readonly sent: (OutgoingEmail & { messageId: string })[] = [];
  private readonly failures: Error[] = [];

  failNext(times: number, name = 'ThrottlingException'): void {
    for (let i = 0; i < times; i++) {
      // As the SDK throws it: SES answered, so nothing was sent.
      this.failures.push(
        Object.assign(new Error('Maximum sending rate exceeded.'), {
          name,
          $metadata: { httpStatusCode: 429 },
        }),
      );
    }
  }

  private answersToLose = 0;

  /** The next email is accepted, but its answer never reaches the function (killed, or the connection dropped). */
  loseNextAnswer(): void {
    this.answersToLose += 1;
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    const messageId = `ses-message-${this.sent.length + 1}`;
    this.sent.push({ ...email, messageId });
    if (this.answersToLose > 0) {
      this.answersToLose -= 1;
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} });
    }
    return { messageId };
  }
}

class FakeNotifier implements Notifier {
  readonly published: Notification[] = [];

  async publish(notification: Notification): Promise<{ messageId: string }> {
    this.published.push(notification);
    return { messageId: `sns-message-${this.published.length}` };
  }

  on(topic: Notification['topic']): Notification[] {
    return this.published.filter((notification) => notification.topic === topic);
  }
}

export const TEST_CREDITOR = readCreditor({
  CREDITOR_NAME: 'Voorbeeld Groothandel B.V.',
  CREDITOR_IBAN: 'NL91 ABNA 0417 1643 00',
  CREDITOR_BIC: 'ABNANL2A',
  CREDITOR_EMAIL: 'debiteuren@voorbeeld.example',
  PAYMENT_REFERENCE_SCHEME: 'rf',
});

export interface StepWorld {
  tableName: string;
  store: DynamoDbCreditStore;
  clock: VirtualClock;
  mailer: FakeMailer;
  notifier: FakeNotifier;
  workflow: RecordingWorkflow;
  /** No real waiting while another execution sends a letter. */
  pause: (ms: number) => Promise<void>;
  addDebtor(overrides?: Partial<Debtor>): Promise<DebtorRecord>;
  /** Stores an overdue invoice and starts its dunning the way the daily sweep does. */
  addDunnedInvoice(debtor: DebtorRecord, overrides?: Partial<Invoice>): Promise<InvoiceRecord>;
  invoice(id: string): Promise<InvoiceRecord>;
  debtor(id: string): Promise<DebtorRecord>;
  timeline(invoiceId: string): Promise<TimelineEvent[]>;
  /** The payload the state machine passes to the task of `slot`, for the invoice's running execution. */
  payload(invoiceId: string, slot: DunningSlot): Promise<StepPayload>;
  /** Moves the clock to the moment the invoice's Wait for `slot` returns. */
  advanceTo(invoiceId: string, slot: DunningSlot): Promise<void>;
  pay(invoiceId: string): Promise<void>;
  /** What the daily sweep does for an execution that was lost: a new one at the step after the last one done. */
  restore(invoiceId: string): Promise<void>;
  /** What registering a dispute or a promise to pay does to the dunning: stops it, unsettled. */
  stopDunning(invoiceId: string, reason: string): Promise<void>;
}

export async function stepWorld(start: string): Promise<StepWorld> {
  const client = new DynamoDBClient({
    endpoint: inject('dynamodbEndpoint'),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tableName = `steps-${randomUUID()}`;
  await ensureTable(client, tableName);
  const store = new DynamoDbCreditStore(client, tableName);
  for (const policy of SEED_POLICIES) await store.putPolicy(policy);
  const clock = VirtualClock.manual(new Date(start));
  installClock(clock);
  // Each step test plays the state machine, which waits on every task token it hands out.
  const workflow = new RecordingWorkflow({ has: () => true });
  let debtors = 0;
  let invoices = 0;

  const invoice = async (id: string) => {
    const found = await store.getInvoice(id);
    if (!found) throw new Error(`no invoice ${id}`);
    return found;
  };
  const debtor = async (id: string) => {
    const found = await store.getDebtor(id);
    if (!found) throw new Error(`no debtor ${id}`);
    return found;
  };

  return {
    tableName,
    store,
    clock,
    mailer: new FakeMailer(),
    notifier: new FakeNotifier(),
    workflow,
    pause: async () => {},
    invoice,
    debtor,
    timeline: (invoiceId) => store.timeline({ invoiceId }),

    async addDebtor(overrides = {}) {
      debtors += 1;
      const now = clock.now().toISOString();
      const record: DebtorRecord = {
        id: `debtor-${debtors}`,
        name: 'Bakkerij De Korenschoof B.V.',
        kind: 'business',
        email: 'administratie@korenschoof.example',
        language: 'en',
        creditHold: false,
        credits: {},
        ...overrides,
        behaviour: { invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0, escalations: 0 },
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await store.commit([{ kind: 'putDebtor', debtor: record, expectedVersion: null }]);
      return record;
    },

    async addDunnedInvoice(owner, overrides = {}) {
      invoices += 1;
      const now = clock.now().toISOString();
      const number = overrides.number ?? `2025-${String(invoices).padStart(3, '0')}`;
      const record: InvoiceRecord = {
        id: `invoice-${invoices}`,
        number,
        debtorId: owner.id,
        currency: 'EUR',
        totalAmount: 1_000_00,
        openAmount: 1_000_00,
        issueDate: '2025-01-06',
        dueDate: '2025-02-05',
        paymentLink: `https://pay.voorbeeld.example/${number}`,
        paymentReference: paymentReferenceForInvoice(number, 'rf').electronic,
        status: 'open',
        ...overrides,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await store.commit([{ kind: 'putInvoice', invoice: record, expectedVersion: null }]);
      return startDunning({ store, workflow, clock }, record, owner, { reason: 'fell_due', actor: 'sweep' });
    },

    async payload(invoiceId, slot) {
      const dunning = (await invoice(invoiceId)).dunning;
      if (!dunning) throw new Error(`invoice ${invoiceId} is not dunned`);
      return { invoiceId, execution: dunning.execution, step: slot };
    },

    async advanceTo(invoiceId, slot) {
      const dunning = (await invoice(invoiceId)).dunning;
      if (!dunning) throw new Error(`invoice ${invoiceId} is not dunned`);
      clock.set(new Date(dunning.schedule[slot]));
    },

    async restore(invoiceId) {
      const current = await invoice(invoiceId);
      const resumeAt = resumeSlotAfter(current.dunning, DUNNING_SLOTS);
      if (!resumeAt) throw new Error(`invoice ${invoiceId} ran every step`);
      await startDunning({ store, workflow, clock }, current, await debtor(current.debtorId), {
        reason: 'restored',
        resumeAt,
        actor: 'sweep',
      });
    },

    async stopDunning(invoiceId, reason) {
      const current = await invoice(invoiceId);
      if (!current.dunning) throw new Error(`invoice ${invoiceId} is not dunned`);
      await store.commit([
        {
          kind: 'putInvoice',
          invoice: {
            ...current,
            dunning: stoppedDunning(current.dunning, reason, false),
            version: current.version + 1,
          },
          expectedVersion: current.version,
        },
      ]);
    },

    async pay(invoiceId) {
      const current = await invoice(invoiceId);
      const at = clock.now().toISOString();
      await store.commit([
        {
          kind: 'putInvoice',
          invoice: {
            ...current,
            openAmount: 0,
            status: 'paid',
            closedAt: at,
            ...(current.dunning ? { dunning: stoppedDunning(current.dunning, 'paid in full', true) } : {}),
            version: current.version + 1,
            updatedAt: at,
          },
          expectedVersion: current.version,
        },
      ]);
    },
  };
}

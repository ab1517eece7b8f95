import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DunningPolicy } from '../../functions/core/dunning/dunning-policy';
import { addDays } from '../../functions/core/calendar/calendar-date';
import { SEED_POLICIES } from '../../functions/core/dunning/policy-seeds';
import type { TimelineEvent } from '../../functions/core/ledger/timeline';
import { SEED_STATUTORY_RATES } from '../../functions/core/legal/statutory-rates';
import {
  ConcurrentModificationError,
  type CreditStore,
  type DebtorRecord,
  type DisputeRecord,
  type InvoiceRecord,
  type LetterRecord,
  type ParkedEvent,
  type PlanRecord,
  type StoreWrite,
  type TaskRecord,
  type UnappliedPaymentRecord,
} from '../../functions/ports/credit-store';
import { debtorRecord, invoiceRecord, newId, taskRecord } from './credit-records';

function event(at: string, summary = 'something happened'): TimelineEvent {
  return { at, type: 'payment_received', actor: 'invoicing-system', summary };
}

function parkedEvent(subject: string, receivedAt: string): ParkedEvent {
  return {
    subject,
    deliveryId: newId('msg'),
    receivedAt,
    event: { type: 'payment.received', timestamp: receivedAt, data: { id: newId('pay') } },
  };
}

function letter(changes: Partial<LetterRecord> = {}): LetterRecord {
  return {
    debtorId: newId('deb'),
    slot: 'firstReminder',
    currency: 'EUR',
    day: '2025-03-10',
    owner: 'execution-a',
    invoiceIds: [newId('inv')],
    status: 'claimed',
    ...changes,
  };
}

function policy(id: string, version: number): DunningPolicy {
  const seed = SEED_POLICIES[0];
  if (!seed) throw new Error('no seed policy');
  return { ...seed, id, version, name: `${seed.name} v${version}` };
}

function ids<T extends { id: string }>(records: readonly T[], only: readonly string[]): string[] {
  return records.filter((record) => only.includes(record.id)).map((record) => record.id);
}

const conflict = expect.any(ConcurrentModificationError);

/**
 * What every credit store promises the use cases, run against the DynamoDB adapter (integration)
 * and the in-memory store (unit). `setUp` gives one empty store for the whole suite; the tests use
 * fresh ids, so that they do not see each other's records.
 */
export function creditStoreContract(setUp: () => Promise<CreditStore>): void {
  let store: CreditStore;

  beforeAll(async () => {
    store = await setUp();
  });

  describe('versioned records', () => {
    const kinds = [
      {
        kind: 'invoice',
        write: (record: InvoiceRecord, expectedVersion: number | null): StoreWrite => ({
          kind: 'putInvoice',
          invoice: record,
          expectedVersion,
        }),
        make: () => invoiceRecord(),
        read: (id: string) => store.getInvoice(id),
      },
      {
        kind: 'debtor',
        write: (record: DebtorRecord, expectedVersion: number | null): StoreWrite => ({
          kind: 'putDebtor',
          debtor: record,
          expectedVersion,
        }),
        make: () => debtorRecord(),
        read: (id: string) => store.getDebtor(id),
      },
      {
        kind: 'task',
        write: (record: TaskRecord, expectedVersion: number | null): StoreWrite => ({
          kind: 'putTask',
          task: record,
          expectedVersion,
        }),
        make: () => taskRecord(),
        read: (id: string) => store.getTask(id),
      },
    ] as const;

    describe.each(kinds)('a $kind', ({ write, make, read }) => {
      const put = write as (record: { id: string; version: number }, expected: number | null) => StoreWrite;

      it('is created only where none exists yet', async () => {
        const record = make();
        await store.commit([put(record, null)]);

        await expect(store.commit([put({ ...record, version: 2 }, null)])).rejects.toEqual(conflict);
        expect(await read(record.id)).toEqual(record);
      });

      it('is written only over the version it was read at', async () => {
        const record = make();
        await store.commit([put(record, null)]);
        await store.commit([put({ ...record, version: 2 }, 1)]);

        await expect(store.commit([put({ ...record, version: 3 }, 1)])).rejects.toEqual(conflict);
        expect(await read(record.id)).toMatchObject({ version: 2 });
      });

      it('cannot be updated before it exists', async () => {
        const record = make();

        await expect(store.commit([put(record, 1)])).rejects.toEqual(conflict);
        expect(await read(record.id)).toBeUndefined();
      });
    });

    it('hands out copies: changing a record read, or written, changes nothing stored', async () => {
      const invoice = invoiceRecord();
      await store.commit([{ kind: 'putInvoice', invoice, expectedVersion: null }]);
      const read = await store.getInvoice(invoice.id);
      if (!read) throw new Error('the invoice should be stored');

      read.openAmount = 0;
      invoice.status = 'paid';

      expect(await store.getInvoice(invoice.id)).toMatchObject({ openAmount: 1_000_00, status: 'open' });
    });

    it('keeps no field that was undefined when written', async () => {
      const invoice = invoiceRecord({ closedAt: undefined, paymentLink: undefined });
      await store.commit([{ kind: 'putInvoice', invoice, expectedVersion: null }]);

      const read = await store.getInvoice(invoice.id);

      expect(read && Object.keys(read)).not.toContain('closedAt');
      expect(read && Object.keys(read)).not.toContain('paymentLink');
    });
  });

  describe('a commit', () => {
    it('writes all of its writes, or none when one of their conditions fails', async () => {
      const debtor = debtorRecord();
      const invoice = invoiceRecord({ debtorId: debtor.id });
      await store.commit([
        { kind: 'putDebtor', debtor, expectedVersion: null },
        { kind: 'putInvoice', invoice, expectedVersion: null },
      ]);
      const paymentId = newId('pay');

      const commit = store.commit([
        { kind: 'putInvoice', invoice: { ...invoice, openAmount: 0, version: 2 }, expectedVersion: 1 },
        { kind: 'appendEvent', subject: { invoiceId: invoice.id }, event: event('2025-03-10T08:00:00.000Z') },
        {
          kind: 'putPayment',
          payment: {
            id: paymentId,
            debtorId: debtor.id,
            amount: 1_000_00,
            currency: 'EUR',
            receivedAt: '2025-03-10T08:00:00.000Z',
            appliedAmount: 1_000_00,
          },
        },
        // Read at version 1, but someone else wrote version 2 of the debtor in the meantime.
        { kind: 'putDebtor', debtor: { ...debtor, version: 2 }, expectedVersion: 7 },
      ]);

      await expect(commit).rejects.toEqual(conflict);
      expect(await store.getInvoice(invoice.id)).toEqual(invoice);
      expect(await store.timeline({ invoiceId: invoice.id })).toEqual([]);
      expect(await store.getPayment(paymentId)).toBeUndefined();
    });

    it('does nothing when it has no writes', async () => {
      await expect(store.commit([])).resolves.toBeUndefined();
    });

    it('refuses to write one record twice, and writes nothing of it', async () => {
      const invoice = invoiceRecord();

      const commit = store.commit([
        { kind: 'putInvoice', invoice, expectedVersion: null },
        { kind: 'putInvoice', invoice: { ...invoice, version: 2 }, expectedVersion: 1 },
      ]);

      await expect(commit).rejects.toThrow();
      await expect(commit).rejects.not.toBeInstanceOf(ConcurrentModificationError);
      expect(await store.getInvoice(invoice.id)).toBeUndefined();
    });

    it('holds at most 100 writes, as one DynamoDB transaction does', async () => {
      const invoiceId = newId('inv');
      const entries = (count: number): StoreWrite[] =>
        Array.from({ length: count }, (_, i) => ({
          kind: 'appendEvent',
          subject: { invoiceId },
          event: event(`2025-03-10T08:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`),
        }));

      await expect(store.commit(entries(101))).rejects.toThrow();
      await store.commit(entries(100));

      expect(await store.timeline({ invoiceId })).toHaveLength(100);
    });
  });

  describe('payments, references and deliveries', () => {
    it('books a payment id once', async () => {
      const payment = {
        id: newId('pay'),
        debtorId: newId('deb'),
        amount: 250_00,
        currency: 'EUR',
        receivedAt: '2025-03-10T08:15:00.000Z',
        appliedAmount: 250_00,
      };
      await store.commit([{ kind: 'putPayment', payment }]);

      await expect(
        store.commit([{ kind: 'putPayment', payment: { ...payment, amount: 1 } }]),
      ).rejects.toEqual(conflict);
      expect(await store.getPayment(payment.id)).toEqual(payment);
      expect(await store.getPayment(newId('pay'))).toBeUndefined();
    });

    it('books a credit note id once', async () => {
      const creditNote = {
        id: newId('cn'),
        invoiceId: newId('inv'),
        debtorId: newId('deb'),
        amount: 50_00,
        currency: 'EUR',
        bookedAt: '2025-03-10T08:15:00.000Z',
        appliedAmount: 50_00,
        creditedToAccount: 0,
      };
      await store.commit([{ kind: 'putCreditNote', creditNote }]);

      await expect(
        store.commit([{ kind: 'putCreditNote', creditNote: { ...creditNote, amount: 1 } }]),
      ).rejects.toEqual(conflict);
      expect(await store.getCreditNote(creditNote.id)).toEqual(creditNote);
      expect(await store.getCreditNote(newId('cn'))).toBeUndefined();
    });

    it('lists unapplied cash until it is assigned, oldest payment first, and writes it by version', async () => {
      const unapplied = (receivedAt: string): UnappliedPaymentRecord => ({
        id: newId('pay'),
        amount: 121_00,
        currency: 'EUR',
        receivedAt,
        named: { reference: 'RF18539007547034' },
        waitingFor: 'reference:RF18539007547034',
        deliveryId: newId('msg'),
        parkedAt: receivedAt,
        status: 'unapplied',
        version: 1,
        createdAt: receivedAt,
        updatedAt: receivedAt,
      });
      const later = unapplied('2031-04-02T09:00:00.000Z');
      const earlier = unapplied('2031-04-01T09:00:00.000Z');
      await store.commit([
        { kind: 'putUnappliedPayment', payment: later, expectedVersion: null },
        { kind: 'putUnappliedPayment', payment: earlier, expectedVersion: null },
      ]);
      const mine = (listed: UnappliedPaymentRecord[]) =>
        listed.filter((p) => p.id === later.id || p.id === earlier.id).map((p) => p.id);

      expect(mine(await store.listUnappliedPayments())).toEqual([earlier.id, later.id]);

      const assigned = { ...earlier, status: 'assigned' as const, version: 2 };
      await store.commit([{ kind: 'putUnappliedPayment', payment: assigned, expectedVersion: 1 }]);
      await expect(
        store.commit([
          { kind: 'putUnappliedPayment', payment: { ...earlier, version: 2 }, expectedVersion: 1 },
        ]),
      ).rejects.toEqual(conflict);

      expect(mine(await store.listUnappliedPayments())).toEqual([later.id]);
      expect(await store.getUnappliedPayment(earlier.id)).toEqual(assigned);
    });

    it('lists open disputes oldest first, and a dispute no longer once it is resolved', async () => {
      const dispute = (raisedAt: string): DisputeRecord => ({
        id: newId('dispute'),
        invoiceId: newId('inv'),
        debtorId: newId('deb'),
        cause: 'quantity',
        amount: 250_00,
        currency: 'EUR',
        note: 'Two boxes short',
        documents: [{ kind: 'delivery_note', ref: 'https://files.example/delivery-note.pdf' }],
        status: 'open',
        raisedBy: 'user:controller-1',
        raisedAt,
        raisedOn: raisedAt.slice(0, 10),
        respondBy: '2031-04-11',
        version: 1,
        createdAt: raisedAt,
        updatedAt: raisedAt,
      });
      const later = dispute('2031-04-02T09:00:00.000Z');
      const earlier = dispute('2031-04-01T09:00:00.000Z');
      await store.commit([
        { kind: 'putDispute', dispute: later, expectedVersion: null },
        { kind: 'putDispute', dispute: earlier, expectedVersion: null },
      ]);
      const mine = (listed: DisputeRecord[]) => ids(listed, [earlier.id, later.id]);

      expect(mine(await store.listOpenDisputes())).toEqual([earlier.id, later.id]);

      const rejected = { ...earlier, status: 'rejected' as const, version: 2 };
      await store.commit([{ kind: 'putDispute', dispute: rejected, expectedVersion: 1 }]);
      expect(mine(await store.listOpenDisputes())).toEqual([later.id]);
      expect(await store.getDispute(earlier.id)).toMatchObject({ status: 'rejected', version: 2 });
      await expect(
        store.commit([{ kind: 'putDispute', dispute: { ...earlier, version: 2 }, expectedVersion: 1 }]),
      ).rejects.toEqual(conflict);
    });

    it('lists the plans whose execution has work to do: active, or broken until the break is done', async () => {
      const plan = (createdAt: string): PlanRecord => ({
        id: newId('plan'),
        debtorId: newId('deb'),
        currency: 'EUR',
        status: 'active',
        reference: `RF18${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        parts: [],
        instalments: [],
        includesInterestAndCosts: false,
        graceDays: 2,
        reminderDaysBefore: 3,
        policyId: 'business-standard',
        timeZone: 'Europe/Amsterdam',
        sendAt: '09:00',
        createdBy: 'user:controller-1',
        createdAt,
        execution: 'plan--1',
        attempt: 1,
        version: 1,
        updatedAt: createdAt,
      });
      const later = plan('2031-04-02T09:00:00.000Z');
      const earlier = plan('2031-04-01T09:00:00.000Z');
      await store.commit([
        { kind: 'putPlan', plan: later, expectedVersion: null },
        { kind: 'putPlan', plan: earlier, expectedVersion: null },
      ]);
      const mine = (listed: PlanRecord[]) => ids(listed, [earlier.id, later.id]);
      expect(mine(await store.listPlansUnderWay())).toEqual([earlier.id, later.id]);

      const broken = { ...earlier, status: 'broken' as const, version: 2 };
      await store.commit([{ kind: 'putPlan', plan: broken, expectedVersion: 1 }]);
      expect(mine(await store.listPlansUnderWay())).toEqual([earlier.id, later.id]);
      const done = { ...broken, breakDoneAt: '2031-05-01T09:00:00.000Z', version: 3 };
      const completed = { ...later, status: 'completed' as const, version: 2 };
      await store.commit([
        { kind: 'putPlan', plan: done, expectedVersion: 2 },
        { kind: 'putPlan', plan: completed, expectedVersion: 1 },
      ]);
      expect(mine(await store.listPlansUnderWay())).toEqual([]);
    });

    it('gives a payment reference to one invoice for ever', async () => {
      const reference = `RF18${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const [first, second] = [newId('inv'), newId('inv')];
      await store.commit([{ kind: 'putReference', reference, invoiceId: first }]);
      // Written again for the same invoice (an update of it) is no conflict.
      await store.commit([{ kind: 'putReference', reference, invoiceId: first }]);

      await expect(store.commit([{ kind: 'putReference', reference, invoiceId: second }])).rejects.toEqual(
        conflict,
      );
      expect(await store.findInvoiceIdByReference(reference)).toBe(first);
      expect(await store.findInvoiceIdByReference(`${reference}0`)).toBeUndefined();
    });

    it("gives a letter's own reference to that letter for ever, with the invoices it lists", async () => {
      const reference = `RF18${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const letter = { debtorId: newId('deb'), slot: 'firstReminder', currency: 'EUR', day: '2031-03-03' };
      const [first, second] = [newId('inv'), newId('inv')];
      await store.commit([{ kind: 'putLetterReference', reference, letter, invoiceIds: [first, second] }]);
      // A retry of the same letter may list fewer invoices.
      await store.commit([{ kind: 'putLetterReference', reference, letter, invoiceIds: [first] }]);

      await expect(
        store.commit([
          {
            kind: 'putLetterReference',
            reference,
            letter: { ...letter, day: '2031-03-04' },
            invoiceIds: [first],
          },
        ]),
      ).rejects.toEqual(conflict);
      await expect(store.commit([{ kind: 'putReference', reference, invoiceId: second }])).rejects.toEqual(
        conflict,
      );
      expect(await store.findLetterByReference(reference)).toEqual({ letter, invoiceIds: [first] });
      expect(await store.findInvoiceIdByReference(reference)).toBeUndefined();
      expect(await store.findLetterByReference(`${reference}0`)).toBeUndefined();
    });

    it('finds the letter a reply-to token names, and nothing for a token it never stored', async () => {
      const token = randomUUID().replace(/-/g, '').slice(0, 20);
      const letter = { debtorId: newId('deb'), slot: 'firstReminder', currency: 'EUR', day: '2031-03-03' };
      const invoiceIds = [newId('inv'), newId('inv')];
      await store.commit([{ kind: 'putReplyAddress', token, letter, invoiceIds }]);
      // A retry of the letter writes the same again.
      await store.commit([{ kind: 'putReplyAddress', token, letter, invoiceIds }]);

      expect(await store.findLetterByReplyToken(token)).toEqual({ letter, invoiceIds });
      expect(await store.findLetterByReplyToken(`${token.slice(0, 19)}x`)).toBeUndefined();
    });

    it('records a delivery once, and gives back what was recorded', async () => {
      const delivery = {
        id: `msg_${randomUUID()}`,
        receivedAt: '2025-03-10T08:15:00.000Z',
        statusCode: 202,
        response: { status: 'parked', waitingFor: 'invoice:inv-1' },
      };
      await store.commit([{ kind: 'recordDelivery', delivery }]);

      await expect(
        store.commit([{ kind: 'recordDelivery', delivery: { ...delivery, statusCode: 200 } }]),
      ).rejects.toEqual(conflict);
      expect(await store.getDelivery(delivery.id)).toEqual(delivery);
    });

    it('keeps the hash of the body a delivery carried, to tell a reused delivery id', async () => {
      const delivery = {
        id: `msg_${randomUUID()}`,
        receivedAt: '2025-03-10T08:15:00.000Z',
        statusCode: 200,
        response: { status: 'applied' },
        bodyHash: 'a'.repeat(64),
      };
      await store.commit([{ kind: 'recordDelivery', delivery }]);

      expect(await store.getDelivery(delivery.id)).toEqual(delivery);
    });
  });

  describe('timelines and parked events', () => {
    it('keeps the timelines of an invoice and of its debtor apart, each in time order', async () => {
      const invoiceId = newId('inv');
      const debtor = debtorRecord();
      await store.commit([
        { kind: 'putDebtor', debtor, expectedVersion: null },
        { kind: 'appendEvent', subject: { invoiceId }, event: event('2025-03-10T09:00:00.000Z', 'second') },
        { kind: 'appendEvent', subject: { invoiceId }, event: event('2025-03-09T09:00:00.000Z', 'first') },
        {
          kind: 'appendEvent',
          subject: { debtorId: debtor.id },
          event: event('2025-03-11T09:00:00.000Z', 'debtor'),
        },
      ]);
      await store.commit([{ kind: 'putLetter', letter: letter({ debtorId: debtor.id }), lock: true }]);

      expect((await store.timeline({ invoiceId })).map((entry) => entry.summary)).toEqual([
        'first',
        'second',
      ]);
      expect(await store.timeline({ debtorId: debtor.id })).toEqual([
        event('2025-03-11T09:00:00.000Z', 'debtor'),
      ]);
    });

    it('keeps events parked by subject, in order of arrival, until they are unparked', async () => {
      const subject = `invoice:${newId('inv')}`;
      const later = parkedEvent(subject, '2025-03-10T09:00:00.000Z');
      const earlier = parkedEvent(subject, '2025-03-10T08:00:00.000Z');
      const elsewhere = parkedEvent(`invoice:${newId('inv')}`, '2025-03-10T08:30:00.000Z');
      await store.commit([{ kind: 'park', parked: later }]);
      await store.commit([
        { kind: 'park', parked: earlier },
        { kind: 'park', parked: elsewhere },
      ]);

      expect(await store.parked(subject)).toEqual([earlier, later]);

      await store.commit([{ kind: 'unpark', parked: earlier }]);
      // Unparking what is no longer parked is no error: two appliers may both get there.
      await store.commit([{ kind: 'unpark', parked: earlier }]);

      expect(await store.parked(subject)).toEqual([later]);
    });
    it('lists parked payments parked before a moment, oldest first, until they are unparked', async () => {
      const old = parkedEvent(`reference:${newId('RF')}`, '2020-01-01T08:00:00.000Z');
      const older = parkedEvent(`invoice:${newId('inv')}`, '2019-12-31T08:00:00.000Z');
      const recent = parkedEvent(`debtor:${newId('deb')}`, '2020-01-09T08:00:00.000Z');
      const notAPayment: ParkedEvent = {
        ...parkedEvent(`invoice:${newId('inv')}`, '2020-01-01T09:00:00.000Z'),
        event: { type: 'invoice.cancelled', timestamp: '2020-01-01T09:00:00.000Z', data: { id: 'x' } },
      };
      await store.commit([old, older, recent, notAPayment].map((parked) => ({ kind: 'park', parked })));
      const mine = (listed: ParkedEvent[]) =>
        listed
          .filter((p) => [old, older, recent, notAPayment].some((q) => q.deliveryId === p.deliveryId))
          .map((p) => p.deliveryId);

      expect(mine(await store.listParkedPaymentsBefore('2020-01-08T00:00:00.000Z'))).toEqual([
        older.deliveryId,
        old.deliveryId,
      ]);

      await store.commit([{ kind: 'unpark', parked: older }]);

      expect(mine(await store.listParkedPaymentsBefore('2020-01-08T00:00:00.000Z'))).toEqual([
        old.deliveryId,
      ]);
      expect(await store.listParkedPaymentsBefore('2020-01-08T00:00:00.000Z')).toContainEqual(old);
    });
  });

  describe('letters', () => {
    it('lets one execution lock a letter, again on a retry, and nobody else', async () => {
      const locked = letter();
      await store.commit([{ kind: 'putLetter', letter: locked, lock: true }]);
      await store.commit([{ kind: 'putLetter', letter: locked, lock: true }]);

      await expect(
        store.commit([{ kind: 'putLetter', letter: { ...locked, owner: 'execution-b' }, lock: true }]),
      ).rejects.toEqual(conflict);
      expect(await store.getLetter(locked)).toEqual(locked);
    });

    it('records what became of a locked letter without a condition', async () => {
      const locked = letter();
      await store.commit([{ kind: 'putLetter', letter: locked, lock: true }]);
      const sent: LetterRecord = {
        ...locked,
        status: 'sent',
        messageId: 'ses-1',
        sentAt: '2025-03-10T08:00:01.000Z',
      };

      await store.commit([{ kind: 'putLetter', letter: sent, lock: false }]);

      expect(await store.getLetter(locked)).toEqual(sent);
      expect(await store.getLetter({ ...locked, day: '2025-03-11' })).toBeUndefined();
    });

    it('keeps one letter per debtor, step, currency and day', async () => {
      const euros = letter();
      const pounds = letter({ debtorId: euros.debtorId, currency: 'GBP', owner: 'execution-b' });

      await store.commit([{ kind: 'putLetter', letter: euros, lock: true }]);
      await store.commit([{ kind: 'putLetter', letter: pounds, lock: true }]);

      expect(await store.getLetter(euros)).toEqual(euros);
      expect(await store.getLetter(pounds)).toEqual(pounds);
    });

    it("lists a debtor's letters of one step, oldest day first", async () => {
      const debtorId = newId('deb');
      const later = letter({ debtorId, day: '2025-03-11' });
      const earlier = letter({ debtorId, day: '2025-03-10', currency: 'GBP' });
      const otherStep = letter({ debtorId, slot: 'secondReminder' });
      for (const each of [later, earlier, otherStep]) {
        await store.commit([{ kind: 'putLetter', letter: each, lock: true }]);
      }

      expect(await store.listLetters(debtorId, 'firstReminder')).toEqual([earlier, later]);
      expect(await store.listLetters(debtorId, 'finalNotice')).toEqual([]);
    });

    it('writes what SES said of a letter only while the letter is not marked sent', async () => {
      const sending: LetterRecord = { ...letter(), status: 'sending', intentAt: '2025-03-10T08:00:00.000Z' };
      await store.commit([{ kind: 'putLetter', letter: sending, lock: true }]);
      const accepted = { ...sending, messageId: 'ses-1' };
      await store.commit([{ kind: 'putLetter', letter: accepted, lock: false, unlessSent: true }]);
      expect(await store.getLetter(sending)).toEqual(accepted);

      const sent: LetterRecord = { ...accepted, status: 'sent', sentAt: '2025-03-10T08:00:01.000Z' };
      await store.commit([{ kind: 'putLetter', letter: sent, lock: false }]);
      await expect(
        store.commit([{ kind: 'putLetter', letter: accepted, lock: false, unlessSent: true }]),
      ).rejects.toEqual(conflict);
      expect(await store.getLetter(sending)).toEqual(sent);
    });
  });

  describe('lists', () => {
    it("lists a debtor's invoices of every status by due date", async () => {
      const debtorId = newId('deb');
      const later = invoiceRecord({ debtorId, dueDate: '2025-04-01', status: 'paid', openAmount: 0 });
      const earlier = invoiceRecord({ debtorId, dueDate: '2025-02-01', status: 'overdue' });
      const other = invoiceRecord({ dueDate: '2025-01-01' });
      await store.commit(
        [later, earlier, other].map((invoice) => ({ kind: 'putInvoice', invoice, expectedVersion: null })),
      );

      expect(await store.listInvoicesOfDebtor(debtorId)).toEqual([earlier, later]);
    });

    it('lists every invoice, whatever its status, and counts every debtor', async () => {
      const debtorsBefore = await store.countDebtors();
      const debtor = debtorRecord();
      const open = invoiceRecord({ debtorId: debtor.id, status: 'overdue' });
      const paid = invoiceRecord({ debtorId: debtor.id, status: 'paid', openAmount: 0 });
      await store.commit([
        { kind: 'putDebtor', debtor, expectedVersion: null },
        ...[open, paid].map((invoice) => ({ kind: 'putInvoice' as const, invoice, expectedVersion: null })),
      ]);

      const listed: InvoiceRecord[] = [];
      for await (const invoice of store.listInvoices()) listed.push(invoice);
      expect(listed.filter((invoice) => invoice.debtorId === debtor.id)).toEqual(
        expect.arrayContaining([open, paid]),
      );
      expect(await store.countDebtors()).toBe(debtorsBefore + 1);
    });

    it('lists the invoices still being collected that are due on or before a day, by due date', async () => {
      const onTheDay = invoiceRecord({ dueDate: '2031-05-10', status: 'overdue' });
      const before = invoiceRecord({ dueDate: '2031-05-01' });
      const after = invoiceRecord({ dueDate: '2031-05-11' });
      const paid = invoiceRecord({ dueDate: '2031-05-02', status: 'paid', openAmount: 0 });
      const handedOver = invoiceRecord({ dueDate: '2031-05-03', status: 'in_collection' });
      const mine = [onTheDay, before, after, paid, handedOver];
      await store.commit(mine.map((invoice) => ({ kind: 'putInvoice', invoice, expectedVersion: null })));
      // Paid after it was listed: it leaves the list.
      await store.commit([
        { kind: 'putInvoice', invoice: { ...before, status: 'paid', version: 2 }, expectedVersion: 1 },
      ]);

      const due: InvoiceRecord[] = [];
      for await (const invoice of store.listOpenInvoicesDueBy('2031-05-10')) due.push(invoice);

      expect(
        ids(
          due,
          mine.map((invoice) => invoice.id),
        ),
      ).toEqual([onTheDay.id]);
      expect(due.find((invoice) => invoice.id === onTheDay.id)).toEqual(onTheDay);
    });

    it('lists the open invoices due within a range of days, the first and the last included', async () => {
      const mine = [1, 2, 3, 4, 5].map((day) =>
        invoiceRecord({ dueDate: `2033-07-0${day}`, status: 'open' }),
      );
      await store.commit(mine.map((invoice) => ({ kind: 'putInvoice', invoice, expectedVersion: null })));

      const due: InvoiceRecord[] = [];
      for await (const invoice of store.listOpenInvoicesDueBy('2033-07-04', '2033-07-02')) due.push(invoice);

      expect(
        ids(
          due,
          mine.map((invoice) => invoice.id),
        ),
      ).toEqual([mine[1]!.id, mine[2]!.id, mine[3]!.id]);
    });

    it('lists the invoices at the collection agency that are due on or before a day, by due date', async () => {
      const atAgency = invoiceRecord({ dueDate: '2032-05-10', status: 'in_collection' });
      const later = invoiceRecord({ dueDate: '2032-05-11', status: 'in_collection' });
      const collecting = invoiceRecord({ dueDate: '2032-05-01', status: 'overdue' });
      const mine = [atAgency, later, collecting];
      await store.commit(mine.map((invoice) => ({ kind: 'putInvoice', invoice, expectedVersion: null })));

      const due: InvoiceRecord[] = [];
      for await (const invoice of store.listClaimsAtAgencyDueBy('2032-05-10')) due.push(invoice);

      expect(
        ids(
          due,
          mine.map((invoice) => invoice.id),
        ),
      ).toEqual([atAgency.id]);
      expect(due.find((invoice) => invoice.id === atAgency.id)).toEqual(atAgency);
    });

    it('pages through the same due invoices as the listing, in order, each once', async () => {
      const mine = [1, 2, 3, 4, 5].map((day) =>
        invoiceRecord({ dueDate: `2032-06-0${day}`, status: 'overdue' }),
      );
      await store.commit(mine.map((invoice) => ({ kind: 'putInvoice', invoice, expectedVersion: null })));
      const listed: string[] = [];
      for await (const invoice of store.listOpenInvoicesDueBy('2032-06-05')) listed.push(invoice.id);

      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.pageOpenInvoicesDueBy('2032-06-05', {
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        paged.push(...page.items.map((invoice) => invoice.id));
        cursor = page.cursor;
      } while (cursor);

      expect(paged).toEqual(listed);
      expect(paged).toEqual(expect.arrayContaining(mine.map((invoice) => invoice.id)));
    });

    it('keeps the sweep run of a day, moved on only over the version it was read at', async () => {
      const day = '2033-01-15';
      const at = '2033-01-01T05:00:00.000Z';
      const run = { day, run: 1, complete: false, pages: 0, startedAt: at, updatedAt: at, version: 1 };
      await store.putSweepRun(run, null);
      const next = { ...run, cursor: 'abc', pages: 1, version: 2 };
      await store.putSweepRun(next, 1);

      expect(await store.getSweepRun(day)).toEqual(next);
      await expect(store.putSweepRun({ ...run, version: 2 }, 1)).rejects.toThrow(ConcurrentModificationError);
      await expect(store.putSweepRun(run, null)).rejects.toThrow(ConcurrentModificationError);
    });

    it('keeps the checkpoint of each range of a sweep run apart from the run and from each other', async () => {
      const day = '2033-01-16';
      const at = '2033-01-01T05:00:00.000Z';
      const run = { day, run: 1, complete: false, pages: 0, startedAt: at, updatedAt: at, version: 1 };
      await store.putSweepRun({ ...run, ranges: [{ last: '2032-12-01#inv-1' }, { cursor: 'abc' }] }, null);
      await store.putSweepRun({ ...run, part: 0, cursor: 'def', pages: 1 }, null);
      await store.putSweepRun({ ...run, part: 1, complete: true, pages: 2 }, null);

      expect(await store.getSweepRun(day)).toMatchObject({
        ranges: [{ last: '2032-12-01#inv-1' }, { cursor: 'abc' }],
      });
      expect(await store.getSweepRun(day, 0)).toMatchObject({ part: 0, cursor: 'def', pages: 1 });
      expect(await store.getSweepRun(day, 1)).toMatchObject({ part: 1, complete: true });
      expect(await store.getSweepRun(day, 2)).toBeUndefined();
      await expect(store.putSweepRun({ ...run, part: 0 }, null)).rejects.toThrow(ConcurrentModificationError);
    });

    it('replaces a keyed timeline entry written again, and keeps the timeline in order of time', async () => {
      const invoiceId = newId('inv');
      const entry = (at: string, summary: string) => ({
        kind: 'appendEvent' as const,
        subject: { invoiceId },
        event: { at, type: 'step_skipped' as const, actor: 'workflow', summary },
      });
      await store.commit([entry('2031-04-01T08:00:00.000Z', 'before')]);
      await store.commit([{ ...entry('2031-04-02T08:00:00.000Z', 'first try'), key: 'STEP#x--1#call' }]);
      await store.commit([{ ...entry('2031-04-03T08:00:00.000Z', 'retried'), key: 'STEP#x--1#call' }]);
      await store.commit([entry('2031-04-04T08:00:00.000Z', 'after')]);

      expect((await store.timeline({ invoiceId })).map((event) => event.summary)).toEqual([
        'before',
        'retried',
        'after',
      ]);
    });

    it('lists open tasks by due date, the most urgent first within a day', async () => {
      const invoiceId = newId('inv');
      const tomorrowUrgent = taskRecord({ invoiceId, dueDate: '2031-03-11', priority: 900 });
      const todayRoutine = taskRecord({ invoiceId, dueDate: '2031-03-10', priority: 10 });
      const todayUrgent = taskRecord({ invoiceId, dueDate: '2031-03-10', priority: 500 });
      const closed = taskRecord({ invoiceId, dueDate: '2031-03-09', status: 'closed' });
      const mine = [tomorrowUrgent, todayRoutine, todayUrgent, closed];
      await store.commit(mine.map((task) => ({ kind: 'putTask', task, expectedVersion: null })));

      expect(
        ids(
          await store.listOpenTasks(),
          mine.map((task) => task.id),
        ),
      ).toEqual([todayUrgent.id, todayRoutine.id, tomorrowUrgent.id]);
    });

    it("lists an owner's open invoices, tasks and disputes, an account's alone on asking, never another owner's", async () => {
      const owner = newId('controller');
      const colleague = newId('controller');
      const debtorId = newId('deb');
      const otherDebtorId = newId('deb');
      const open = invoiceRecord({ debtorId, status: 'overdue', accountOwner: owner });
      const paid = invoiceRecord({ debtorId, status: 'paid', accountOwner: owner });
      const ofOtherDebtor = invoiceRecord({ debtorId: otherDebtorId, status: 'open', accountOwner: owner });
      const colleagues = invoiceRecord({
        debtorId: newId('deb'),
        status: 'overdue',
        accountOwner: colleague,
      });
      const unowned = invoiceRecord({ debtorId: newId('deb'), status: 'overdue' });
      const task = taskRecord({ debtorId, invoiceId: open.id, accountOwner: owner });
      const closedTask = taskRecord({ debtorId, status: 'closed', accountOwner: owner });
      const noDebtor: TaskRecord = { ...taskRecord({ accountOwner: owner }), debtorId: undefined };
      const dispute: DisputeRecord = {
        id: newId('dispute'),
        invoiceId: open.id,
        debtorId,
        cause: 'quantity',
        amount: 250_00,
        currency: 'EUR',
        note: 'Two boxes short',
        documents: [],
        status: 'open',
        raisedBy: 'user:controller-1',
        raisedAt: '2031-04-01T09:00:00.000Z',
        raisedOn: '2031-04-01',
        respondBy: '2031-04-11',
        accountOwner: owner,
        version: 1,
        createdAt: '2031-04-01T09:00:00.000Z',
        updatedAt: '2031-04-01T09:00:00.000Z',
      };
      await store.commit([
        ...[open, paid, ofOtherDebtor, colleagues, unowned].map((invoice) => ({
          kind: 'putInvoice' as const,
          invoice,
          expectedVersion: null,
        })),
        ...[task, closedTask, noDebtor].map((t) => ({
          kind: 'putTask' as const,
          task: t,
          expectedVersion: null,
        })),
        { kind: 'putDispute', dispute, expectedVersion: null },
      ]);

      const work = await store.listAccountWork(owner);
      expect(work.invoices.map((i) => i.id).sort()).toEqual([open.id, ofOtherDebtor.id].sort());
      expect(work.tasks.map((t) => t.id)).toEqual([task.id]);
      expect(work.disputes).toEqual([dispute]);
      expect(work.invoices.find((i) => i.id === open.id)).toEqual(open);

      const account = await store.listAccountWork(owner, debtorId);
      expect(account.invoices.map((i) => i.id)).toEqual([open.id]);
      expect(account.tasks.map((t) => t.id)).toEqual([task.id]);
      expect(ids((await store.listAccountWork(null)).invoices, [unowned.id, colleagues.id])).toEqual([
        unowned.id,
      ]);

      await store.commit([
        { kind: 'putInvoice', invoice: { ...open, accountOwner: colleague, version: 2 }, expectedVersion: 1 },
      ]);
      expect((await store.listAccountWork(owner, debtorId)).invoices).toEqual([]);
      expect(ids((await store.listAccountWork(colleague)).invoices, [open.id])).toEqual([open.id]);
    });
  });

  describe('policies and rate tables', () => {
    it('stores each policy version once, only right after the latest, and keeps every version', async () => {
      const id = newId('policy');
      await store.putPolicy(policy(id, 1));

      await expect(store.putPolicy(policy(id, 1))).rejects.toEqual(conflict);
      await expect(store.putPolicy(policy(id, 3))).rejects.toEqual(conflict);
      await store.putPolicy(policy(id, 2));

      expect(await store.getPolicy(id)).toEqual(policy(id, 2));
      expect(await store.getPolicy(id, 1)).toEqual(policy(id, 1));
      expect(await store.getPolicy(id, 3)).toBeUndefined();
      expect(await store.getPolicy(newId('policy'))).toBeUndefined();
    });

    it('lists the latest version of every policy by id', async () => {
      const [first, second] = [newId('policy-a'), newId('policy-b')].sort();
      if (!first || !second) throw new Error('two ids');
      await store.putPolicy(policy(second, 1));
      await store.putPolicy(policy(first, 1));
      await store.putPolicy(policy(first, 2));

      const listed = (await store.listPolicies()).filter((p) => p.id === first || p.id === second);

      expect(listed).toEqual([policy(first, 2), policy(second, 1)]);
    });

    it('stores the first rate table only when none is, and each next one only over the latest', async () => {
      const table = (version: number) => ({
        version,
        rates: [...SEED_STATUTORY_RATES],
        updatedAt: '2025-07-02T09:00:00.000Z',
        updatedBy: 'admin-sub',
      });
      expect(await store.getStatutoryRates()).toBeUndefined();

      await expect(store.putStatutoryRates(table(2), 1)).rejects.toEqual(conflict);
      await store.putStatutoryRates(table(2), null);
      await expect(store.putStatutoryRates(table(3), null)).rejects.toEqual(conflict);
      await store.putStatutoryRates(table(3), 2);

      expect(await store.getStatutoryRates()).toEqual(table(3));
    });
  });

  describe('the sending setting', () => {
    it('stores the first setting only when none is, and each next one only over the latest', async () => {
      const setting = (version: number, paused: boolean) => ({
        version,
        paused,
        reason: paused ? 'billing error being sorted out' : 'sorted out',
        updatedAt: '2025-07-02T09:00:00.000Z',
        updatedBy: 'admin-sub',
      });
      expect(await store.getSendingSetting()).toBeUndefined();

      await expect(store.putSendingSetting(setting(1, true), 1)).rejects.toEqual(conflict);
      await store.putSendingSetting(setting(1, true), null);
      await expect(store.putSendingSetting(setting(2, false), null)).rejects.toEqual(conflict);
      await store.putSendingSetting(setting(2, false), 1);
      await expect(store.putSendingSetting(setting(2, true), 1)).rejects.toEqual(conflict);

      expect(await store.getSendingSetting()).toEqual(setting(2, false));
    });
  });

  describe('the overdue ranking', () => {
    /** A currency of this test's own, so that the shared store's other debtors do not rank. */
    const currencyOfItsOwn = () => `X${randomUUID().slice(0, 6)}`;
    const put = (invoice: InvoiceRecord, expectedVersion: number | null): StoreWrite => ({
      kind: 'putInvoice',
      invoice,
      expectedVersion,
    });
    const next = (invoice: InvoiceRecord, changes: Partial<InvoiceRecord>): InvoiceRecord => ({
      ...invoice,
      ...changes,
      version: invoice.version + 1,
    });

    it("moves each debtor's overdue amount in the commit that changes an invoice, and ranks the largest first", async () => {
      const currency = currencyOfItsOwn();
      const small = invoiceRecord({ currency, status: 'overdue', openAmount: 200_00 });
      const large = invoiceRecord({ currency, status: 'overdue', openAmount: 900_00 });
      const second = invoiceRecord({
        currency,
        debtorId: small.debtorId,
        status: 'open',
        openAmount: 300_00,
      });
      await store.commit([put(small, null), put(large, null), put(second, null)]);
      expect(await store.listDebtorsByOverdue(currency, 10)).toEqual([
        { debtorId: large.debtorId, currency, overdue: 900_00 },
        { debtorId: small.debtorId, currency, overdue: 200_00 },
      ]);

      // The second invoice falls due, the large one is paid in part, then handed over.
      const overdue = next(second, { status: 'overdue' });
      const lowered = next(large, { openAmount: 100_00 });
      await store.commit([put(overdue, second.version), put(lowered, large.version)]);
      const handedOver = next(lowered, { status: 'in_collection' });
      await store.commit([put(handedOver, lowered.version)]);

      expect(await store.listDebtorsByOverdue(currency, 10)).toEqual([
        { debtorId: small.debtorId, currency, overdue: 500_00 },
      ]);
      expect(await store.listDebtorsByOverdue(currency, 1)).toHaveLength(1);
      expect(await store.getDebtorOverdue(small.debtorId, currency)).toBe(500_00);
      expect(await store.getDebtorOverdue(large.debtorId, currency)).toBe(0);
    });

    it('refuses an invoice that does not carry what was counted for it, and moves nothing', async () => {
      const currency = currencyOfItsOwn();
      const invoice = invoiceRecord({ currency, status: 'overdue', openAmount: 400_00 });
      await store.commit([put(invoice, null)]);
      const stale = { ...invoice, overdueCounted: 100_00 };

      await expect(
        store.commit([put(next(stale, { openAmount: 0, status: 'paid' }), invoice.version)]),
      ).rejects.toEqual(conflict);

      expect(await store.listDebtorsByOverdue(currency, 10)).toEqual([
        { debtorId: invoice.debtorId, currency, overdue: 400_00 },
      ]);
      expect((await store.getInvoice(invoice.id))?.overdueCounted).toBe(400_00);
    });
  });

  describe('the dispute causes', () => {
    it('stores the first list only when none is, and each next one only over the latest', async () => {
      const list = (version: number, owner?: string) => ({
        version,
        causes: [{ cause: 'price', label: 'Price', ...(owner ? { owner } : {}) }],
        updatedAt: '2025-07-02T09:00:00.000Z',
        updatedBy: 'admin-sub',
      });
      expect(await store.getDisputeCauses()).toBeUndefined();

      await store.putDisputeCauses(list(1), null);
      await expect(store.putDisputeCauses(list(2, 'sales'), null)).rejects.toEqual(conflict);
      await store.putDisputeCauses(list(2, 'sales'), 1);
      await expect(store.putDisputeCauses(list(2), 1)).rejects.toEqual(conflict);

      expect(await store.getDisputeCauses()).toEqual(list(2, 'sales'));
    });
  });

  describe("the controllers' day counters", () => {
    it('adds every fact of a controller and day to one set of counters, summing two in one commit, and reads a period across months', async () => {
      const owner = newId('user');
      const debtorId = newId('deb');
      const count = (day: string, counts: Record<string, unknown>, email?: string): StoreWrite => ({
        kind: 'countActivity',
        activity: { owner, ...(email ? { email } : {}), day, counts },
      });
      await store.commit([
        count('2026-03-31', { callsMade: 1, callsReached: 1 }),
        count('2026-03-31', { promisesTaken: 1, collected: { EUR: 1_00 } }, 'c@x.example'),
        { kind: 'putLastContact', contact: { debtorId, by: owner, at: '2026-03-31T09:00:00.000Z' } },
      ]);
      await store.commit([count('2026-03-31', { callsMade: 1, collected: { EUR: 2_00, USD: 5_00 } })]);
      await store.commit([count('2026-04-01', { tasksDone: 1 })]);
      await store.commit([count('2026-04-02', { tasksDone: 1 })]);

      const days = (await store.listControllerDays('2026-03-31', '2026-04-01')).filter(
        (day) => day.owner === owner,
      );
      expect(days.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
        {
          owner,
          email: 'c@x.example',
          day: '2026-03-31',
          counts: { callsMade: 2, callsReached: 1, promisesTaken: 1, collected: { EUR: 3_00, USD: 5_00 } },
        },
        { owner, day: '2026-04-01', counts: { tasksDone: 1 } },
      ]);
      expect(await store.getLastContact(debtorId)).toEqual({
        debtorId,
        by: owner,
        at: '2026-03-31T09:00:00.000Z',
      });
      expect(await store.getLastContact(newId('deb'))).toBeUndefined();
    });
  });

  describe('the portfolio ledger', () => {
    // Days of their own: the suite shares one store, and other tests add to today's counters.
    const base = addDays('2060-01-01', Math.floor(Math.random() * 10_000));
    const day = (offset: number) => addDays(base, offset);
    const counters = (at: string, currency: string, shard: string, values: Record<string, number>) =>
      ({ kind: 'addPortfolioCounters', counters: { day: at, currency, shard, counters: values } }) as const;

    it("adds each commit's counters to those of its day, currency and shard", async () => {
      await store.commit([
        counters(day(0), 'EUR', 'due-2025-03', { 'open:2025-03-01': 100, 'openCount:2025-03-01': 1 }),
      ]);
      await store.commit([
        counters(day(0), 'EUR', 'due-2025-03', { 'open:2025-03-01': -40, 'open:2025-03-09': 7 }),
        counters(day(0), 'USD', 'totals', { writtenOff: 5 }),
      ]);

      const found = await store.listPortfolioCounters(day(0), day(0));

      expect(found).toEqual([
        {
          day: day(0),
          currency: 'EUR',
          shard: 'due-2025-03',
          counters: { 'open:2025-03-01': 60, 'openCount:2025-03-01': 1, 'open:2025-03-09': 7 },
        },
        { day: day(0), currency: 'USD', shard: 'totals', counters: { writtenOff: 5 } },
      ]);
    });

    it('lists the counters of a span of days across months, and none of the days around it', async () => {
      for (const offset of [-1, 1, 40, 41])
        await store.commit([counters(day(offset), 'EUR', 'totals', { writeOffs: offset })]);

      const found = await store.listPortfolioCounters(day(1), day(40));

      expect(found.map((entry) => [entry.day, entry.counters.writeOffs])).toEqual([
        [day(1), 1],
        [day(40), 40],
      ]);
    });

    it('keeps a snapshot per day and finds the latest on or before a day', async () => {
      const snapshot = (at: string) => ({
        day: at,
        currencies: {
          EUR: {
            open: { byDueDate: { [at]: { amount: 10, count: 1 } }, older: { amount: 0, count: 0 } },
            unchased: {},
            salesByDay: {},
            salesByMonth: { '2025-01': 10 },
            writtenOff: { amount: 0, count: 0 },
          },
        },
      });
      await store.putPortfolioSnapshot(snapshot(day(100)));
      await store.putPortfolioSnapshot(snapshot(day(102)));

      expect(await store.getPortfolioSnapshot(day(99))).toBeUndefined();
      expect(await store.getPortfolioSnapshot(day(101))).toEqual(snapshot(day(100)));
      expect(await store.getPortfolioSnapshot(day(102))).toEqual(snapshot(day(102)));
      expect((await store.listPortfolioSnapshots(day(100), day(102))).map((s) => s.day)).toEqual([
        day(100),
        day(102),
      ]);
    });
  });
}

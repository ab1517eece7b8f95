import type { CalendarDate } from '../core/calendar/calendar-date';
import type { DunningPolicy } from '../core/dunning/dunning-policy';
import type { DunningState } from '../core/dunning/dunning-state';
import type { Debtor } from '../core/ledger/debtor';
import type { Invoice } from '../core/ledger/invoice';
import type { TimelineEvent } from '../core/ledger/timeline';
import type { StatutoryRate } from '../core/legal/statutory-rates';
import type { CollectionTask } from '../core/tasks/collection-task';

/** Every stored record carries a version; writes are conditional on it (optimistic locking). */
export interface Versioned {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceRecord extends Invoice, Versioned {
  dunning?: DunningState;
}

export interface BehaviourCounters {
  invoicesPaid: number;
  invoicesPaidLate: number;
  totalDaysLate: number;
  escalations: number;
}

export interface DebtorRecord extends Debtor, Versioned {
  behaviour: BehaviourCounters;
}

export interface TaskRecord extends CollectionTask, Versioned {}

export interface PaymentRecord {
  id: string;
  debtorId: string;
  invoiceId?: string;
  amount: number;
  currency: string;
  receivedAt: string;
  /** Part of the amount applied to the invoice; the rest went to the debtor's credit. */
  appliedAmount: number;
}

/** A webhook delivery handled before: its first answer is given again for the same id. */
export interface DeliveryRecord {
  id: string;
  receivedAt: string;
  statusCode: number;
  response: unknown;
  /**
   * SHA-256 (hex) of the event the delivery carried: the same id with another body is refused, not
   * answered as if it were the first. Absent on records that are not webhook deliveries.
   */
  bodyHash?: string;
}

/** An event whose subject (invoice or debtor) has not arrived yet: kept, applied later. */
export interface ParkedEvent {
  /** e.g. 'invoice:inv-1' or 'debtor:deb-1'. */
  subject: string;
  deliveryId: string;
  receivedAt: string;
  event: { type: string; timestamp: string; data: unknown };
}

/** A letter sent to one debtor for one step on one day, possibly covering several invoices. */
export interface LetterRecord {
  debtorId: string;
  slot: string;
  day: CalendarDate;
  /** The execution that locked the letter; only it may send. */
  owner: string;
  invoiceIds: string[];
  /** 'claimed': locked by `owner` and not sent yet (the stored value of a lock). */
  status: 'claimed' | 'sent' | 'failed';
  messageId?: string;
  sentAt?: string;
  recipient?: string;
}

/** The statutory-rate table an admin stored: each version is kept, the latest is the one in use. */
export interface StatutoryRateTable {
  version: number;
  rates: StatutoryRate[];
  updatedAt: string;
  /** The admin who stored it (their sub). */
  updatedBy: string;
}

/**
 * One write of a unit of work. `commit` applies a list of them atomically (a DynamoDB
 * transaction): a payment, the invoice balance it lowers and the timeline entry land together
 * or not at all.
 */
export type StoreWrite =
  | { kind: 'putInvoice'; invoice: InvoiceRecord; expectedVersion: number | null }
  | { kind: 'putDebtor'; debtor: DebtorRecord; expectedVersion: number | null }
  | { kind: 'putTask'; task: TaskRecord; expectedVersion: number | null }
  | { kind: 'putPayment'; payment: PaymentRecord }
  | { kind: 'putReference'; reference: string; invoiceId: string }
  | { kind: 'appendEvent'; subject: { invoiceId: string } | { debtorId: string }; event: TimelineEvent }
  | { kind: 'recordDelivery'; delivery: DeliveryRecord }
  | { kind: 'park'; parked: ParkedEvent }
  | { kind: 'unpark'; parked: Pick<ParkedEvent, 'subject' | 'deliveryId' | 'receivedAt'> }
  /** `lock`: written only where nobody holds the letter yet, or its owner does (see lockLetter). */
  | { kind: 'putLetter'; letter: LetterRecord; lock: boolean };

/** A conditional write failed: someone changed the record first. Callers re-read and retry. */
export class ConcurrentModificationError extends Error {
  constructor(message = 'the record was changed by someone else; re-read and retry') {
    super(message);
    this.name = 'ConcurrentModificationError';
  }
}

export interface CreditStore {
  commit(writes: readonly StoreWrite[]): Promise<void>;

  getDelivery(id: string): Promise<DeliveryRecord | undefined>;
  getDebtor(id: string): Promise<DebtorRecord | undefined>;
  getInvoice(id: string): Promise<InvoiceRecord | undefined>;
  findInvoiceIdByReference(reference: string): Promise<string | undefined>;
  /** The debtor's invoices (all statuses), by due date. */
  listInvoicesOfDebtor(debtorId: string): Promise<InvoiceRecord[]>;
  /** Open invoices (not settled, cancelled or handed over) due on or before `upTo`, by due date. */
  listOpenInvoicesDueBy(upTo: CalendarDate): AsyncIterable<InvoiceRecord>;
  /**
   * Every invoice, in no particular order: a scan of the whole table. For the portfolio report
   * until it reads aggregates; never on a path that must scale with the portfolio.
   */
  listInvoices(): AsyncIterable<InvoiceRecord>;
  /** How many debtors are on file: a scan, as `listInvoices`. */
  countDebtors(): Promise<number>;
  timeline(subject: { invoiceId: string } | { debtorId: string }): Promise<TimelineEvent[]>;
  parked(subject: string): Promise<ParkedEvent[]>;
  getPayment(id: string): Promise<PaymentRecord | undefined>;

  getTask(id: string): Promise<TaskRecord | undefined>;
  listOpenTasks(): Promise<TaskRecord[]>;

  getLetter(debtorId: string, slot: string, day: CalendarDate): Promise<LetterRecord | undefined>;

  listPolicies(): Promise<DunningPolicy[]>;
  getPolicy(id: string, version?: number): Promise<DunningPolicy | undefined>;
  /** Stores a new version; fails with ConcurrentModificationError when `version - 1` is not the latest. */
  putPolicy(policy: DunningPolicy): Promise<void>;

  /** The latest stored rate table; undefined while the seed rates apply. */
  getStatutoryRates(): Promise<StatutoryRateTable | undefined>;
  /**
   * Stores a new version; fails with ConcurrentModificationError unless the latest stored version
   * is `expectedVersion` (null: none stored yet).
   */
  putStatutoryRates(table: StatutoryRateTable, expectedVersion: number | null): Promise<void>;
}

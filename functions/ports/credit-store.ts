import type { InsolvencyRegisterEntry } from '../core/special/insolvency-register';
import type { AgencyClaim } from '../core/agency/agency-claim';
import type { CalendarDate } from '../core/calendar/calendar-date';
import type { DunningPolicy } from '../core/dunning/dunning-policy';
import type { DunningState } from '../core/dunning/dunning-state';
import type { Dispute } from '../core/disputes/dispute';
import type { DisputeCauseList } from '../core/disputes/dispute-causes';
import type { Debtor } from '../core/ledger/debtor';
import type { Invoice } from '../core/ledger/invoice';
import type { Money } from '../core/money';
import type { ControllerDay, LastContact } from '../core/reports/controller-activity';
import type { TimelineEvent } from '../core/ledger/timeline';
import type { PaymentPlan } from '../core/plans/payment-plan';
import type { PaymentPromise } from '../core/promises/promise-to-pay';
import type { PortfolioPosition } from '../core/reports/portfolio-position';
import type { ExpectedPayment, ReportCounters, ReportFamily } from '../core/reports/fact-counters';
import type { LetterRequest } from '../core/legal/letter-request';
import type { StatutoryRate } from '../core/legal/statutory-rates';
import type { Insolvency } from '../core/special/insolvency';
import type { Management, SpecialManagement } from '../core/special/special-management';
import type { CollectionTask } from '../core/tasks/collection-task';
import type { WorklistRules } from '../core/worklist/worklist-rules';
import type { PaymentHistory } from '../core/score/payment-history';
import type { PaymentScore } from '../core/score/payment-score';
import type { ScoreRules, SuggestedReward } from '../core/score/score-rules';

/** Every stored record carries a version; writes are conditional on it (optimistic locking). */
export interface Versioned {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceRecord extends Invoice, Versioned {
  dunning?: DunningState;
  /**
   * What the debtor ranking counts of this invoice as overdue (core/ledger/debtor-overdue.ts), in
   * cents: set by the store at each write, carried over by `revised`, absent until then (nothing).
   */
  overdueCounted?: number;
  /**
   * How the forecast expects its money, from its debtor's history when it was first written: kept
   * on it by the report counters (use-cases/reports/report-counters.ts), which no use case sets.
   */
  expectedPayment?: ExpectedPayment;
}

export interface BehaviourCounters {
  invoicesPaid: number;
  invoicesPaidLate: number;
  totalDaysLate: number;
  escalations: number;
}

export interface DebtorRecord extends Debtor, Versioned {
  behaviour: BehaviourCounters;
  /** A hold on the whole debtor: the dunning of its invoices waits until `until`. */
  hold?: DebtorHold;
  /** The controller who owns the account; absent while nobody does. */
  owner?: DebtorOwner;
  /** Attempts to reach the debtor that failed since it was last reached (no answer, wrong contact). */
  failedContacts?: number;
  /** Which cycle the debtor is in; absent means normal. */
  management?: Management;
  /** While in special management: who put the debtor there, when and why. */
  specialManagement?: SpecialManagement;
  /** The debtor's insolvency (bankruptcy, WSNP, suspension of payments), open or closed. */
  insolvency?: Insolvency;
  /** What the score needs beyond `behaviour`; absent until the first fact after the score came. */
  paymentHistory?: PaymentHistory;
  /** The payment-behaviour score as of the last fact (the index of GET /reports/debtors reads it). */
  score?: PaymentScore;
  /** The reward of the debtor's latest move into the good-payer segment, and whether it was announced. */
  goodPayerReward?: GoodPayerReward;
  /**
   * The debtor's own request for no texts (from the self-service page, or a controller on their
   * behalf): kept by credit control, so that a `debtor.upserted` without `smsOptOut` does not undo it.
   */
  smsOptOutRequest?: { at: string; by: string };
}

/**
 * Written `pending` with the move into the good-payer segment; `announced` once the
 * `debtor.good_payer` message is published: one message per move.
 */
export interface GoodPayerReward {
  status: 'pending' | 'announced';
  since: string;
  onTimeInRow: number;
  score: number;
  rulesVersion: number;
  reward: SuggestedReward;
  announcedAt?: string;
}

/** One line of the overdue ranking: the debtor's overdue amount in one currency, in cents. */
export interface DebtorOverdue {
  debtorId: string;
  currency: string;
  overdue: number;
}

export interface DebtorOwner {
  /** The controller's user id (the token's `sub`). */
  sub: string;
  email?: string;
  since: string;
  /** 'user:<sub>' of the manager who assigned it, or 'rule:<segment>' for the assignment rule. */
  by: string;
}

/** One page of a listing, and where the next starts (absent on the last page). */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface PageRequest {
  limit: number;
  /** Opaque: the `cursor` of the page before. */
  cursor?: string;
}

/** A cursor that is not one this store handed out (edited, or of another listing). */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one a listing handed out');
    this.name = 'InvalidCursorError';
  }
}

/** Which invoices a page lists: by status, or a debtor's; due on or before `dueBy` when given. */
export type InvoiceListing =
  { status: InvoiceRecord['status']; dueBy?: CalendarDate } | { debtorId: string; dueBy?: CalendarDate };

/** Which debtors a page lists: an owner's (null: unowned) or those whose search name starts so, by name. */
export type DebtorListing = { owner: string | null } | { namePrefix: string };

export interface DebtorHold {
  until: CalendarDate;
  reason: string;
  /** 'user:<sub>'. */
  by: string;
  at: string;
}

export interface TaskRecord extends CollectionTask, Versioned {}

/** The open work of an owner's accounts: what stays on their worklist until it is done. */
export interface AccountWork {
  /** Invoices still being collected (open, overdue). */
  invoices: InvoiceRecord[];
  /** Open tasks about one of the debtors or their invoices. */
  tasks: TaskRecord[];
  /** Disputes still waiting for an answer. */
  disputes: DisputeRecord[];
}

export interface PromiseRecord extends PaymentPromise, Versioned {}

export interface DisputeRecord extends Dispute, Versioned {}

export interface PlanRecord extends PaymentPlan, Versioned {}

/** A claim handed over to the collection agency: its status there, what it collected, its fees. */
export interface AgencyClaimRecord extends AgencyClaim, Versioned {}

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

/**
 * A credit note booked against its invoice. Written only where none exists yet: a credit note id
 * is booked once, whatever the deliveries and however many arrive at the same moment.
 */
export interface CreditNoteRecord {
  id: string;
  invoiceId: string;
  debtorId: string;
  amount: number;
  currency: string;
  bookedAt: string;
  /** Part of the amount taken off what was open on the invoice. */
  appliedAmount: number;
  /** What the invoice handed back to the debtor's account because of it (it held more than it was owed). */
  creditedToAccount: number;
}

/**
 * A payment that matched nothing for a while (a reference no invoice carries, an invoice or debtor
 * that never arrived): unapplied cash, listed for controllers until one assigns it by hand.
 */
export interface UnappliedPaymentRecord extends Versioned {
  /** The payment's id. */
  id: string;
  amount: number;
  currency: string;
  receivedAt: string;
  /** What the payment named that matched nothing. */
  named: { reference?: string; invoiceId?: string; debtorId?: string };
  /** The parked subject it waited for, e.g. `reference:RF18…`. */
  waitingFor: string;
  /** The delivery that brought it, and when that was parked. */
  deliveryId: string;
  parkedAt: string;
  status: 'unapplied' | 'assigned';
  /** Who assigned it to what: the invoice it paid (if any) and the debtor who keeps the rest. */
  assignment?: { invoiceId?: string; debtorId: string; by: string; at: string };
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

/**
 * A letter to one debtor for one step in one currency on the day it is sent, possibly covering
 * several invoices: at most one per debtor, step, currency and day.
 */
export interface LetterRecord {
  debtorId: string;
  slot: string;
  /** The currency of every invoice it lists (one total, one payment). */
  currency: string;
  /** The local day it is sent (and dated). */
  day: CalendarDate;
  /** The execution that locked the letter; only it may send. */
  owner: string;
  invoiceIds: string[];
  /**
   * 'claimed': locked by `owner`, not sent yet (the stored value of a lock). 'sending': the intent
   * to send was recorded at `intentAt`, just before the call to SES, whose outcome is not recorded
   * yet. 'sent': SES accepted it and every invoice it lists carries it. 'abandoned': a 'sending'
   * letter SES never confirmed, given up for a later one.
   */
  status: 'claimed' | 'sending' | 'sent' | 'abandoned';
  intentAt?: string;
  /** What it says, kept from the intent on, so that a letter SES accepted can be recorded as sent later. */
  content?: LetterContent;
  /** SES's id: from its answer, or (while 'sending') from an SES event that came back with our tags. */
  messageId?: string;
  sentAt?: string;
  recipient?: string;
}

/** What a letter said: the evidence each invoice's timeline keeps, and a claim rests on. */
export interface LetterContent {
  template: string;
  tone: string;
  subject: string;
  fourteenDayTerm?: { endsOn: CalendarDate; costs: Money };
  /** The date the letter asked to pay by and the term in days after receipt it gave. */
  demand?: { payBy: CalendarDate; termDays: number };
  /** What a letter stating the claim asked, by when, and each invoice's part (its QR code pays the amount). */
  request?: LetterRequest;
  /** The letter's own structured reference for the total of several invoices (electronic form). */
  reference?: string;
  /** A letter by post: the PDF's key in the printed-letters bucket, and whether it goes registered. */
  post?: { pdfKey: string; registered: boolean };
}

/** What names one letter. */
export type LetterKey = Pick<LetterRecord, 'debtorId' | 'slot' | 'currency' | 'day'>;

/**
 * The structured reference of a letter listing several invoices, for its total: a payment that
 * quotes it pays the invoices the letter listed, oldest first.
 */
export interface LetterReference {
  letter: LetterKey;
  invoiceIds: string[];
}

/**
 * The letter a reply-to address names (core/replies/reply-token.ts): stored with the letter's
 * intent to send, so that a reply to any letter that may have gone out finds it.
 */
export interface ReplyAddress {
  letter: LetterKey;
  invoiceIds: string[];
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
 * The switch that holds every automatic step (letters, calls, escalations, hand-overs) while an
 * admin sorts something out. Each change is a new version, kept: who paused, when and why.
 */
export interface SendingSetting {
  version: number;
  paused: boolean;
  reason: string;
  updatedAt: string;
  /** The admin who set it (their sub). */
  updatedBy: string;
}

/**
 * How far the daily sweep of one business day got: the cursor of the last page of the due-invoice
 * index it finished, written after each page, so that a sweep that died goes on from there.
 */
export interface SweepRun {
  /** The business day swept (Europe/Amsterdam). */
  day: CalendarDate;
  /**
   * Absent on the run of the day; on the checkpoint of one range of a fanned-out run, its number
   * (the run's `ranges` index). A range's checkpoint belongs to the run numbered `run`.
   */
  part?: number;
  /** A fanned-out run's ranges of the due-invoice index, cut before its first page. */
  ranges?: SweepRange[];
  /** Runs of the day so far: a sweep after a complete run starts a new one from the first page. */
  run: number;
  /** Where the next page starts; absent before the first page. */
  cursor?: string;
  complete: boolean;
  /** Pages finished in this run. */
  pages: number;
  startedAt: string;
  updatedAt: string;
  version: number;
}

/**
 * A stretch of the due-invoice index that one worker of the sweep reads: from `cursor` (absent:
 * the index's first page) up to and including the invoice at `last` (`<due date>#<invoice id>`,
 * the index's order; absent: to the end).
 */
export interface SweepRange {
  cursor?: string;
  last?: string;
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
  | { kind: 'putPromise'; promise: PromiseRecord; expectedVersion: number | null }
  | { kind: 'putDispute'; dispute: DisputeRecord; expectedVersion: number | null }
  | { kind: 'putPayment'; payment: PaymentRecord }
  /** Written only where none exists yet: a credit note is booked once. */
  | { kind: 'putCreditNote'; creditNote: CreditNoteRecord }
  | { kind: 'putUnappliedPayment'; payment: UnappliedPaymentRecord; expectedVersion: number | null }
  | { kind: 'putReference'; reference: string; invoiceId: string }
  | { kind: 'putPlan'; plan: PlanRecord; expectedVersion: number | null }
  | { kind: 'putAgencyClaim'; claim: AgencyClaimRecord; expectedVersion: number | null }
  /** A payment plan's own reference: like an invoice's, it belongs to one plan for ever. */
  | { kind: 'putPlanReference'; reference: string; planId: string }
  /** A letter's own reference: it belongs to one letter for ever, which may list other invoices on a retry. */
  | ({ kind: 'putLetterReference'; reference: string } & LetterReference)
  /** The letter a reply-to token names; a retry of the letter writes the same again. */
  | ({ kind: 'putReplyAddress'; token: string } & ReplyAddress)
  | {
      kind: 'appendEvent';
      subject: { invoiceId: string } | { debtorId: string };
      event: TimelineEvent;
      /**
       * The entry's own key within the subject's timeline: a second write under the same key
       * replaces the first (a retried step rewrites its entry instead of adding one).
       */
      key?: string;
    }
  | { kind: 'recordDelivery'; delivery: DeliveryRecord }
  | { kind: 'park'; parked: ParkedEvent }
  | { kind: 'unpark'; parked: Pick<ParkedEvent, 'subject' | 'deliveryId' | 'receivedAt'> }
  /**
   * `lock`: written only where nobody holds the letter yet, or its owner does (see lockLetter).
   * `unlessSent`: written only while the stored letter is not marked sent.
   */
  | { kind: 'putLetter'; letter: LetterRecord; lock: boolean; unlessSent?: boolean }
  /** Adds to a controller's counters of a day (created at zero); several of one day in a commit are summed. */
  | { kind: 'countActivity'; activity: ControllerDay }
  /** Replaces the debtor's last contact: who reached it last, and when. */
  | { kind: 'putLastContact'; contact: LastContact }
  /** Adds to the portfolio ledger's counters of one fact day (created at the first). */
  | { kind: 'addPortfolioCounters'; counters: PortfolioCounters }
  /** Adds to a report family's counters of a day, or to its running totals (created at the first). */
  | { kind: 'addReportCounters'; counters: ReportCounters }
  /** Adds to a debtor's overdue movement of one week in one currency (created at the first). */
  | { kind: 'addOverdueMovement'; movement: OverdueMovement };

/**
 * How much a debtor's overdue amount in one currency moved in one week (Monday to Sunday in the
 * business calendar), in cents: the sum of the debtor ranking's moves of the week's writes.
 */
export interface OverdueMovement {
  /** The Monday the week starts on. */
  week: CalendarDate;
  debtorId: string;
  currency: string;
  /** Negative: the overdue amount went down. */
  delta: number;
}

/**
 * The portfolio ledger's counters of one fact day, currency and shard (the names are in
 * core/reports/invoice-position.ts): what the invoice changes committed that day added up to.
 */
export interface PortfolioCounters {
  day: CalendarDate;
  currency: string;
  shard: string;
  counters: Record<string, number>;
}

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
  /**
   * Open invoices (not settled, cancelled or handed over) due on or before `upTo` (and on or
   * after `from`, when given: a range of the index, not all of it), by due date.
   */
  listOpenInvoicesDueBy(upTo: CalendarDate, from?: CalendarDate): AsyncIterable<InvoiceRecord>;
  /** Invoices handed over to the collection agency (`in_collection`) due on or before `upTo`, by due date. */
  listClaimsAtAgencyDueBy(upTo: CalendarDate): AsyncIterable<InvoiceRecord>;
  /** The same index a page at a time (the sweep's pages); InvalidCursorError as `pageInvoices`. */
  pageOpenInvoicesDueBy(upTo: CalendarDate, page: PageRequest): Promise<Page<InvoiceRecord>>;
  /**
   * Every invoice, in no particular order: a scan of the whole table. For the portfolio report
   * until it reads aggregates; never on a path that must scale with the portfolio.
   */
  listInvoices(): AsyncIterable<InvoiceRecord>;
  /** How many debtors are on file: a scan, as `listInvoices`. */
  countDebtors(): Promise<number>;
  timeline(subject: { invoiceId: string } | { debtorId: string }): Promise<TimelineEvent[]>;
  parked(subject: string): Promise<ParkedEvent[]>;
  /**
   * Parked payments (events of type payment.received) parked before `before` (ISO timestamp),
   * oldest first: money that has matched nothing for a while.
   */
  listParkedPaymentsBefore(before: string): Promise<ParkedEvent[]>;
  getPayment(id: string): Promise<PaymentRecord | undefined>;
  getCreditNote(id: string): Promise<CreditNoteRecord | undefined>;
  getUnappliedPayment(id: string): Promise<UnappliedPaymentRecord | undefined>;
  /** Unapplied cash not yet assigned, oldest payment first. */
  listUnappliedPayments(): Promise<UnappliedPaymentRecord[]>;

  getPromise(id: string): Promise<PromiseRecord | undefined>;
  /** Every promise the debtor made, oldest first. */
  listPromisesOfDebtor(debtorId: string): Promise<PromiseRecord[]>;

  getDispute(id: string): Promise<DisputeRecord | undefined>;
  /** Disputes still waiting for an answer (status open), oldest first. */
  listOpenDisputes(): Promise<DisputeRecord[]>;

  getPlan(id: string): Promise<PlanRecord | undefined>;
  /** Every payment plan of the debtor, oldest first. */
  listPlansOfDebtor(debtorId: string): Promise<PlanRecord[]>;
  /** Plans whose execution has work to do (`isPlanUnderWay`), oldest first. */
  listPlansUnderWay(): Promise<PlanRecord[]>;
  findPlanIdByReference(reference: string): Promise<string | undefined>;
  findLetterByReference(reference: string): Promise<LetterReference | undefined>;
  /** The letter whose reply-to address carries this token; undefined for a token we never sent. */
  findLetterByReplyToken(token: string): Promise<ReplyAddress | undefined>;

  getAgencyClaim(invoiceId: string): Promise<AgencyClaimRecord | undefined>;
  /** The debtor's claims ever handed over to the agency (its claim file), by invoice id. */
  listAgencyClaimsOfDebtor(debtorId: string): Promise<AgencyClaimRecord[]>;
  /** Every claim handed over on or after `from` (all when absent), by the day it was handed over. */
  listAgencyClaims(from?: CalendarDate): Promise<AgencyClaimRecord[]>;

  getTask(id: string): Promise<TaskRecord | undefined>;
  listOpenTasks(): Promise<TaskRecord[]>;

  getLetter(key: LetterKey): Promise<LetterRecord | undefined>;
  /** The debtor's letters of one step, every currency and day, oldest day first. */
  listLetters(debtorId: string, slot: string): Promise<LetterRecord[]>;

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

  /** The latest sending setting; undefined while nobody ever paused (sending runs). */
  getSendingSetting(): Promise<SendingSetting | undefined>;
  /** Stores a new version, as `putStatutoryRates`: only over `expectedVersion` (null: none yet). */
  putSendingSetting(setting: SendingSetting, expectedVersion: number | null): Promise<void>;

  /** The latest worklist rules a manager stored; undefined while the defaults apply. */
  getWorklistRules(): Promise<WorklistRules | undefined>;
  /** Stores a new version, as `putStatutoryRates`: only over `expectedVersion` (null: none yet). */
  putWorklistRules(rules: WorklistRules, expectedVersion: number | null): Promise<void>;

  /** Every debtor of an owner (null: the unowned ones), by search name. */
  listDebtorsOfOwner(owner: string | null): Promise<DebtorRecord[]>;
  /** A page of debtors, by search name; throws InvalidCursorError for a cursor it did not hand out. */
  pageDebtors(listing: DebtorListing, page: PageRequest): Promise<Page<DebtorRecord>>;
  /** The open tasks about the debtor or one of its invoices. */
  listOpenTasksOfDebtor(debtorId: string): Promise<TaskRecord[]>;
  /**
   * The open invoices, tasks and disputes stamped with this owner (`accountOwner`; null: the
   * unowned), or only those of one debtor: one index partition, never another owner's work.
   */
  listAccountWork(owner: string | null, debtorId?: string): Promise<AccountWork>;
  /** Invoices carrying this number (one, unless the invoicing system reused a number). */
  findInvoicesByNumber(number: string): Promise<InvoiceRecord[]>;
  /** A page of invoices, oldest due date first; throws InvalidCursorError for a cursor it did not hand out. */
  pageInvoices(listing: InvoiceListing, page: PageRequest): Promise<Page<InvoiceRecord>>;

  /**
   * The sweep of a business day, as far as it got; undefined before its first page. With `part`,
   * the checkpoint of that range of a fanned-out run instead.
   */
  getSweepRun(day: CalendarDate, part?: number): Promise<SweepRun | undefined>;
  /** Stores it only over `expectedVersion` (null: none yet); ConcurrentModificationError otherwise. */
  putSweepRun(run: SweepRun, expectedVersion: number | null): Promise<void>;

  /** The latest score rules stored; undefined while the defaults apply. */
  getScoreRules(): Promise<ScoreRules | undefined>;
  /** Stores a new version, as `putStatutoryRates`: only over `expectedVersion` (null: none yet). */
  putScoreRules(rules: ScoreRules, expectedVersion: number | null): Promise<void>;
  /** The debtors with a score, worst first (an index keyed by score: never a scan). */
  listDebtorsByScore(limit: number): Promise<DebtorRecord[]>;
  /**
   * The debtors with the largest overdue amount in `currency`, largest first: amounts the store
   * moves in the transaction of each invoice write that changes what is overdue (a query, never a scan).
   */
  listDebtorsByOverdue(currency: string, limit: number): Promise<DebtorOverdue[]>;
  /** One debtor's overdue amount in `currency`, in cents, as the ranking holds it (0: nothing). */
  getDebtorOverdue(debtorId: string, currency: string): Promise<number>;
  /**
   * The debtors whose overdue amount in `currency` rose (`up`) or fell (`down`) most in the week
   * starting on `week`, largest movement first, at most `limit` (a query, never a scan).
   */
  listOverdueMovements(
    currency: string,
    week: CalendarDate,
    direction: 'up' | 'down',
    limit: number,
  ): Promise<OverdueMovement[]>;
  /** Debtors carrying this Chamber of Commerce number (usually one). */
  findDebtorsByKvkNumber(kvkNumber: string): Promise<DebtorRecord[]>;
  /** Publications of the insolvency register entered for this KvK number, oldest decision first. */
  listInsolvencyRegisterEntries(kvkNumber: string): Promise<InsolvencyRegisterEntry[]>;
  /** Stores a publication once per KvK number and case number: false when it was there already. */
  putInsolvencyRegisterEntry(entry: InsolvencyRegisterEntry): Promise<boolean>;

  /** The latest list of dispute causes an admin stored; undefined while the seed list applies. */
  getDisputeCauses(): Promise<DisputeCauseList | undefined>;
  /** Stores a new version, as `putStatutoryRates`: only over `expectedVersion` (null: none yet). */
  putDisputeCauses(list: DisputeCauseList, expectedVersion: number | null): Promise<void>;

  /** Who last reached the debtor (a call that got through, a promise), if anyone did. */
  getLastContact(debtorId: string): Promise<LastContact | undefined>;
  /** Every controller's counters of the days from `from` to `to`, both included. */
  listControllerDays(from: CalendarDate, to: CalendarDate): Promise<ControllerDay[]>;
  /** The portfolio ledger's counters of the fact days from `from` to `to`, both included. */
  listPortfolioCounters(from: CalendarDate, to: CalendarDate): Promise<PortfolioCounters[]>;
  /** The latest daily portfolio snapshot of a day on or before `onOrBefore`. */
  getPortfolioSnapshot(onOrBefore: CalendarDate): Promise<PortfolioPosition | undefined>;
  /** The daily portfolio snapshots of the days from `from` to `to`, both included, oldest first. */
  listPortfolioSnapshots(from: CalendarDate, to: CalendarDate): Promise<PortfolioPosition[]>;
  /** Stores the snapshot of its day; writing it again writes the same. */
  putPortfolioSnapshot(position: PortfolioPosition): Promise<void>;
  /** A report family's counters of the days from `from` to `to`, both included, oldest first. */
  listReportCounters(family: ReportFamily, from: CalendarDate, to: CalendarDate): Promise<ReportCounters[]>;
  /** A report family's running totals; empty before the first. */
  getReportTotals(family: ReportFamily): Promise<Record<string, number>>;
}

/** The methods of the store that write: `commit`, and the settings, seeds and records put whole. */
type StoreWriteMethod = 'commit' | Extract<keyof CreditStore, `put${string}`>;

/**
 * The store as a function that only reads its table sees it (its role lets it read, nothing
 * more): what a query needs, and no way to write.
 */
export type CreditReader = Omit<CreditStore, StoreWriteMethod>;

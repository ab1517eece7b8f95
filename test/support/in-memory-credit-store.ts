import type { DunningPolicy } from '../../functions/core/dunning/dunning-policy';
import type { CalendarDate } from '../../functions/core/calendar/calendar-date';
import { isOpenDispute } from '../../functions/core/disputes/dispute';
import type { DisputeCauseList } from '../../functions/core/disputes/dispute-causes';
import { isCollecting } from '../../functions/core/ledger/invoice';
import { isPlanUnderWay } from '../../functions/core/plans/payment-plan';
import {
  addCounts,
  type ControllerDay,
  type LastContact,
  mergeActivity,
} from '../../functions/core/reports/controller-activity';
import type { TimelineEvent } from '../../functions/core/ledger/timeline';
import type { InsolvencyRegisterEntry } from '../../functions/core/special/insolvency-register';
import type { PortfolioPosition } from '../../functions/core/reports/portfolio-position';
import type { ReportCounters, ReportFamily } from '../../functions/core/reports/fact-counters';
import { searchName } from '../../functions/core/worklist/search-name';
import type { WorklistRules } from '../../functions/core/worklist/worklist-rules';
import type { ScoreRules } from '../../functions/core/score/score-rules';
import { overdueMoves, stampOverdueCounted } from '../../functions/core/ledger/debtor-overdue';
import {
  type AccountWork,
  ConcurrentModificationError,
  type AgencyClaimRecord,
  type CreditNoteRecord,
  type CreditStore,
  type DebtorListing,
  type DebtorOverdue,
  type DebtorRecord,
  InvalidCursorError,
  type InvoiceListing,
  type Page,
  type PageRequest,
  type DeliveryRecord,
  type InvoiceRecord,
  type LetterKey,
  type LetterRecord,
  type LetterReference,
  type OverdueMovement,
  type ReplyAddress,
  type ParkedEvent,
  type PaymentRecord,
  type PlanRecord,
  type PortfolioCounters,
  type PromiseRecord,
  type DisputeRecord,
  type SendingSetting,
  type StatutoryRateTable,
  type StoreWrite,
  type SweepRun,
  type TaskRecord,
  type UnappliedPaymentRecord,
} from '../../functions/ports/credit-store';

/** As many writes as one DynamoDB transaction takes. */
const MAX_WRITES_PER_COMMIT = 100;
/** The invoices the daily sweep reads: those still being collected. */

type Subject = { invoiceId: string } | { debtorId: string };

/**
 * The credit store in memory, for use-case tests that need no Java. It keeps the DynamoDB
 * adapter's contract (test/support/credit-store-contract.ts runs against both): conditional
 * writes on versions and on existence, all-or-nothing commits, the orderings of the indexes, and
 * records that come back as copies without their undefined fields.
 */
export class InMemoryCreditStore implements CreditStore {
  private readonly invoices = new Map<string, InvoiceRecord>();
  private readonly debtors = new Map<string, DebtorRecord>();
  /** Each debtor's overdue amount per currency, moved as the DynamoDB store moves it (never recounted). */
  private readonly overdue = new Map<string, { debtorId: string; currency: string; overdue: number }>();
  /** Overdue movements by `<week>#<currency>#<debtorId>`. */
  private readonly movements = new Map<string, OverdueMovement>();
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly promises = new Map<string, PromiseRecord>();
  private readonly disputes = new Map<string, DisputeRecord>();
  private readonly agencyClaims = new Map<string, AgencyClaimRecord>();
  private readonly payments = new Map<string, PaymentRecord>();
  private readonly creditNotes = new Map<string, CreditNoteRecord>();
  private readonly unappliedPayments = new Map<string, UnappliedPaymentRecord>();
  private readonly references = new Map<string, string>();
  private readonly plans = new Map<string, PlanRecord>();
  /** Plan references share the invoices' key space: a reference names one invoice or one plan. */
  private readonly planReferences = new Map<string, string>();
  private readonly letterReferences = new Map<string, LetterReference>();
  private readonly replyAddresses = new Map<string, ReplyAddress>();
  private readonly deliveries = new Map<string, DeliveryRecord>();
  private readonly sweepRuns = new Map<string, SweepRun>();
  private readonly parkedEvents = new Map<string, ParkedEvent>();
  private readonly letters = new Map<string, LetterRecord>();
  private readonly timelines = new Map<string, TimelineEvent[]>();
  /** Keyed timeline entries by `<partition>|<key>`, so a second write replaces the first. */
  private readonly keyedEvents = new Map<string, TimelineEvent>();
  private readonly policyVersions = new Map<string, DunningPolicy>();
  private readonly latestPolicies = new Map<string, DunningPolicy>();
  private readonly rateVersions = new Map<number, StatutoryRateTable>();
  private latestRates: StatutoryRateTable | undefined;
  private readonly sendingVersions = new Map<number, SendingSetting>();
  private latestSending: SendingSetting | undefined;
  private readonly worklistRulesVersions = new Map<number, WorklistRules>();
  private latestWorklistRules: WorklistRules | undefined;
  private readonly scoreRulesVersions = new Map<number, ScoreRules>();
  private latestScoreRules: ScoreRules | undefined;
  private readonly disputeCauseVersions = new Map<number, DisputeCauseList>();
  private latestDisputeCauses: DisputeCauseList | undefined;
  private readonly registerEntries = new Map<string, InsolvencyRegisterEntry>();
  private readonly controllerDays = new Map<string, ControllerDay>();
  private readonly lastContacts = new Map<string, LastContact>();
  /** Portfolio counters by `<day>#<currency>#<shard>`, and snapshots by day. */
  private readonly portfolioCounters = new Map<string, PortfolioCounters>();
  private readonly reportCounters = new Map<string, ReportCounters>();
  private readonly portfolioSnapshots = new Map<string, PortfolioPosition>();

  async getLastContact(debtorId: string): Promise<LastContact | undefined> {
    return copy(this.lastContacts.get(debtorId));
  }

  async listControllerDays(from: CalendarDate, to: CalendarDate): Promise<ControllerDay[]> {
    return [...this.controllerDays.values()].filter((day) => day.day >= from && day.day <= to).map(copy);
  }

  async commit(asked: readonly StoreWrite[]): Promise<void> {
    if (asked.length === 0) return;
    const writes = mergeActivity(asked);
    const invoices = writes.flatMap((w) => (w.kind === 'putInvoice' ? [w] : []));
    // The debtors' overdue amounts move in the same transaction, one more write each.
    const moves = overdueMoves(invoices);
    if (writes.length + moves.length > MAX_WRITES_PER_COMMIT) {
      throw new Error(
        `a commit holds at most ${MAX_WRITES_PER_COMMIT} writes, not ${writes.length + moves.length}`,
      );
    }
    const records = writes.map(recordOf).filter((record) => record !== undefined);
    const twice = records.find((record, i) => records.indexOf(record) !== i);
    if (twice) throw new Error(`a commit cannot write one record twice: ${twice}`);
    // Every condition is checked before anything is written: one that fails undoes the commit.
    const failed = writes.filter((write) => !this.allows(write));
    if (failed.length > 0) {
      throw new ConcurrentModificationError(
        `conditional write failed for: ${failed.map((write) => write.kind).join(', ')}`,
      );
    }
    for (const write of writes) this.apply(write);
    for (const move of moves) {
      const key = `${move.debtorId}\u0000${move.currency}`;
      this.overdue.set(key, { ...move, overdue: (this.overdue.get(key)?.overdue ?? 0) + move.delta });
    }
    for (const write of invoices) stampOverdueCounted(write.invoice);
  }

  async getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    return copy(this.deliveries.get(id));
  }

  async getDebtor(id: string): Promise<DebtorRecord | undefined> {
    return copy(this.debtors.get(id));
  }

  async getInvoice(id: string): Promise<InvoiceRecord | undefined> {
    return copy(this.invoices.get(id));
  }

  async findInvoiceIdByReference(reference: string): Promise<string | undefined> {
    return this.references.get(reference);
  }

  async listInvoicesOfDebtor(debtorId: string): Promise<InvoiceRecord[]> {
    return [...this.invoices.values()]
      .filter((invoice) => invoice.debtorId === debtorId)
      .sort(by((invoice) => `${invoice.dueDate}#${invoice.id}`))
      .map(copy);
  }

  async *listInvoices(): AsyncIterable<InvoiceRecord> {
    for (const invoice of this.invoices.values()) yield copy(invoice);
  }

  async countDebtors(): Promise<number> {
    return this.debtors.size;
  }

  async *listOpenInvoicesDueBy(upTo: CalendarDate, from?: CalendarDate): AsyncIterable<InvoiceRecord> {
    const due = [...this.invoices.values()]
      .filter(
        (invoice) =>
          isCollecting(invoice) && invoice.dueDate <= upTo && (from === undefined || invoice.dueDate >= from),
      )
      .sort(by((invoice) => `${invoice.dueDate}#${invoice.id}`));
    for (const invoice of due) yield copy(invoice);
  }

  async *listClaimsAtAgencyDueBy(upTo: CalendarDate): AsyncIterable<InvoiceRecord> {
    const due = [...this.invoices.values()]
      .filter((invoice) => invoice.status === 'in_collection' && invoice.dueDate <= upTo)
      .sort(by((invoice) => `${invoice.dueDate}#${invoice.id}`));
    for (const invoice of due) yield copy(invoice);
  }

  async pageOpenInvoicesDueBy(upTo: CalendarDate, page: PageRequest): Promise<Page<InvoiceRecord>> {
    const keyed = [...this.invoices.values()]
      .filter((invoice) => isCollecting(invoice) && invoice.dueDate <= upTo)
      .map((invoice): [string, InvoiceRecord] => [`${invoice.dueDate}#${invoice.id}`, invoice])
      .sort(([a], [b]) => compare(a, b));
    return pageOf(keyed, page);
  }

  async getSweepRun(day: CalendarDate, part?: number): Promise<SweepRun | undefined> {
    return copy(this.sweepRuns.get(`${day}#${part ?? ''}`));
  }

  async putSweepRun(run: SweepRun, expectedVersion: number | null): Promise<void> {
    const key = `${run.day}#${run.part ?? ''}`;
    if ((this.sweepRuns.get(key)?.version ?? null) !== expectedVersion) {
      throw new ConcurrentModificationError(`the sweep of ${run.day} was moved on by another run`);
    }
    this.sweepRuns.set(key, stored(run));
  }

  async timeline(subject: Subject): Promise<TimelineEvent[]> {
    // Sorted by time; entries of the same moment keep the order they were written in.
    return [...(this.timelines.get(partition(subject)) ?? [])].sort(by((event) => event.at)).map(copy);
  }

  async parked(subject: string): Promise<ParkedEvent[]> {
    return [...this.parkedEvents.values()]
      .filter((event) => event.subject === subject)
      .sort(by((event) => `${event.receivedAt}#${event.deliveryId}`))
      .map(copy);
  }

  async getPayment(id: string): Promise<PaymentRecord | undefined> {
    return copy(this.payments.get(id));
  }

  async getPromise(id: string): Promise<PromiseRecord | undefined> {
    return copy(this.promises.get(id));
  }

  async listPromisesOfDebtor(debtorId: string): Promise<PromiseRecord[]> {
    return [...this.promises.values()]
      .filter((promise) => promise.debtorId === debtorId)
      .sort(by((promise) => `${promise.takenAt}#${promise.id}`))
      .map(copy);
  }

  async getDispute(id: string): Promise<DisputeRecord | undefined> {
    return copy(this.disputes.get(id));
  }

  async getAgencyClaim(invoiceId: string): Promise<AgencyClaimRecord | undefined> {
    return copy(this.agencyClaims.get(invoiceId));
  }

  async listAgencyClaimsOfDebtor(debtorId: string): Promise<AgencyClaimRecord[]> {
    return [...this.agencyClaims.values()]
      .filter((claim) => claim.debtorId === debtorId)
      .sort(by((claim) => claim.invoiceId))
      .map((claim) => copy(claim));
  }

  async listAgencyClaims(from?: CalendarDate): Promise<AgencyClaimRecord[]> {
    return [...this.agencyClaims.values()]
      .filter((claim) => from === undefined || claim.handedOverOn >= from)
      .sort(by((claim) => `${claim.handedOverOn}#${claim.invoiceId}`))
      .map((claim) => copy(claim));
  }

  async listOpenDisputes(): Promise<DisputeRecord[]> {
    return [...this.disputes.values()]
      .filter(isOpenDispute)
      .sort(by((dispute) => `${dispute.raisedAt}#${dispute.id}`))
      .map((dispute) => copy(dispute));
  }

  async getCreditNote(id: string): Promise<CreditNoteRecord | undefined> {
    return copy(this.creditNotes.get(id));
  }

  async getUnappliedPayment(id: string): Promise<UnappliedPaymentRecord | undefined> {
    return copy(this.unappliedPayments.get(id));
  }

  async listUnappliedPayments(): Promise<UnappliedPaymentRecord[]> {
    return [...this.unappliedPayments.values()]
      .filter((payment) => payment.status === 'unapplied')
      .sort(by((payment) => `${payment.receivedAt}#${payment.id}`))
      .map(copy);
  }

  async listParkedPaymentsBefore(before: string): Promise<ParkedEvent[]> {
    return [...this.parkedEvents.values()]
      .filter((event) => event.event.type === 'payment.received')
      .filter((event) => `${event.receivedAt}#${event.deliveryId}` < before)
      .sort(by((event) => `${event.receivedAt}#${event.deliveryId}`))
      .map(copy);
  }

  async getPlan(id: string): Promise<PlanRecord | undefined> {
    return copy(this.plans.get(id));
  }

  async listPlansOfDebtor(debtorId: string): Promise<PlanRecord[]> {
    return [...this.plans.values()]
      .filter((plan) => plan.debtorId === debtorId)
      .sort(by((plan) => `${plan.createdAt}#${plan.id}`))
      .map(copy);
  }

  async listPlansUnderWay(): Promise<PlanRecord[]> {
    return [...this.plans.values()]
      .filter(isPlanUnderWay)
      .sort(by((plan) => `${plan.createdAt}#${plan.id}`))
      .map(copy);
  }

  async findPlanIdByReference(reference: string): Promise<string | undefined> {
    return this.planReferences.get(reference);
  }

  async findLetterByReference(reference: string): Promise<LetterReference | undefined> {
    return copy(this.letterReferences.get(reference));
  }

  async findLetterByReplyToken(token: string): Promise<ReplyAddress | undefined> {
    return copy(this.replyAddresses.get(token));
  }

  async getTask(id: string): Promise<TaskRecord | undefined> {
    return copy(this.tasks.get(id));
  }

  async listOpenTasks(): Promise<TaskRecord[]> {
    return [...this.tasks.values()]
      .filter((task) => task.status === 'open')
      .sort(
        (a, b) =>
          compare(a.dueDate, b.dueDate) ||
          Math.round(b.priority) - Math.round(a.priority) ||
          compare(a.id, b.id),
      )
      .map(copy);
  }

  async getLetter(key: LetterKey): Promise<LetterRecord | undefined> {
    return copy(this.letters.get(letterKey(key)));
  }

  async listLetters(debtorId: string, slot: string): Promise<LetterRecord[]> {
    const prefix = `${debtorId}#${slot}#`;
    return [...this.letters.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, letter]) => copy(letter));
  }

  async listPolicies(): Promise<DunningPolicy[]> {
    return [...this.latestPolicies.values()].sort(by((policy) => policy.id)).map(copy);
  }

  async getPolicy(id: string, version?: number): Promise<DunningPolicy | undefined> {
    return copy(
      version === undefined ? this.latestPolicies.get(id) : this.policyVersions.get(`${id}#${version}`),
    );
  }

  async putPolicy(policy: DunningPolicy): Promise<void> {
    const latest = this.latestPolicies.get(policy.id);
    const follows = policy.version === 1 ? latest === undefined : latest?.version === policy.version - 1;
    if (!follows || this.policyVersions.has(`${policy.id}#${policy.version}`)) {
      throw new ConcurrentModificationError(
        `policy ${policy.id} version ${policy.version} does not follow the latest version`,
      );
    }
    this.policyVersions.set(`${policy.id}#${policy.version}`, stored(policy));
    this.latestPolicies.set(policy.id, stored(policy));
  }

  async getStatutoryRates(): Promise<StatutoryRateTable | undefined> {
    return copy(this.latestRates);
  }

  async putStatutoryRates(table: StatutoryRateTable, expectedVersion: number | null): Promise<void> {
    if ((this.latestRates?.version ?? null) !== expectedVersion || this.rateVersions.has(table.version)) {
      throw new ConcurrentModificationError(
        `rate table version ${table.version} does not follow the latest version`,
      );
    }
    this.rateVersions.set(table.version, stored(table));
    this.latestRates = stored(table);
  }

  async getSendingSetting(): Promise<SendingSetting | undefined> {
    return copy(this.latestSending);
  }

  async putSendingSetting(setting: SendingSetting, expectedVersion: number | null): Promise<void> {
    if (
      (this.latestSending?.version ?? null) !== expectedVersion ||
      this.sendingVersions.has(setting.version)
    ) {
      throw new ConcurrentModificationError(
        `sending setting version ${setting.version} does not follow the latest version`,
      );
    }
    this.sendingVersions.set(setting.version, stored(setting));
    this.latestSending = stored(setting);
  }

  async getScoreRules(): Promise<ScoreRules | undefined> {
    return copy(this.latestScoreRules);
  }

  async putScoreRules(rules: ScoreRules, expectedVersion: number | null): Promise<void> {
    if (
      (this.latestScoreRules?.version ?? null) !== expectedVersion ||
      this.scoreRulesVersions.has(rules.version)
    ) {
      throw new ConcurrentModificationError(
        `score rules version ${rules.version} do not follow the latest version`,
      );
    }
    this.scoreRulesVersions.set(rules.version, stored(rules));
    this.latestScoreRules = stored(rules);
  }

  async listDebtorsByScore(limit: number): Promise<DebtorRecord[]> {
    return [...this.debtors.values()]
      .filter((debtor) => debtor.score !== undefined)
      .sort((a, b) => (a.score?.value ?? 0) - (b.score?.value ?? 0) || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((debtor) => copy(debtor));
  }

  async listDebtorsByOverdue(currency: string, limit: number): Promise<DebtorOverdue[]> {
    return [...this.overdue.values()]
      .filter((line) => line.currency === currency && line.overdue > 0)
      .sort((a, b) => b.overdue - a.overdue || compare(b.debtorId, a.debtorId))
      .slice(0, limit)
      .map(({ debtorId, overdue }) => ({ debtorId, currency, overdue }));
  }

  async getDebtorOverdue(debtorId: string, currency: string): Promise<number> {
    return this.overdue.get(`${debtorId}\u0000${currency}`)?.overdue ?? 0;
  }

  async listOverdueMovements(
    currency: string,
    week: CalendarDate,
    direction: 'up' | 'down',
    limit: number,
  ): Promise<OverdueMovement[]> {
    const sign = direction === 'up' ? 1 : -1;
    return [...this.movements.values()]
      .filter((m) => m.currency === currency && m.week === week && m.delta * sign > 0)
      .sort((a, b) => (b.delta - a.delta) * sign)
      .slice(0, limit)
      .map(copy);
  }

  async getWorklistRules(): Promise<WorklistRules | undefined> {
    return copy(this.latestWorklistRules);
  }

  async putWorklistRules(rules: WorklistRules, expectedVersion: number | null): Promise<void> {
    if (
      (this.latestWorklistRules?.version ?? null) !== expectedVersion ||
      this.worklistRulesVersions.has(rules.version)
    ) {
      throw new ConcurrentModificationError(
        `worklist rules version ${rules.version} do not follow the latest version`,
      );
    }
    this.worklistRulesVersions.set(rules.version, stored(rules));
    this.latestWorklistRules = stored(rules);
  }

  async listDebtorsOfOwner(owner: string | null): Promise<DebtorRecord[]> {
    return this.debtorsBy({ owner }).map(([, debtor]) => copy(debtor));
  }

  async pageDebtors(listing: DebtorListing, page: PageRequest): Promise<Page<DebtorRecord>> {
    return pageOf(this.debtorsBy(listing), page);
  }

  async listOpenTasksOfDebtor(debtorId: string): Promise<TaskRecord[]> {
    return [...this.tasks.values()]
      .filter((task) => task.status === 'open' && task.debtorId === debtorId)
      .sort(by((task) => task.id))
      .map(copy);
  }

  async listAccountWork(owner: string | null, debtorId?: string): Promise<AccountWork> {
    // As the index: unowned work has no stamp; sorted by debtor, then kind, then id.
    const mine = <T extends { accountOwner?: string; debtorId?: string; id: string }>(record: T) =>
      (record.accountOwner ?? null) === owner &&
      record.debtorId !== undefined &&
      (debtorId === undefined || record.debtorId === debtorId);
    const order = by((record: { debtorId?: string; id: string }) => `${record.debtorId}#${record.id}`);
    return {
      invoices: [...this.invoices.values()]
        .filter((i) => isCollecting(i) && mine(i))
        .sort(order)
        .map(copy),
      tasks: [...this.tasks.values()]
        .filter((t) => t.status === 'open' && mine(t))
        .sort(order)
        .map(copy),
      disputes: [...this.disputes.values()]
        .filter((d) => isOpenDispute(d) && mine(d))
        .sort(order)
        .map(copy),
    };
  }

  async findInvoicesByNumber(number: string): Promise<InvoiceRecord[]> {
    return [...this.invoices.values()]
      .filter((invoice) => invoice.number === number)
      .sort(by((invoice) => invoice.id))
      .map(copy);
  }

  async pageInvoices(listing: InvoiceListing, page: PageRequest): Promise<Page<InvoiceRecord>> {
    const keyed = [...this.invoices.values()]
      .filter((invoice) =>
        'status' in listing ? invoice.status === listing.status : invoice.debtorId === listing.debtorId,
      )
      .filter((invoice) => listing.dueBy === undefined || invoice.dueDate <= listing.dueBy)
      .map((invoice): [string, InvoiceRecord] => [`${invoice.dueDate}#${invoice.id}`, invoice])
      .sort(([a], [b]) => compare(a, b));
    return pageOf(keyed, page);
  }

  /** Debtors with the sort key of the index a listing reads: search name, then id. */
  private debtorsBy(listing: DebtorListing): [string, DebtorRecord][] {
    return [...this.debtors.values()]
      .map((debtor): [string, DebtorRecord] => [`${searchName(debtor.name)}#${debtor.id}`, debtor])
      .filter(([key, debtor]) =>
        'owner' in listing
          ? (debtor.owner?.sub ?? null) === listing.owner
          : key.startsWith(listing.namePrefix),
      )
      .sort(([a], [b]) => compare(a, b));
  }

  async findDebtorsByKvkNumber(kvkNumber: string): Promise<DebtorRecord[]> {
    return [...this.debtors.values()]
      .filter((debtor) => debtor.kvkNumber === kvkNumber)
      .sort(by((debtor) => debtor.id))
      .map(copy);
  }

  async listInsolvencyRegisterEntries(kvkNumber: string): Promise<InsolvencyRegisterEntry[]> {
    return [...this.registerEntries.values()]
      .filter((entry) => entry.kvkNumber === kvkNumber)
      .sort(by((entry) => entry.date))
      .map(copy);
  }

  async putInsolvencyRegisterEntry(entry: InsolvencyRegisterEntry): Promise<boolean> {
    const key = `${entry.kvkNumber}|${entry.caseNumber}`;
    if (this.registerEntries.has(key)) return false;
    this.registerEntries.set(key, copy(entry));
    return true;
  }

  async getDisputeCauses(): Promise<DisputeCauseList | undefined> {
    return copy(this.latestDisputeCauses);
  }

  async putDisputeCauses(list: DisputeCauseList, expectedVersion: number | null): Promise<void> {
    if (
      (this.latestDisputeCauses?.version ?? null) !== expectedVersion ||
      this.disputeCauseVersions.has(list.version)
    ) {
      throw new ConcurrentModificationError(
        `dispute causes version ${list.version} do not follow the latest version`,
      );
    }
    this.disputeCauseVersions.set(list.version, stored(list));
    this.latestDisputeCauses = stored(list);
  }

  async listReportCounters(
    family: ReportFamily,
    from: CalendarDate,
    to: CalendarDate,
  ): Promise<ReportCounters[]> {
    return [...this.reportCounters.values()]
      .filter(
        (entry) => entry.family === family && entry.day !== undefined && entry.day >= from && entry.day <= to,
      )
      .sort(by((entry) => entry.day ?? ''))
      .map(copy);
  }

  async getReportTotals(family: ReportFamily): Promise<Record<string, number>> {
    return { ...this.reportCounters.get(`${family}#totals`)?.counters };
  }

  async listPortfolioCounters(from: CalendarDate, to: CalendarDate): Promise<PortfolioCounters[]> {
    return [...this.portfolioCounters.values()]
      .filter((entry) => entry.day >= from && entry.day <= to)
      .sort(by((entry) => `${entry.day}#${entry.currency}#${entry.shard}`))
      .map(copy);
  }

  async getPortfolioSnapshot(onOrBefore: CalendarDate): Promise<PortfolioPosition | undefined> {
    const days = [...this.portfolioSnapshots.keys()].filter((day) => day <= onOrBefore).sort(compare);
    const day = days.at(-1);
    return day === undefined ? undefined : copy(this.portfolioSnapshots.get(day));
  }

  async listPortfolioSnapshots(from: CalendarDate, to: CalendarDate): Promise<PortfolioPosition[]> {
    return [...this.portfolioSnapshots.values()]
      .filter((snapshot) => snapshot.day >= from && snapshot.day <= to)
      .sort(by((snapshot) => snapshot.day))
      .map(copy);
  }

  async putPortfolioSnapshot(position: PortfolioPosition): Promise<void> {
    this.portfolioSnapshots.set(position.day, stored(position));
  }

  /** Whether the write's condition holds on what is stored now. */
  private allows(write: StoreWrite): boolean {
    switch (write.kind) {
      case 'putInvoice': {
        const current = this.invoices.get(write.invoice.id);
        // As the DynamoDB store: the stored invoice must carry what the caller says was counted.
        const counted =
          write.expectedVersion === null ||
          (current?.overdueCounted ?? 0) === (write.invoice.overdueCounted ?? 0);
        return versionMatches(current, write.expectedVersion) && counted;
      }
      case 'putDebtor':
        return versionMatches(this.debtors.get(write.debtor.id), write.expectedVersion);
      case 'putTask':
        return versionMatches(this.tasks.get(write.task.id), write.expectedVersion);
      case 'putPromise':
        return versionMatches(this.promises.get(write.promise.id), write.expectedVersion);
      case 'putDispute':
        return versionMatches(this.disputes.get(write.dispute.id), write.expectedVersion);
      case 'putAgencyClaim':
        return versionMatches(this.agencyClaims.get(write.claim.invoiceId), write.expectedVersion);
      case 'putPayment':
        return !this.payments.has(write.payment.id);
      case 'putCreditNote':
        return !this.creditNotes.has(write.creditNote.id);
      case 'putUnappliedPayment':
        return versionMatches(this.unappliedPayments.get(write.payment.id), write.expectedVersion);
      case 'putReference': {
        // A reference belongs to one invoice for ever.
        const owner = this.references.get(write.reference);
        return (
          (owner === undefined || owner === write.invoiceId) &&
          !this.planReferences.has(write.reference) &&
          !this.letterReferences.has(write.reference)
        );
      }
      case 'putPlan':
        return versionMatches(this.plans.get(write.plan.id), write.expectedVersion);
      case 'putPlanReference': {
        const owner = this.planReferences.get(write.reference);
        return (
          (owner === undefined || owner === write.planId) &&
          !this.references.has(write.reference) &&
          !this.letterReferences.has(write.reference)
        );
      }
      case 'putLetterReference': {
        // One letter for ever; a retry of that letter may list fewer invoices.
        const owner = this.letterReferences.get(write.reference)?.letter;
        return (
          (owner === undefined || letterKey(owner) === letterKey(write.letter)) &&
          !this.references.has(write.reference) &&
          !this.planReferences.has(write.reference)
        );
      }
      case 'putReplyAddress':
        return true;
      case 'recordDelivery':
        return !this.deliveries.has(write.delivery.id);
      case 'putLetter': {
        // Locking: nobody holds the letter yet, or we already do (a retry of our own task); and,
        // when asked, the letter is not marked sent.
        const held = this.letters.get(letterKey(write.letter));
        const locked = !write.lock || held === undefined || held.owner === write.letter.owner;
        return locked && !(write.unlessSent && held?.status === 'sent');
      }
      case 'appendEvent':
      case 'park':
      case 'unpark':
      case 'countActivity':
      case 'putLastContact':
      case 'addPortfolioCounters':
      case 'addReportCounters':
      case 'addOverdueMovement':
        return true;
    }
  }

  private apply(write: StoreWrite): void {
    switch (write.kind) {
      case 'putInvoice':
        this.invoices.set(write.invoice.id, stored(stampOverdueCounted({ ...write.invoice })));
        return;
      case 'putDebtor':
        this.debtors.set(write.debtor.id, stored(write.debtor));
        return;
      case 'putTask':
        this.tasks.set(write.task.id, stored(write.task));
        return;
      case 'putPromise':
        this.promises.set(write.promise.id, stored(write.promise));
        return;
      case 'putDispute':
        this.disputes.set(write.dispute.id, stored(write.dispute));
        return;
      case 'putAgencyClaim':
        this.agencyClaims.set(write.claim.invoiceId, stored(write.claim));
        return;
      case 'putPayment':
        this.payments.set(write.payment.id, stored(write.payment));
        return;
      case 'putCreditNote':
        this.creditNotes.set(write.creditNote.id, stored(write.creditNote));
        return;
      case 'putUnappliedPayment':
        this.unappliedPayments.set(write.payment.id, stored(write.payment));
        return;
      case 'putReference':
        this.references.set(write.reference, write.invoiceId);
        return;
      case 'putPlan':
        this.plans.set(write.plan.id, stored(write.plan));
        return;
      case 'putPlanReference':
        this.planReferences.set(write.reference, write.planId);
        return;
      case 'putReplyAddress':
        this.replyAddresses.set(write.token, stored({ letter: write.letter, invoiceIds: write.invoiceIds }));
        return;
      case 'putLetterReference':
        this.letterReferences.set(
          write.reference,
          stored({ letter: write.letter, invoiceIds: write.invoiceIds }),
        );
        return;
      case 'appendEvent': {
        const key = partition(write.subject);
        const event = stored(write.event);
        const entries = this.timelines.get(key) ?? [];
        if (write.key === undefined) {
          this.timelines.set(key, [...entries, event]);
          return;
        }
        // A keyed entry replaces the one written under the same key before.
        const previous = this.keyedEvents.get(`${key}|${write.key}`);
        this.keyedEvents.set(`${key}|${write.key}`, event);
        this.timelines.set(key, [...entries.filter((entry) => entry !== previous), event]);
        return;
      }
      case 'recordDelivery':
        this.deliveries.set(write.delivery.id, stored(write.delivery));
        return;
      case 'park':
        this.parkedEvents.set(parkedKey(write.parked), stored(write.parked));
        return;
      case 'unpark':
        this.parkedEvents.delete(parkedKey(write.parked));
        return;
      case 'putLetter':
        this.letters.set(letterKey(write.letter), stored(write.letter));
        return;
      case 'countActivity': {
        const { activity } = write;
        const key = `${activity.day}#${activity.owner}`;
        const seen = this.controllerDays.get(key);
        const email = activity.email ?? seen?.email;
        this.controllerDays.set(
          key,
          stored({
            owner: activity.owner,
            ...(email ? { email } : {}),
            day: activity.day,
            counts: addCounts(seen?.counts ?? {}, activity.counts),
          }),
        );
        return;
      }
      case 'putLastContact':
        this.lastContacts.set(write.contact.debtorId, stored(write.contact));
        return;
      case 'addOverdueMovement': {
        const { week, currency, debtorId, delta } = write.movement;
        const key = `${week}#${currency}#${debtorId}`;
        const seen = this.movements.get(key);
        this.movements.set(key, { ...write.movement, delta: (seen?.delta ?? 0) + delta });
        return;
      }
      case 'addPortfolioCounters': {
        const { day, currency, shard, counters } = write.counters;
        const key = `${day}#${currency}#${shard}`;
        const entry = this.portfolioCounters.get(key) ?? { day, currency, shard, counters: {} };
        for (const [name, delta] of Object.entries(counters))
          entry.counters[name] = (entry.counters[name] ?? 0) + delta;
        this.portfolioCounters.set(key, entry);
        return;
      }
      case 'addReportCounters': {
        const { family, day, counters } = write.counters;
        const key = `${family}#${day ?? 'totals'}`;
        const entry = this.reportCounters.get(key) ?? { family, ...(day ? { day } : {}), counters: {} };
        for (const [name, delta] of Object.entries(counters))
          entry.counters[name] = (entry.counters[name] ?? 0) + delta;
        this.reportCounters.set(key, entry);
        return;
      }
    }
  }
}

/** The record a write touches; a timeline entry is always a record of its own. */
function recordOf(write: StoreWrite): string | undefined {
  switch (write.kind) {
    case 'putInvoice':
      return `invoice ${write.invoice.id}`;
    case 'putDebtor':
      return `debtor ${write.debtor.id}`;
    case 'putTask':
      return `task ${write.task.id}`;
    case 'putPromise':
      return `promise ${write.promise.id}`;
    case 'putDispute':
      return `dispute ${write.dispute.id}`;
    case 'putAgencyClaim':
      return `agency claim ${write.claim.invoiceId}`;
    case 'putPayment':
      return `payment ${write.payment.id}`;
    case 'putCreditNote':
      return `credit note ${write.creditNote.id}`;
    case 'putUnappliedPayment':
      return `unapplied payment ${write.payment.id}`;
    case 'putReference':
    case 'putPlanReference':
    case 'putLetterReference':
      return `reference ${write.reference}`;
    case 'putReplyAddress':
      return `reply address ${write.token}`;
    case 'putPlan':
      return `plan ${write.plan.id}`;
    case 'recordDelivery':
      return `delivery ${write.delivery.id}`;
    case 'park':
    case 'unpark':
      return `parked event ${parkedKey(write.parked)}`;
    case 'putLetter':
      return `letter ${letterKey(write.letter)}`;
    case 'countActivity':
      return `controller day ${write.activity.day}#${write.activity.owner}`;
    case 'putLastContact':
      return `last contact ${write.contact.debtorId}`;
    case 'addPortfolioCounters':
      return `portfolio counters ${write.counters.day}#${write.counters.currency}#${write.counters.shard}`;
    case 'addReportCounters':
      return `report counters ${write.counters.family}#${write.counters.day ?? 'totals'}`;
    case 'addOverdueMovement':
      return `overdue movement ${write.movement.week}#${write.movement.currency}#${write.movement.debtorId}`;
    case 'appendEvent':
      return undefined;
  }
}

function versionMatches(current: { version: number } | undefined, expected: number | null): boolean {
  return expected === null ? current === undefined : current?.version === expected;
}

function partition(subject: Subject): string {
  return 'invoiceId' in subject ? `invoice ${subject.invoiceId}` : `debtor ${subject.debtorId}`;
}

function parkedKey(parked: Pick<ParkedEvent, 'subject' | 'receivedAt' | 'deliveryId'>): string {
  return `${parked.subject}#${parked.receivedAt}#${parked.deliveryId}`;
}

/** Sorts as the table's sort key does: by step, then day, then currency. */
function letterKey(letter: LetterKey): string {
  return `${letter.debtorId}#${letter.slot}#${letter.day}#${letter.currency}`;
}

/**
 * What DynamoDB keeps of a value: a deep copy without undefined fields (the adapter writes with
 * `removeUndefinedValues`), so that a caller who changes its object afterwards changes nothing here.
 */
function stored<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(stored) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([name, field]) => [name, stored(field)]),
  ) as T;
}

/** A page of items sorted by key, continuing after the key the cursor names, as a Query with Limit does. */
function pageOf<T>(keyed: [string, T][], page: PageRequest): Page<T> {
  let after: string | undefined;
  if (page.cursor !== undefined) {
    after = Buffer.from(page.cursor, 'base64url').toString('utf8');
    if (!after.includes('#')) throw new InvalidCursorError();
  }
  const rest = keyed.filter(([key]) => after === undefined || key > after);
  const items = rest.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(([, item]) => copy(item)),
    ...(rest.length > page.limit && last ? { cursor: Buffer.from(last[0]).toString('base64url') } : {}),
  };
}

/** A read hands out a copy: changing it must not change the store before a commit. */
function copy<T>(value: T): T {
  return stored(value);
}

/** Orders as DynamoDB orders string keys (by code unit, not by locale). */
function by<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compare(key(a), key(b));
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

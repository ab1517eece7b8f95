import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  paginateScan,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  type ScanCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { DunningPolicy } from '../../core/dunning/dunning-policy';
import { isOpenDispute } from '../../core/disputes/dispute';
import type { DisputeCauseList } from '../../core/disputes/dispute-causes';
import { isCollecting } from '../../core/ledger/invoice';
import { type OverdueMove, overdueMoves, stampOverdueCounted } from '../../core/ledger/debtor-overdue';
import { isPlanUnderWay } from '../../core/plans/payment-plan';
import { type ControllerDay, type LastContact, mergeActivity } from '../../core/reports/controller-activity';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { InsolvencyRegisterEntry } from '../../core/special/insolvency-register';
import { addDays, type CalendarDate as Day } from '../../core/calendar/calendar-date';
import type { PortfolioPosition } from '../../core/reports/portfolio-position';
import type { ReportCounters, ReportFamily } from '../../core/reports/fact-counters';
import {
  countersOf,
  reportCountersKey,
  reportCountersUpdate,
  reportMonthQueries,
} from './report-counter-items';
import { searchName } from '../../core/worklist/search-name';
import type { WorklistRules } from '../../core/worklist/worklist-rules';
import type { ScoreRules } from '../../core/score/score-rules';
import {
  ConcurrentModificationError,
  type AccountWork,
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
} from '../../ports/credit-store';
import {
  controllerDayOf,
  controllerDayUpdate,
  lastContactKey,
  lastContactPut,
  monthsOf,
} from './controller-day-items';
import {
  accountWorkKeys,
  DEBTOR_SCORES,
  DEBTORS,
  scoreSortKey,
  COUNTER_PREFIX,
  PORTFOLIO_SNAPSHOTS,
  portfolioMonth,
  invoiceNumberPartition,
  invoiceStatusPartition,
  keys,
  kvkPartition,
  letterPrefix,
  ownerPartition,
  OPEN_DISPUTES,
  AGENCY_CLAIMS,
  CLAIMS_AT_AGENCY,
  PLANS_UNDER_WAY,
  OPEN_INVOICES,
  OPEN_TASKS,
  overdueMovementPartition,
  overduePartition,
  PARKED_PAYMENTS,
  POLICIES,
  prioritySortKey,
  stripKeys,
  UNAPPLIED_PAYMENTS,
} from './item-keys';
import { wholeItems } from './index-hydration';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const DELIVERY_RETENTION_SECONDS = 30 * 86_400;
/** A week's overdue movements are read the Monday after it; kept eight weeks for a late look. */
const MOVEMENT_RETENTION_SECONDS = 56 * 86_400;

/**
 * Every call asks for its consumed capacity split by table and index (INDEXES, which carries the
 * total too): the traced client puts it on each call's X-Ray subsegment, which is where operations
 * see what a Lambda costs in read and write units and which index takes them (the bench reads the
 * same figures locally).
 */
const CONSUMED_CAPACITY = 'INDEXES';

export class DynamoDbCreditStore implements CreditStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async commit(asked: readonly StoreWrite[]): Promise<void> {
    if (asked.length === 0) return;
    const writes = mergeActivity(asked);
    const invoices = writes.flatMap((w) => (w.kind === 'putInvoice' ? [w] : []));
    // The debtors' overdue amounts move in the same transaction as the invoices that move them.
    const moves = overdueMoves(invoices);
    const items = [
      ...writes.map((w) => this.toTransactItem(w)),
      ...moves.map((move) => this.overdueUpdate(move)),
    ];
    const kindAt = (i: number) => writes[i]?.kind ?? 'debtorOverdue';
    try {
      // A transaction costs twice the write units of a plain write; one item needs none.
      const only = items.length === 1 ? items[0] : undefined;
      if (only?.Put)
        await this.doc.send(new PutCommand({ ...only.Put, ReturnConsumedCapacity: CONSUMED_CAPACITY }));
      else if (only?.Delete)
        await this.doc.send(new DeleteCommand({ ...only.Delete, ReturnConsumedCapacity: CONSUMED_CAPACITY }));
      else
        await this.doc.send(
          new TransactWriteCommand({ TransactItems: items, ReturnConsumedCapacity: CONSUMED_CAPACITY }),
        );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
        if (reasons.includes('ConditionalCheckFailed')) {
          const failed = reasons.flatMap((code, i) => (code === 'ConditionalCheckFailed' ? [kindAt(i)] : []));
          throw new ConcurrentModificationError(`conditional write failed for: ${failed.join(', ')}`);
        }
      }
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConcurrentModificationError(`conditional write failed for: ${writes[0]?.kind}`);
      }
      throw error;
    }
    // The caller's copies now say what is counted, as the stored invoices do.
    for (const write of invoices) stampOverdueCounted(write.invoice);
  }

  async getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    return this.get<DeliveryRecord>(keys.delivery(id));
  }

  async getDebtor(id: string): Promise<DebtorRecord | undefined> {
    return this.get<DebtorRecord>(keys.debtor(id));
  }

  async getInvoice(id: string): Promise<InvoiceRecord | undefined> {
    return this.get<InvoiceRecord>(keys.invoice(id));
  }

  async getPayment(id: string): Promise<PaymentRecord | undefined> {
    return this.get<PaymentRecord>(keys.payment(id));
  }

  async getCreditNote(id: string): Promise<CreditNoteRecord | undefined> {
    return this.get<CreditNoteRecord>(keys.creditNote(id));
  }

  async getUnappliedPayment(id: string): Promise<UnappliedPaymentRecord | undefined> {
    return this.get<UnappliedPaymentRecord>(keys.unappliedPayment(id));
  }

  async listUnappliedPayments(): Promise<UnappliedPaymentRecord[]> {
    return this.queryAll<UnappliedPaymentRecord>({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': UNAPPLIED_PAYMENTS },
    });
  }

  async listParkedPaymentsBefore(before: string): Promise<ParkedEvent[]> {
    return this.queryAll<ParkedEvent>({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': PARKED_PAYMENTS, ':before': before },
    });
  }

  async getTask(id: string): Promise<TaskRecord | undefined> {
    return this.get<TaskRecord>(keys.task(id));
  }

  async getPromise(id: string): Promise<PromiseRecord | undefined> {
    return this.get<PromiseRecord>(keys.promise(id));
  }

  async listPromisesOfDebtor(debtorId: string): Promise<PromiseRecord[]> {
    return this.queryAll<PromiseRecord>({
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `DEBTOR#${debtorId}`, ':prefix': 'PROMISE#' },
    });
  }

  async getDispute(id: string): Promise<DisputeRecord | undefined> {
    return this.get<DisputeRecord>(keys.dispute(id));
  }

  async listOpenDisputes(): Promise<DisputeRecord[]> {
    return this.queryAll<DisputeRecord>({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': OPEN_DISPUTES },
    });
  }

  async getAgencyClaim(invoiceId: string): Promise<AgencyClaimRecord | undefined> {
    return this.get<AgencyClaimRecord>(keys.agencyClaim(invoiceId));
  }

  async listAgencyClaimsOfDebtor(debtorId: string): Promise<AgencyClaimRecord[]> {
    return this.queryAll<AgencyClaimRecord>({
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `DEBTOR#${debtorId}`, ':prefix': 'AGENCY_CLAIM#' },
    });
  }

  async listAgencyClaims(from?: CalendarDate): Promise<AgencyClaimRecord[]> {
    return this.queryAll<AgencyClaimRecord>({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
      ExpressionAttributeValues: { ':pk': AGENCY_CLAIMS, ':from': from ?? '0' },
    });
  }

  async getPlan(id: string): Promise<PlanRecord | undefined> {
    return this.get<PlanRecord>(keys.plan(id));
  }

  async listPlansOfDebtor(debtorId: string): Promise<PlanRecord[]> {
    return this.queryAll<PlanRecord>({
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `DEBTOR#${debtorId}`, ':prefix': 'PLAN#' },
    });
  }

  async listPlansUnderWay(): Promise<PlanRecord[]> {
    return this.queryAll<PlanRecord>({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': PLANS_UNDER_WAY },
    });
  }

  async findPlanIdByReference(reference: string): Promise<string | undefined> {
    const item = await this.get<{ planId?: string }>(keys.reference(reference));
    return item?.planId;
  }

  async findLetterByReference(reference: string): Promise<LetterReference | undefined> {
    const item = await this.get<Partial<LetterReference>>(keys.reference(reference));
    return item?.letter && item.invoiceIds ? { letter: item.letter, invoiceIds: item.invoiceIds } : undefined;
  }

  async findLetterByReplyToken(token: string): Promise<ReplyAddress | undefined> {
    const item = await this.get<Partial<ReplyAddress>>(keys.replyAddress(token));
    return item?.letter && item.invoiceIds ? { letter: item.letter, invoiceIds: item.invoiceIds } : undefined;
  }

  async getLetter(key: LetterKey): Promise<LetterRecord | undefined> {
    return this.get<LetterRecord>(keys.letter(key));
  }

  async listLetters(debtorId: string, slot: string): Promise<LetterRecord[]> {
    return this.queryAll<LetterRecord>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.debtor(debtorId).pk, ':prefix': letterPrefix(slot) },
      // A letter locked a moment ago must be seen: it may hold this very invoice.
      ConsistentRead: true,
    });
  }

  async findInvoiceIdByReference(reference: string): Promise<string | undefined> {
    const item = await this.get<{ invoiceId: string }>(keys.reference(reference));
    return item?.invoiceId;
  }

  async listInvoicesOfDebtor(debtorId: string): Promise<InvoiceRecord[]> {
    return this.queryAll<InvoiceRecord>({
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `DEBTOR#${debtorId}`, ':prefix': 'INVOICE#' },
    });
  }

  listOpenInvoicesDueBy(upTo: CalendarDate, from?: CalendarDate): AsyncIterable<InvoiceRecord> {
    return this.invoicesDueBy(OPEN_INVOICES, upTo, from);
  }

  listClaimsAtAgencyDueBy(upTo: CalendarDate): AsyncIterable<InvoiceRecord> {
    return this.invoicesDueBy(CLAIMS_AT_AGENCY, upTo);
  }

  /** The invoices of a sparse due-date partition of gsi1, due on or before `upTo` (from `from`). */
  private async *invoicesDueBy(
    partition: string,
    upTo: CalendarDate,
    from?: CalendarDate,
  ): AsyncIterable<InvoiceRecord> {
    const pages = paginateQuery(
      { client: this.doc, pageSize: 200 },
      {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression:
          from === undefined
            ? 'gsi1pk = :pk AND gsi1sk <= :upTo'
            : 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :upTo',
        // '~' sorts after every id character, so every invoice due on `upTo` is included.
        ExpressionAttributeValues: {
          ':pk': partition,
          ':upTo': `${upTo}#~`,
          ...(from === undefined ? {} : { ':from': `${from}#` }),
        },
        ReturnConsumedCapacity: CONSUMED_CAPACITY,
      },
    );
    for await (const page of pages) {
      const items = await wholeItems(this.doc, this.tableName, 'gsi1', page.Items ?? []);
      for (const item of items) yield stripKeys<InvoiceRecord>(item);
    }
  }

  async pageOpenInvoicesDueBy(upTo: CalendarDate, page: PageRequest): Promise<Page<InvoiceRecord>> {
    return this.queryPage<InvoiceRecord>(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :upTo',
        ExpressionAttributeValues: { ':pk': OPEN_INVOICES, ':upTo': `${upTo}#~` },
      },
      page,
    );
  }

  async getSweepRun(day: CalendarDate, part?: number): Promise<SweepRun | undefined> {
    return this.get<SweepRun>(keys.sweepRun(day, part));
  }

  async putSweepRun(run: SweepRun, expectedVersion: number | null): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.sweepRun(run.day, run.part), itemType: 'sweepRun', ...run },
          ...versionCondition(expectedVersion),
          ReturnConsumedCapacity: CONSUMED_CAPACITY,
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConcurrentModificationError(`the sweep of ${run.day} was moved on by another run`);
      }
      throw error;
    }
  }

  async *listInvoices(): AsyncIterable<InvoiceRecord> {
    for await (const page of this.scanItems('invoice')) {
      for (const item of page.Items ?? []) yield stripKeys<InvoiceRecord>(item);
    }
  }

  async countDebtors(): Promise<number> {
    let count = 0;
    for await (const page of this.scanItems('debtor', { Select: 'COUNT' })) count += page.Count ?? 0;
    return count;
  }

  async timeline(subject: { invoiceId: string } | { debtorId: string }): Promise<TimelineEvent[]> {
    const events = await this.queryAll<TimelineEvent>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.eventPartition(subject), ':prefix': 'EVENT#' },
    });
    // Keyed entries (a step's) sort by their key, not their time: order by time, keeping the
    // order of entries of the same moment (Array.prototype.sort is stable).
    return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  async parked(subject: string): Promise<ParkedEvent[]> {
    return this.queryAll<ParkedEvent>({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `PARKED#${subject}` },
    });
  }

  async listOpenTasks(): Promise<TaskRecord[]> {
    return this.queryAll<TaskRecord>({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': OPEN_TASKS },
    });
  }

  async listAccountWork(owner: string | null, debtorId?: string): Promise<AccountWork> {
    const work: AccountWork = { invoices: [], tasks: [], disputes: [] };
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        IndexName: 'gsi6',
        KeyConditionExpression:
          debtorId === undefined ? 'gsi6pk = :pk' : 'gsi6pk = :pk AND begins_with(gsi6sk, :debtor)',
        ExpressionAttributeValues: {
          ':pk': ownerPartition(owner),
          ...(debtorId === undefined ? {} : { ':debtor': `${debtorId}#` }),
        },
        ReturnConsumedCapacity: CONSUMED_CAPACITY,
      },
    );
    for await (const page of pages) {
      for (const item of await wholeItems(this.doc, this.tableName, 'gsi6', page.Items ?? [])) {
        // Only an id containing '#' could share another debtor's prefix; the id decides.
        if (debtorId !== undefined && item.debtorId !== debtorId) continue;
        if (item.itemType === 'invoice') work.invoices.push(stripKeys<InvoiceRecord>(item));
        else if (item.itemType === 'task') work.tasks.push(stripKeys<TaskRecord>(item));
        else if (item.itemType === 'dispute') work.disputes.push(stripKeys<DisputeRecord>(item));
      }
    }
    return work;
  }

  async listPolicies(): Promise<DunningPolicy[]> {
    return this.queryAll<DunningPolicy>({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': POLICIES },
    });
  }

  async getPolicy(id: string, version?: number): Promise<DunningPolicy | undefined> {
    // A stored version never changes, so an eventually consistent read (half the units) returns
    // it exactly. Only in the first second after an admin stores a version could a read miss it;
    // the step that read it then fails and is retried by the state machine a little later.
    return version === undefined
      ? this.get<DunningPolicy>(keys.policyLatest(id))
      : this.get<DunningPolicy>(keys.policyVersion(id, version), { consistent: false });
  }

  async putPolicy(policy: DunningPolicy): Promise<void> {
    await this.putVersion(
      { ...keys.policyVersion(policy.id, policy.version), itemType: 'policyVersion', ...policy },
      { ...keys.policyLatest(policy.id), gsi1pk: POLICIES, gsi1sk: policy.id, itemType: 'policy', ...policy },
      policy.version === 1 ? null : policy.version - 1,
      `policy ${policy.id} version ${policy.version} does not follow the latest version`,
    );
  }

  async getStatutoryRates(): Promise<StatutoryRateTable | undefined> {
    return this.get<StatutoryRateTable>(keys.ratesLatest());
  }

  async putStatutoryRates(table: StatutoryRateTable, expectedVersion: number | null): Promise<void> {
    await this.putVersion(
      { ...keys.ratesVersion(table.version), itemType: 'ratesVersion', ...table },
      { ...keys.ratesLatest(), itemType: 'rates', ...table },
      expectedVersion,
      `rate table version ${table.version} does not follow the latest version`,
    );
  }

  async getSendingSetting(): Promise<SendingSetting | undefined> {
    return this.get<SendingSetting>(keys.sendingLatest());
  }

  async putSendingSetting(setting: SendingSetting, expectedVersion: number | null): Promise<void> {
    await this.putVersion(
      { ...keys.sendingVersion(setting.version), itemType: 'sendingVersion', ...setting },
      { ...keys.sendingLatest(), itemType: 'sending', ...setting },
      expectedVersion,
      `sending setting version ${setting.version} does not follow the latest version`,
    );
  }

  async getScoreRules(): Promise<ScoreRules | undefined> {
    return this.get<ScoreRules>(keys.scoreRulesLatest());
  }

  async putScoreRules(rules: ScoreRules, expectedVersion: number | null): Promise<void> {
    await this.putVersion(
      { ...keys.scoreRulesVersion(rules.version), itemType: 'scoreRulesVersion', ...rules },
      { ...keys.scoreRulesLatest(), itemType: 'scoreRules', ...rules },
      expectedVersion,
      `score rules version ${rules.version} do not follow the latest version`,
    );
  }

  async listDebtorsByScore(limit: number): Promise<DebtorRecord[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': DEBTOR_SCORES },
        Limit: limit,
        ReturnConsumedCapacity: CONSUMED_CAPACITY,
      }),
    );
    const debtors = await wholeItems(this.doc, this.tableName, 'gsi3', result.Items ?? []);
    return debtors.map((item) => stripKeys<DebtorRecord>(item));
  }

  async listDebtorsByOverdue(currency: string, limit: number): Promise<DebtorOverdue[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi5',
        // Nothing overdue any more leaves the amount at 0, below the range read.
        KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk > :nothing',
        ExpressionAttributeValues: { ':pk': overduePartition(currency), ':nothing': 0 },
        ScanIndexForward: false,
        Limit: limit,
        ReturnConsumedCapacity: CONSUMED_CAPACITY,
      }),
    );
    return (result.Items ?? []).map((item) => ({
      debtorId: String(item.debtorId),
      currency: String(item.currency),
      overdue: Number(item.overdue),
    }));
  }

  async getDebtorOverdue(debtorId: string, currency: string): Promise<number> {
    const item = await this.get<{ overdue?: number }>(keys.debtorOverdue(debtorId, currency), {
      consistent: false,
    });
    return Number(item?.overdue ?? 0);
  }

  async listOverdueMovements(
    currency: string,
    week: Day,
    direction: 'up' | 'down',
    limit: number,
  ): Promise<OverdueMovement[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi5',
        // A movement that came back to 0 is none: above 0 the rises, below it the falls.
        KeyConditionExpression: `gsi5pk = :pk AND gsi5sk ${direction === 'up' ? '>' : '<'} :nothing`,
        ExpressionAttributeValues: { ':pk': overdueMovementPartition(currency, week), ':nothing': 0 },
        ScanIndexForward: direction === 'down',
        Limit: limit,
        ReturnConsumedCapacity: CONSUMED_CAPACITY,
      }),
    );
    return (result.Items ?? []).map((item) => ({
      week,
      debtorId: String(item.debtorId),
      currency: String(item.currency),
      delta: Number(item.delta),
    }));
  }

  /**
   * Moves a debtor's overdue amount in one currency by `ADD`: concurrent moves add up without a
   * read, and the amount is also the sort key of the ranking (gsi5, a number).
   */
  private overdueUpdate(move: OverdueMove): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.debtorOverdue(move.debtorId, move.currency),
        UpdateExpression:
          'ADD #overdue :delta, #rank :delta SET #partition = :partition, #type = :type, #debtor = :debtor, #currency = :currency',
        ExpressionAttributeNames: {
          '#overdue': 'overdue',
          '#rank': 'gsi5sk',
          '#partition': 'gsi5pk',
          '#type': 'itemType',
          '#debtor': 'debtorId',
          '#currency': 'currency',
        },
        ExpressionAttributeValues: {
          ':delta': move.delta,
          ':partition': overduePartition(move.currency),
          ':type': 'debtorOverdue',
          ':debtor': move.debtorId,
          ':currency': move.currency,
        },
      },
    };
  }

  async getWorklistRules(): Promise<WorklistRules | undefined> {
    return this.get<WorklistRules>(keys.worklistRulesLatest());
  }

  async putWorklistRules(rules: WorklistRules, expectedVersion: number | null): Promise<void> {
    await this.putVersion(
      { ...keys.worklistRulesVersion(rules.version), itemType: 'worklistRulesVersion', ...rules },
      { ...keys.worklistRulesLatest(), itemType: 'worklistRules', ...rules },
      expectedVersion,
      `worklist rules version ${rules.version} do not follow the latest version`,
    );
  }

  async listDebtorsOfOwner(owner: string | null): Promise<DebtorRecord[]> {
    return this.queryAll<DebtorRecord>({
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk',
      ExpressionAttributeValues: { ':pk': ownerPartition(owner) },
    });
  }

  async pageDebtors(listing: DebtorListing, page: PageRequest): Promise<Page<DebtorRecord>> {
    return 'owner' in listing
      ? this.queryPage<DebtorRecord>(
          {
            IndexName: 'gsi4',
            KeyConditionExpression: 'gsi4pk = :pk',
            ExpressionAttributeValues: { ':pk': ownerPartition(listing.owner) },
          },
          page,
        )
      : this.queryPage<DebtorRecord>(
          {
            IndexName: 'gsi1',
            // DynamoDB refuses an empty begins_with operand: no prefix reads the whole partition.
            KeyConditionExpression:
              listing.namePrefix === '' ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
            ExpressionAttributeValues: {
              ':pk': DEBTORS,
              ...(listing.namePrefix === '' ? {} : { ':prefix': listing.namePrefix }),
            },
          },
          page,
        );
  }

  async listOpenTasksOfDebtor(debtorId: string): Promise<TaskRecord[]> {
    return this.queryAll<TaskRecord>({
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `DEBTOR#${debtorId}`, ':prefix': 'OPEN_TASK#' },
    });
  }

  async findInvoicesByNumber(number: string): Promise<InvoiceRecord[]> {
    return this.queryAll<InvoiceRecord>({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': invoiceNumberPartition(number) },
    });
  }

  async pageInvoices(listing: InvoiceListing, page: PageRequest): Promise<Page<InvoiceRecord>> {
    // '~' sorts after every id character, so every invoice due on `dueBy` is included.
    const dueBy = listing.dueBy === undefined ? undefined : `${listing.dueBy}#~`;
    if ('status' in listing) {
      return this.queryPage<InvoiceRecord>(
        {
          IndexName: 'gsi4',
          KeyConditionExpression: dueBy ? 'gsi4pk = :pk AND gsi4sk <= :dueBy' : 'gsi4pk = :pk',
          ExpressionAttributeValues: {
            ':pk': invoiceStatusPartition(listing.status),
            ...(dueBy ? { ':dueBy': dueBy } : {}),
          },
        },
        page,
      );
    }
    return this.queryPage<InvoiceRecord>(
      {
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': `DEBTOR#${listing.debtorId}`,
          ':from': 'INVOICE#',
          ':to': dueBy ? `INVOICE#${dueBy}` : 'INVOICE#~',
        },
      },
      page,
    );
  }

  async findDebtorsByKvkNumber(kvkNumber: string): Promise<DebtorRecord[]> {
    return this.queryAll<DebtorRecord>({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': kvkPartition(kvkNumber) },
    });
  }

  async listInsolvencyRegisterEntries(kvkNumber: string): Promise<InsolvencyRegisterEntry[]> {
    const entries = await this.queryAll<InsolvencyRegisterEntry>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
      ExpressionAttributeValues: {
        ':pk': keys.insolvencyRegisterEntry(kvkNumber, '').pk,
        ':entry': 'ENTRY#',
      },
      ConsistentRead: true,
    });
    return entries.sort((a, b) => a.date.localeCompare(b.date));
  }

  async putInsolvencyRegisterEntry(entry: InsolvencyRegisterEntry): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.insolvencyRegisterEntry(entry.kvkNumber, entry.caseNumber),
            itemType: 'insolvencyRegisterEntry',
            ...entry,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnConsumedCapacity: CONSUMED_CAPACITY,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async getLastContact(debtorId: string): Promise<LastContact | undefined> {
    return this.get<LastContact>(lastContactKey(debtorId));
  }

  async listControllerDays(from: CalendarDate, to: CalendarDate): Promise<ControllerDay[]> {
    const months = await Promise.all(
      monthsOf(from, to).map((month) =>
        this.queryAll<Record<string, unknown>>({
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': month.pk, ':from': `${month.from}#`, ':to': `${month.to}#~` },
        }),
      ),
    );
    return months.flat().map(controllerDayOf);
  }

  async getDisputeCauses(): Promise<DisputeCauseList | undefined> {
    return this.get<DisputeCauseList>(keys.disputeCausesLatest());
  }

  async putDisputeCauses(list: DisputeCauseList, expectedVersion: number | null): Promise<void> {
    await this.putVersion(
      { ...keys.disputeCausesVersion(list.version), itemType: 'disputeCausesVersion', ...list },
      { ...keys.disputeCausesLatest(), itemType: 'disputeCauses', ...list },
      expectedVersion,
      `dispute causes version ${list.version} do not follow the latest version`,
    );
  }

  async listPortfolioCounters(from: Day, to: Day): Promise<PortfolioCounters[]> {
    const counters: PortfolioCounters[] = [];
    for (const month of monthsFrom(from, to)) {
      const items = await this.queryAll<Record<string, unknown>>({
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': month, ':from': `DAY#${from}`, ':to': `DAY#${to}#~` },
      });
      for (const item of items) {
        counters.push({
          day: item.day as Day,
          currency: item.currency as string,
          shard: item.shard as string,
          counters: Object.fromEntries(
            Object.entries(item)
              .filter(([name]) => name.startsWith(COUNTER_PREFIX))
              .map(([name, value]) => [name.slice(COUNTER_PREFIX.length), Number(value)]),
          ),
        });
      }
    }
    return counters;
  }

  async getPortfolioSnapshot(onOrBefore: Day): Promise<PortfolioPosition | undefined> {
    const page = await this.queryPage<PortfolioPosition>(
      {
        KeyConditionExpression: 'pk = :pk AND sk <= :day',
        ExpressionAttributeValues: { ':pk': PORTFOLIO_SNAPSHOTS, ':day': onOrBefore },
        ScanIndexForward: false,
      },
      { limit: 1 },
    );
    return page.items[0];
  }

  async listPortfolioSnapshots(from: Day, to: Day): Promise<PortfolioPosition[]> {
    return this.queryAll<PortfolioPosition>({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': PORTFOLIO_SNAPSHOTS, ':from': from, ':to': to },
    });
  }

  async listReportCounters(family: ReportFamily, from: Day, to: Day): Promise<ReportCounters[]> {
    const months = await Promise.all(
      reportMonthQueries(family, from, to).map((month) =>
        this.queryAll<Record<string, unknown>>({
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': month.pk, ':from': month.from, ':to': month.to },
        }),
      ),
    );
    return months.flat().map((item) => ({ family, day: item.day as Day, counters: countersOf(item) }));
  }

  async getReportTotals(family: ReportFamily): Promise<Record<string, number>> {
    return countersOf(await this.get<Record<string, unknown>>(reportCountersKey(family, undefined)));
  }

  async putPortfolioSnapshot(position: PortfolioPosition): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.portfolioSnapshot(position.day), itemType: 'portfolioSnapshot', ...position },
        ReturnConsumedCapacity: CONSUMED_CAPACITY,
      }),
    );
  }

  /** Writes an item outside a transaction (used by seeding, where there is nothing to guard). */
  async putRaw(item: Record<string, unknown>): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  private toTransactItem(write: StoreWrite): TransactItem {
    const TableName = this.tableName;
    switch (write.kind) {
      case 'putInvoice': {
        const inv = write.invoice;
        const item = {
          ...keys.invoice(inv.id),
          itemType: 'invoice',
          gsi3pk: `DEBTOR#${inv.debtorId}`,
          gsi3sk: `INVOICE#${inv.dueDate}#${inv.id}`,
          ...(isCollecting(inv) ? { gsi1pk: OPEN_INVOICES, gsi1sk: `${inv.dueDate}#${inv.id}` } : {}),
          gsi2pk: invoiceNumberPartition(inv.number),
          gsi2sk: inv.id,
          gsi4pk: invoiceStatusPartition(inv.status),
          gsi4sk: `${inv.dueDate}#${inv.id}`,
          ...(inv.status === 'in_collection'
            ? { gsi1pk: CLAIMS_AT_AGENCY, gsi1sk: `${inv.dueDate}#${inv.id}` }
            : {}),
          // The owner's open work, only while it is being collected (as gsi1's open invoices).
          ...(isCollecting(inv) ? accountWorkKeys(inv, 'INVOICE') : {}),
          ...inv,
        };
        return {
          Put: {
            TableName,
            Item: stampOverdueCounted({ ...item }),
            ...countedCondition(write.expectedVersion, inv.overdueCounted ?? 0),
          },
        };
      }
      case 'putDebtor': {
        const debtor = write.debtor;
        const name = `${searchName(debtor.name)}#${debtor.id}`;
        const item = {
          ...keys.debtor(debtor.id),
          itemType: 'debtor',
          gsi1pk: DEBTORS,
          gsi1sk: name,
          gsi4pk: ownerPartition(debtor.owner?.sub ?? null),
          gsi4sk: name,
          ...(debtor.score
            ? { gsi3pk: DEBTOR_SCORES, gsi3sk: scoreSortKey(debtor.score.value, debtor.id) }
            : {}),
          ...(debtor.kvkNumber ? { gsi2pk: kvkPartition(debtor.kvkNumber), gsi2sk: debtor.id } : {}),
          ...debtor,
        };
        return versionedPut(TableName, item, write.expectedVersion);
      }
      case 'putTask': {
        const task = write.task;
        const item = {
          ...keys.task(task.id),
          itemType: 'task',
          ...(task.status === 'open'
            ? { gsi2pk: OPEN_TASKS, gsi2sk: `${task.dueDate}#${prioritySortKey(task.priority)}#${task.id}` }
            : {}),
          // A debtor's open tasks, so that they close when their invoice does.
          ...(task.status === 'open' && task.debtorId
            ? { gsi3pk: `DEBTOR#${task.debtorId}`, gsi3sk: `OPEN_TASK#${task.id}` }
            : {}),
          ...(task.status === 'open' && task.debtorId
            ? accountWorkKeys({ ...task, debtorId: task.debtorId }, 'TASK')
            : {}),
          ...task,
        };
        return versionedPut(TableName, item, write.expectedVersion);
      }
      case 'putPromise': {
        const promise = write.promise;
        const item = {
          ...keys.promise(promise.id),
          itemType: 'promise',
          gsi3pk: `DEBTOR#${promise.debtorId}`,
          gsi3sk: `PROMISE#${promise.takenAt}#${promise.id}`,
          ...promise,
        };
        return versionedPut(TableName, item, write.expectedVersion);
      }
      case 'putDispute': {
        const dispute = write.dispute;
        const item = {
          ...keys.dispute(dispute.id),
          itemType: 'dispute',
          ...(isOpenDispute(dispute)
            ? { gsi1pk: OPEN_DISPUTES, gsi1sk: `${dispute.raisedAt}#${dispute.id}` }
            : {}),
          ...(isOpenDispute(dispute) ? accountWorkKeys(dispute, 'DISPUTE') : {}),
          ...dispute,
        };
        return versionedPut(TableName, item, write.expectedVersion);
      }
      case 'putAgencyClaim': {
        const claim = write.claim;
        const item = {
          ...keys.agencyClaim(claim.invoiceId),
          itemType: 'agencyClaim',
          gsi1pk: AGENCY_CLAIMS,
          gsi1sk: `${claim.handedOverOn}#${claim.invoiceId}`,
          gsi3pk: `DEBTOR#${claim.debtorId}`,
          gsi3sk: `AGENCY_CLAIM#${claim.invoiceId}`,
          ...claim,
        };
        return versionedPut(TableName, item, write.expectedVersion);
      }
      case 'putPayment':
        return {
          Put: {
            TableName,
            Item: { ...keys.payment(write.payment.id), itemType: 'payment', ...write.payment },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        };
      case 'putCreditNote':
        return {
          Put: {
            TableName,
            Item: { ...keys.creditNote(write.creditNote.id), itemType: 'creditNote', ...write.creditNote },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        };
      case 'putUnappliedPayment': {
        const payment = write.payment;
        const item = {
          ...keys.unappliedPayment(payment.id),
          itemType: 'unappliedPayment',
          ...(payment.status === 'unapplied'
            ? { gsi1pk: UNAPPLIED_PAYMENTS, gsi1sk: `${payment.receivedAt}#${payment.id}` }
            : {}),
          ...payment,
        };
        return versionedPut(TableName, item, write.expectedVersion);
      }
      case 'putReference':
        return {
          Put: {
            TableName,
            Item: { ...keys.reference(write.reference), itemType: 'reference', invoiceId: write.invoiceId },
            // A reference belongs to one invoice for ever.
            ConditionExpression: 'attribute_not_exists(pk) OR invoiceId = :invoiceId',
            ExpressionAttributeValues: { ':invoiceId': write.invoiceId },
          },
        };
      case 'putPlan': {
        const plan = write.plan;
        const item = {
          ...keys.plan(plan.id),
          itemType: 'plan',
          gsi3pk: `DEBTOR#${plan.debtorId}`,
          gsi3sk: `PLAN#${plan.createdAt}#${plan.id}`,
          ...(isPlanUnderWay(plan)
            ? { gsi1pk: PLANS_UNDER_WAY, gsi1sk: `${plan.createdAt}#${plan.id}` }
            : {}),
          ...plan,
        };
        return versionedPut(TableName, item, write.expectedVersion);
      }
      case 'putPlanReference':
        return {
          Put: {
            TableName,
            Item: { ...keys.reference(write.reference), itemType: 'reference', planId: write.planId },
            ConditionExpression: 'attribute_not_exists(pk) OR planId = :planId',
            ExpressionAttributeValues: { ':planId': write.planId },
          },
        };
      case 'putLetterReference': {
        const letterId = letterReferenceOwner(write.letter);
        return {
          Put: {
            TableName,
            Item: {
              ...keys.reference(write.reference),
              itemType: 'reference',
              letterId,
              letter: write.letter,
              invoiceIds: write.invoiceIds,
            },
            // One letter for ever; a retry of that letter may list fewer invoices.
            ConditionExpression: 'attribute_not_exists(pk) OR letterId = :letterId',
            ExpressionAttributeValues: { ':letterId': letterId },
          },
        };
      }
      case 'putReplyAddress':
        // The token is a MAC of the letter's name: the same letter always writes the same item.
        return {
          Put: {
            TableName,
            Item: {
              ...keys.replyAddress(write.token),
              itemType: 'reply_address',
              letter: write.letter,
              invoiceIds: write.invoiceIds,
            },
          },
        };
      case 'appendEvent':
        return {
          Put: {
            TableName,
            Item: {
              pk: keys.eventPartition(write.subject),
              sk:
                write.key === undefined
                  ? `EVENT#${write.event.at}#${randomUUID().slice(0, 8)}`
                  : `EVENT#${write.key}`,
              itemType: 'event',
              ...write.event,
            },
          },
        };
      case 'recordDelivery': {
        const expiresAt =
          Math.floor(Date.parse(write.delivery.receivedAt) / 1000) + DELIVERY_RETENTION_SECONDS;
        return {
          Put: {
            TableName,
            Item: { ...keys.delivery(write.delivery.id), itemType: 'delivery', expiresAt, ...write.delivery },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        };
      }
      case 'park': {
        const p = write.parked;
        return {
          Put: {
            TableName,
            Item: {
              ...keys.parked(p.subject, p.receivedAt, p.deliveryId),
              itemType: 'parked',
              ...(p.event.type === 'payment.received'
                ? { gsi1pk: PARKED_PAYMENTS, gsi1sk: `${p.receivedAt}#${p.deliveryId}` }
                : {}),
              ...p,
            },
          },
        };
      }
      case 'unpark': {
        const p = write.parked;
        return { Delete: { TableName, Key: keys.parked(p.subject, p.receivedAt, p.deliveryId) } };
      }
      case 'addOverdueMovement': {
        const { week, debtorId, currency, delta } = write.movement;
        return {
          Update: {
            TableName,
            Key: keys.overdueMovement(debtorId, week, currency),
            UpdateExpression:
              'ADD #delta :delta, #rank :delta SET #partition = :partition, #type = :type, #debtor = :debtor, #currency = :currency, #week = :week, #expires = :expires',
            ExpressionAttributeNames: {
              '#delta': 'delta',
              '#rank': 'gsi5sk',
              '#partition': 'gsi5pk',
              '#type': 'itemType',
              '#debtor': 'debtorId',
              '#currency': 'currency',
              '#week': 'week',
              '#expires': 'expiresAt',
            },
            ExpressionAttributeValues: {
              ':delta': delta,
              ':partition': overdueMovementPartition(currency, week),
              ':type': 'overdueMovement',
              ':debtor': debtorId,
              ':currency': currency,
              ':week': week,
              ':expires': Math.floor(Date.parse(`${week}T00:00:00Z`) / 1000) + MOVEMENT_RETENTION_SECONDS,
            },
          },
        };
      }
      case 'addPortfolioCounters': {
        const { day, currency, shard, counters } = write.counters;
        // Attribute names by placeholder: DAY and others are reserved words of DynamoDB.
        const names: Record<string, string> = {
          '#type': 'itemType',
          '#day': 'day',
          '#currency': 'currency',
          '#shard': 'shard',
        };
        const values: Record<string, unknown> = {
          ':type': 'portfolioCounters',
          ':day': day,
          ':currency': currency,
          ':shard': shard,
        };
        const adds = Object.entries(counters).map(([name, delta], i) => {
          names[`#c${i}`] = `${COUNTER_PREFIX}${name}`;
          values[`:c${i}`] = delta;
          return `#c${i} :c${i}`;
        });
        return {
          Update: {
            TableName,
            Key: keys.portfolioCounters(day, currency, shard),
            UpdateExpression: `SET #type = :type, #day = :day, #currency = :currency, #shard = :shard ADD ${adds.join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        };
      }
      case 'putLetter': {
        const l = write.letter;
        return {
          Put: {
            TableName,
            Item: { ...keys.letter(l), itemType: 'letter', ...l },
            ...letterCondition(write),
          },
        };
      }
      case 'countActivity':
        return controllerDayUpdate(TableName, write.activity);
      case 'addReportCounters':
        return reportCountersUpdate(TableName, write.counters);
      case 'putLastContact':
        return lastContactPut(TableName, write.contact);
    }
  }

  /**
   * Policies, the rate table and the sending setting keep every version and a copy of the latest: a version is written
   * once and never again, and the latest moves on only from the version before (null: none yet).
   */
  private async putVersion(
    version: Record<string, unknown>,
    latest: Record<string, unknown>,
    previousVersion: number | null,
    conflict: string,
  ): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          ReturnConsumedCapacity: CONSUMED_CAPACITY,
          TransactItems: [
            versionedPut(this.tableName, version, null),
            versionedPut(this.tableName, latest, previousVersion),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConcurrentModificationError(conflict);
      throw error;
    }
  }

  private async get<T>(
    key: { pk: string; sk: string },
    options: { consistent: boolean } = { consistent: true },
  ): Promise<T | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ConsistentRead: options.consistent,
        ReturnConsumedCapacity: CONSUMED_CAPACITY,
      }),
    );
    return out.Item ? stripKeys<T>(out.Item) : undefined;
  }

  /**
   * One page of at most `limit` items from where the cursor left off. DynamoDB's Limit counts the
   * items it reads, so the next page starts right after the last item returned.
   */
  private async queryPage<T>(
    input: Omit<QueryCommandInput, 'TableName'>,
    page: PageRequest,
  ): Promise<Page<T>> {
    const out = await this.doc
      .send(
        new QueryCommand({
          ...input,
          TableName: this.tableName,
          Limit: page.limit,
          ...(page.cursor ? { ExclusiveStartKey: decodeCursor(page.cursor) } : {}),
          ReturnConsumedCapacity: CONSUMED_CAPACITY,
        }),
      )
      .catch((error: unknown) => {
        // A cursor of another listing names keys this query does not have.
        if (page.cursor && error instanceof Error && error.name === 'ValidationException') {
          throw new InvalidCursorError();
        }
        throw error;
      });
    const items = await wholeItems(this.doc, this.tableName, input.IndexName, out.Items ?? []);
    return {
      items: items.map((item) => stripKeys<T>(item)),
      ...(out.LastEvaluatedKey ? { cursor: encodeCursor(out.LastEvaluatedKey) } : {}),
    };
  }

  /** Every item of one type; the filter is applied after the read, so the whole table is paid for. */
  private scanItems(itemType: string, input: Partial<ScanCommandInput> = {}) {
    return paginateScan(
      { client: this.doc },
      {
        ...input,
        TableName: this.tableName,
        FilterExpression: 'itemType = :itemType',
        ExpressionAttributeValues: { ':itemType': itemType },
        ReturnConsumedCapacity: CONSUMED_CAPACITY,
      },
    );
  }

  private async queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
    const items: T[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          ...input,
          TableName: this.tableName,
          ExclusiveStartKey,
          ReturnConsumedCapacity: CONSUMED_CAPACITY,
        }),
      );
      const whole = await wholeItems(this.doc, this.tableName, input.IndexName, out.Items ?? []);
      for (const item of whole) items.push(stripKeys<T>(item));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}

/** The one letter a letter reference belongs to, as one value the condition can compare. */
function letterReferenceOwner(letter: LetterKey): string {
  return [letter.debtorId, letter.slot, letter.currency, letter.day].join('|');
}

/**
 * Locking: nobody holds the letter yet, or we already do (a retry of our own task). Unless sent:
 * the stored letter is not marked sent (or there is none).
 */
function letterCondition(
  write: Extract<StoreWrite, { kind: 'putLetter' }>,
): Pick<
  NonNullable<TransactItem['Put']>,
  'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
> {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (write.lock) {
    conditions.push('(attribute_not_exists(pk) OR #owner = :owner)');
    names['#owner'] = 'owner';
    values[':owner'] = write.letter.owner;
  }
  if (write.unlessSent) {
    conditions.push('(attribute_not_exists(pk) OR #status <> :sent)');
    names['#status'] = 'status';
    values[':sent'] = 'sent';
  }
  if (conditions.length === 0) return {};
  return {
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

const CURSOR_KEYS = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'gsi6pk',
  'gsi6sk',
]);

/** The partitions of the portfolio counters of the days from `from` to `to`: one per month. */
function monthsFrom(from: Day, to: Day): string[] {
  const months: string[] = [];
  for (
    let day = `${from.slice(0, 7)}-01`;
    day <= to;
    day = addDays(`${day.slice(0, 7)}-28`, 4).slice(0, 8) + '01'
  )
    months.push(portfolioMonth(day));
  return months;
}

/** A page's last evaluated key as an opaque token for the URL. */
function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    Object.entries(key).every(([name, value]) => CURSOR_KEYS.has(name) && typeof value === 'string');
  if (!valid) throw new InvalidCursorError();
  return key as Record<string, string>;
}

/** A put that lands only over the version it was read at, or where nothing exists yet (null). */
function versionedPut(
  TableName: string,
  Item: Record<string, unknown>,
  expected: number | null,
): TransactItem {
  return { Put: { TableName, Item, ...versionCondition(expected) } };
}

/**
 * An invoice's version condition, and that the stored invoice carries what the caller says was
 * counted for it: the ranking's amounts stay the exact sum of what is counted per invoice.
 */
function countedCondition(expected: number | null, counted: number) {
  if (expected === null) return versionCondition(null);
  return {
    ConditionExpression:
      counted === 0
        ? 'version = :expected AND (attribute_not_exists(overdueCounted) OR overdueCounted = :counted)'
        : 'version = :expected AND overdueCounted = :counted',
    ExpressionAttributeValues: { ':expected': expected, ':counted': counted },
  };
}

function versionCondition(expected: number | null) {
  return expected === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } };
}

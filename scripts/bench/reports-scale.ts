import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCreditStore } from '../../functions/adapters/dynamodb/dynamodb-credit-store';
import { addDays } from '../../functions/core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../functions/core/calendar/time-zone';
import type { InvoiceRecord, StoreWrite } from '../../functions/ports/credit-store';
import { withPortfolioLedger } from '../../functions/use-cases/reports/portfolio-ledger';
import { portfolioHistory, portfolioOnDay } from '../../functions/use-cases/reports/portfolio-on-day';
import { closePortfolioDays } from '../../functions/use-cases/reports/portfolio-snapshots';
import { ensureTable } from '../../local/dynamodb/create-table';
import type { CapacityProxy } from './capacity-proxy';
import type { CapacityUnits } from './consumed-capacity';
import type { ProgressBar } from './progress-bar';

/** The invoices arrive over these days, a share of them paid later; the sweep closes each day. */
const DAYS = 120;
/** Writes per seeding commit, with room for the ledger's counter items (a transaction holds 100). */
const SEED_BATCH = 25;
/** 09:00 in Amsterdam on the first day. */
const FIRST_DAY = new Date('2026-01-05T08:00:00Z');
const DAY_MS = 86_400_000;

export interface ReportRead {
  /** DynamoDB calls the report made, and the units they consumed. */
  calls: number;
  dynamodb: CapacityUnits;
}

export interface ReportsScaleResult {
  invoices: number;
  days: number;
  /** GET /reports/portfolio of today (the day's counters on yesterday's snapshot). */
  portfolio: ReportRead;
  /** GET /reports/portfolio/history over the last 90 days. */
  history: ReportRead;
}

/**
 * The portfolio reports over `count` invoices in DynamoDB Local behind the capacity proxy: the
 * invoices arrive over 120 days through the store with the ledger kept in it (as every handler's
 * store is), a third of them paid a month later; the sweep closes each day. Then each report is
 * read once and its DynamoDB calls and units counted: they must not grow with the invoices.
 */
export async function measureReports(
  count: number,
  dynamodb: CapacityProxy,
  progress: ProgressBar,
): Promise<ReportsScaleResult> {
  const tableName = `bench-reports-${count}-${Date.now()}`;
  const client = new DynamoDBClient({
    endpoint: dynamodb.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await ensureTable(client, tableName);
    let now = FIRST_DAY;
    const clock = { now: () => now };
    const store = withPortfolioLedger(new DynamoDbCreditStore(client, tableName), clock);
    progress.start(
      `reports · seeding ${count.toLocaleString('en')} invoices over ${DAYS} days`,
      count,
      'invoices',
    );
    const perDay = Math.ceil(count / DAYS);
    const arrived: InvoiceRecord[][] = [];
    for (let day = 0; day < DAYS; day++) {
      now = new Date(FIRST_DAY.getTime() + day * DAY_MS);
      await closePortfolioDays({ store, clock });
      const today = localDate(now, BUSINESS_TIME_ZONE);
      const invoices = Array.from({ length: Math.max(0, Math.min(perDay, count - day * perDay)) }, (_, i) =>
        invoice(`inv-rep-${day}-${i}`, today, i),
      );
      arrived.push(invoices);
      const paid = (arrived[day - 30] ?? []).filter((_, i) => i % 3 === 0);
      const writes: StoreWrite[] = [
        ...invoices.map((record): StoreWrite => ({
          kind: 'putInvoice',
          invoice: record,
          expectedVersion: null,
        })),
        ...paid.map((record): StoreWrite => ({
          kind: 'putInvoice',
          invoice: { ...record, openAmount: 0, status: 'paid', version: record.version + 1 },
          expectedVersion: record.version,
        })),
      ];
      for (let i = 0; i < writes.length; i += SEED_BATCH) await store.commit(writes.slice(i, i + SEED_BATCH));
      progress.advance(invoices.length);
    }
    now = new Date(FIRST_DAY.getTime() + DAYS * DAY_MS);
    await closePortfolioDays({ store, clock });
    progress.finish(`${count} invoices over ${DAYS} days`);

    const read = async (report: () => Promise<unknown>): Promise<ReportRead> => {
      dynamodb.reset();
      await report();
      const calls = Object.values(dynamodb.timeByOperation).reduce((sum, op) => sum + op.calls, 0);
      return { calls, dynamodb: dynamodb.units };
    };
    const today = localDate(now, BUSINESS_TIME_ZONE);
    return {
      invoices: count,
      days: DAYS,
      portfolio: await read(() => portfolioOnDay({ store, clock }, {})),
      history: await read(() => portfolioHistory({ store, clock }, { from: addDays(today, -89) })),
    };
  } finally {
    client.destroy();
  }
}

function invoice(id: string, issueDate: string, i: number): InvoiceRecord {
  return {
    id,
    number: `F-${id}`,
    debtorId: `deb-rep-${i % 500}`,
    currency: i % 10 === 0 ? 'USD' : 'EUR',
    totalAmount: 1_000_00 + (i % 97) * 1_00,
    openAmount: 1_000_00 + (i % 97) * 1_00,
    issueDate,
    dueDate: addDays(issueDate, [14, 30, 60][i % 3] ?? 30),
    paymentReference: `RF-${id}`,
    status: 'open',
    version: 1,
    createdAt: FIRST_DAY.toISOString(),
    updatedAt: FIRST_DAY.toISOString(),
  };
}

import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { type PortfolioFigures, portfolioFigures } from '../../core/reports/portfolio-figures';
import type { InvoiceFacts } from '../../core/reports/receivables';
import { type Workload, workload } from '../../core/reports/workload';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';

export interface PortfolioReport extends PortfolioFigures {
  debtors: number;
  openTasks: Workload;
}

/**
 * The portfolio as of today in the business calendar: receivables, aging, DSO, and the open
 * work of the credit controllers. Reads every invoice; fine for the local dashboard and a
 * modest portfolio, to be replaced by aggregates before it serves an API.
 */
export async function portfolioReport(deps: {
  store: Pick<CreditStore, 'listInvoices' | 'countDebtors' | 'listOpenTasks'>;
  clock: Clock;
}): Promise<PortfolioReport> {
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const [invoices, debtors, openTasks] = await Promise.all([
    invoiceFacts(deps.store),
    deps.store.countDebtors(),
    deps.store.listOpenTasks(),
  ]);
  return { ...portfolioFigures(invoices, today), debtors, openTasks: workload(openTasks) };
}

async function invoiceFacts(store: Pick<CreditStore, 'listInvoices'>): Promise<InvoiceFacts[]> {
  const facts: InvoiceFacts[] = [];
  for await (const { status, currency, totalAmount, openAmount, issueDate, dueDate } of store.listInvoices())
    facts.push({ status, currency, totalAmount, openAmount, issueDate, dueDate });
  return facts;
}

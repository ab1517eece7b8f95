import { type CalendarDate, daysBetween } from '../../core/calendar/calendar-date';
import type { AccountManager, PaymentBehaviour } from '../../core/ledger/debtor';
import { isCollecting, openMoney } from '../../core/ledger/invoice';
import type { Money } from '../../core/money';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';

/** What an account manager needs to talk to their customer: the whole account, not one invoice. */
export interface DebtorSummary {
  debtor: { id: string; name: string; kind: DebtorRecord['kind'] };
  /** Null when the debtor has none: the account-managers channel routes it to their lead. */
  accountManager: AccountManager | null;
  /** Per currency: everything still to be paid. */
  openBalance: Money[];
  /** Per currency: the part past its due date. */
  overdueAmount: Money[];
  openInvoices: {
    invoiceId: string;
    number: string;
    dueDate: CalendarDate;
    openAmount: Money;
    daysOverdue: number;
  }[];
  paymentBehaviour: PaymentBehaviour;
  creditLimit?: Money;
}

export function debtorSummary(
  debtor: DebtorRecord,
  invoices: readonly InvoiceRecord[],
  today: CalendarDate,
): DebtorSummary {
  const open = invoices.filter(isCollecting);
  const overdue = open.filter((invoice) => daysBetween(invoice.dueDate, today) > 0);
  return {
    debtor: { id: debtor.id, name: debtor.name, kind: debtor.kind },
    accountManager: debtor.accountManager ?? null,
    openBalance: totalsPerCurrency(open),
    overdueAmount: totalsPerCurrency(overdue),
    openInvoices: open.map((invoice) => ({
      invoiceId: invoice.id,
      number: invoice.number,
      dueDate: invoice.dueDate,
      openAmount: openMoney(invoice),
      daysOverdue: Math.max(0, daysBetween(invoice.dueDate, today)),
    })),
    paymentBehaviour: behaviourOf(debtor.behaviour),
    ...(debtor.creditLimit ? { creditLimit: debtor.creditLimit } : {}),
  };
}

function totalsPerCurrency(invoices: readonly InvoiceRecord[]): Money[] {
  const totals = new Map<string, number>();
  for (const invoice of invoices) {
    totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + invoice.openAmount);
  }
  return [...totals].map(([currency, amount]) => ({ amount, currency }));
}

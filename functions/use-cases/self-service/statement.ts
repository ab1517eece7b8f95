import { daysBetween } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import { undisputedAmount } from '../../core/disputes/dispute';
import type { CalendarDate } from '../../core/calendar/calendar-date';
import { parsePaymentReference } from '../../core/payments/payment-reference';
import type { OpenedLink } from './open-link';
import { openInvoicesOf, pageLanguage } from './page-view';
import type { SelfServiceDeps } from './self-service-deps';

export interface StatementLine {
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  /** Cents. */
  totalAmount: number;
  openAmount: number;
  disputedAmount: number;
  daysOverdue: number;
  reference: string;
}

export interface Statement {
  language: 'nl' | 'en';
  debtorName: string;
  asOf: CalendarDate;
  lines: StatementLine[];
}

/** The statement of open items: every open invoice of the debtor as of today, oldest due first. */
export async function statementOf(deps: SelfServiceDeps, link: OpenedLink): Promise<Statement> {
  const today = localDate(deps.clock.now(), 'Europe/Amsterdam');
  const invoices = await openInvoicesOf(deps, link.debtor.id);
  return {
    language: pageLanguage(link.debtor),
    debtorName: link.debtor.name,
    asOf: today,
    lines: invoices.map((invoice) => {
      const reference = parsePaymentReference(invoice.paymentReference);
      return {
        number: invoice.number,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        currency: invoice.currency,
        totalAmount: invoice.totalAmount,
        openAmount: invoice.openAmount,
        disputedAmount: invoice.openAmount - undisputedAmount(invoice),
        daysOverdue: Math.max(0, daysBetween(invoice.dueDate, today)),
        reference: reference.valid ? reference.reference.printed : invoice.paymentReference,
      };
    }),
  };
}

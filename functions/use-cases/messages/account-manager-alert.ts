import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { AccountHistory } from '../../core/ledger/account-history';
import { formatMoney, type Money } from '../../core/money';
import { shownMoney } from '../../templates/shown-money';
import type { Notification } from '../../ports/notifier';
import type { DebtorRecord } from '../../ports/credit-store';
import { renderAccountManagerAlert } from '../../templates/colleagues/account-manager-alert';
import { type ColleagueLanguage, colleagueLanguage } from '../../templates/colleagues/colleague-words';
import type { DebtorSummary } from '../steps/debtor-summary';

/** The line between the text for a person and the data for a machine in an alert's body. */
export const ALERT_DATA_MARKER = '--- data (JSON) ---';

export interface AlertInput {
  day: CalendarDate;
  debtor: DebtorRecord;
  summary: DebtorSummary;
  history: AccountHistory;
  escalatedFor: { invoiceId: string; number: string; currency: string };
  creditHold: boolean;
  businessLanguage: ColleagueLanguage;
}

/**
 * The alert to the account manager as one SNS message: a subject and text a person can act on,
 * in their language; after `ALERT_DATA_MARKER` the same facts as JSON; and the attributes a
 * subscription filters on (`accountManagerEmail`, `debtorId`, `kind`).
 */
export function accountManagerAlert(input: AlertInput): Notification {
  const { debtor, summary, history } = input;
  const manager = debtor.accountManager;
  const language = colleagueLanguage(manager?.language, input.businessLanguage);
  const show = (value: Money) => shownMoney(value, language);
  const overdueInvoices = summary.openInvoices
    .filter((invoice) => invoice.daysOverdue > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const { subject, text } = renderAccountManagerAlert({
    language,
    ...(manager ? { accountManagerName: manager.name } : {}),
    debtor: contactOf(debtor),
    openBalance: summary.openBalance,
    overdueInvoices,
    history,
    creditHold: input.creditHold,
  });
  const open = summary.openBalance.find((value) => value.currency === input.escalatedFor.currency);
  const data = {
    kind: 'account_manager_escalation',
    day: input.day,
    language,
    escalatedFor: { invoiceId: input.escalatedFor.invoiceId, number: input.escalatedFor.number },
    creditHold: input.creditHold,
    debtor: { ...summary.debtor, ...contactOf(debtor) },
    accountManager: summary.accountManager,
    openBalance: summary.openBalance.map(show),
    overdueAmount: summary.overdueAmount.map(show),
    openInvoices: summary.openInvoices.map((invoice) => ({
      ...invoice,
      openAmount: show(invoice.openAmount),
    })),
    paymentBehaviour: {
      ...summary.paymentBehaviour,
      // A person reads "14.9 days", not 14.888888888888889.
      averageDaysLate: Math.round(summary.paymentBehaviour.averageDaysLate * 10) / 10,
    },
    ...(summary.creditLimit ? { creditLimit: show(summary.creditLimit) } : {}),
    history: {
      ...history,
      promises: history.promises.map((promise) => ({ ...promise, amount: show(promise.amount) })),
      disputes: history.disputes.map((dispute) => ({ ...dispute, amount: show(dispute.amount) })),
    },
  };
  return {
    topic: 'account-managers',
    subject,
    message: `${text}\n\n${ALERT_DATA_MARKER}\n${JSON.stringify(data, null, 2)}\n`,
    attributes: {
      kind: 'account_manager_escalation',
      ...accountManagerAttributes(debtor),
      day: input.day,
      language,
      creditHold: String(input.creditHold),
      ...(open ? { openAmount: formatMoney(open, language), currency: open.currency } : {}),
    },
  };
}

function contactOf(debtor: DebtorRecord) {
  return {
    name: debtor.name,
    ...(debtor.contact ? { contact: debtor.contact } : {}),
    ...(debtor.phone ? { phone: debtor.phone } : {}),
    ...(debtor.email ? { email: debtor.email } : {}),
  };
}

/**
 * The attributes every message on `account-managers` carries, so that each account manager's
 * subscription can filter on their own email (a message about a debtor without one goes to the
 * subscription of their lead, which filters on nothing).
 */
export function accountManagerAttributes(
  debtor: Pick<DebtorRecord, 'id' | 'accountManager'>,
): Record<string, string> {
  return {
    debtorId: debtor.id,
    ...(debtor.accountManager ? { accountManagerEmail: debtor.accountManager.email } : {}),
  };
}

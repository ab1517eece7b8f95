import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { Tone } from '../../core/dunning/dunning-slot';
import { openMoney } from '../../core/ledger/invoice';
import { CALL_OUTCOMES } from '../../core/tasks/collection-task';
import type { CreditStore, InvoiceRecord } from '../../ports/credit-store';
import { renderCallBrief } from '../../templates/colleagues/call-brief';
import type { ColleagueLanguage } from '../../templates/colleagues/colleague-words';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { debtorSummary } from '../steps/debtor-summary';
import { historyOfDebtor } from './history-of-debtor';

/**
 * The brief on the call step's task: who to call (the contact person and number), about which
 * amount, what was done so far (letters with dates, the last call, promises, disputes) and the
 * tone the policy's step asks for, in the business language.
 */
export async function callBrief(
  store: CreditStore,
  input: { invoice: InvoiceRecord; tone: Tone; today: CalendarDate; language: ColleagueLanguage },
): Promise<string> {
  const { invoice, today } = input;
  const debtor = await debtorOfInvoice(store, invoice);
  const invoices = await store.listInvoicesOfDebtor(debtor.id);
  const summary = debtorSummary(debtor, invoices, today);
  const open = new Set(summary.openInvoices.map((each) => each.invoiceId));
  const history = await historyOfDebtor(
    store,
    debtor.id,
    invoices.filter((each) => open.has(each.id)),
  );
  return renderCallBrief({
    language: input.language,
    debtor: {
      name: debtor.name,
      ...(debtor.contact ? { contact: debtor.contact } : {}),
      ...(debtor.phone ? { phone: debtor.phone } : {}),
      ...(debtor.email ? { email: debtor.email } : {}),
    },
    invoiceNumber: invoice.number,
    openAmount: openMoney(invoice),
    tone: input.tone,
    overdueInvoices: summary.openInvoices
      .filter((each) => each.daysOverdue > 0)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    history,
    outcomes: CALL_OUTCOMES,
  });
}

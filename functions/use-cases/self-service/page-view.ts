import { addDays, type CalendarDate, daysBetween } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import { undisputedAmount } from '../../core/disputes/dispute';
import { promiseRulesOf } from '../../core/dunning/dunning-policy';
import { hasOpenBalance, isCollecting } from '../../core/ledger/invoice';
import type { Money } from '../../core/money';
import { buildEpcQrPayload, checkEpcQrInput, renderEpcQrDataUrl } from '../../core/payments/epc-qr';
import { parsePaymentReference } from '../../core/payments/payment-reference';
import { planRulesOf } from '../../core/plans/plan-rules';
import { guardForm, type FormGuard } from '../../core/self-service/form-guard';
import { instalmentChoices } from '../../core/self-service/self-service-plan';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import { policyOfInvoice } from '../claims/invoice-policy';
import { disputeCauses } from '../settings/dispute-causes';
import type { OpenedLink } from './open-link';
import { DEBTOR_ACTOR, type SelfServiceDeps } from './self-service-deps';

export const SELF_SERVICE_ACTIONS = ['pay', 'promise', 'dispute', 'plan', 'call_back'] as const;
export type SelfServiceAction = (typeof SELF_SERVICE_ACTIONS)[number];

export interface PageInvoice {
  id: string;
  number: string;
  dueDate: CalendarDate;
  /** What is asked: open, less a part under dispute. */
  openAmount: Money;
  disputedAmount?: Money;
  daysOverdue: number;
  /** The structured reference, printed in groups. */
  reference?: string;
  /** The EPC QR code for the open amount, as a data: URL. */
  qrDataUrl?: string;
  paymentLink?: string;
  pdfUrl?: string;
  /** Why its reminders are paused, if they are. */
  pausedFor?: string;
  /** The debtor's own open promise, which they may move once. */
  promise?: { id: string; promisedDate: CalendarDate; movable: boolean };
}

export interface SelfServicePage {
  language: 'nl' | 'en';
  debtor: { name: string; phone?: string };
  today: CalendarDate;
  invoices: PageInvoice[];
  totals: Money[];
  /** The last date a promise may name, by the policy of the oldest invoice. */
  latestPromiseDate: CalendarDate;
  plan: { choices: number[]; startsAtOnce: boolean };
  causes: { cause: string; label: string }[];
  /**
   * "Pay now" through the payment provider, where one is configured: the invoices it can take
   * (in euros, something asked) and the least part of them, if a part may be paid at all.
   */
  pay?: { invoiceIds: string[]; minimum?: Money };
  /** One fresh nonce and CSRF token per form. */
  forms: Record<SelfServiceAction, FormGuard>;
}

/** The page's language: Dutch for Dutch debtors, English for everyone else. */
export function pageLanguage(debtor: Pick<DebtorRecord, 'language'>): 'nl' | 'en' {
  return debtor.language === 'nl' ? 'nl' : 'en';
}

/** The debtor's open invoices, oldest due first, as the page and the statement show them. */
export async function openInvoicesOf(deps: SelfServiceDeps, debtorId: string): Promise<InvoiceRecord[]> {
  const invoices = await deps.store.listInvoicesOfDebtor(debtorId);
  return invoices
    .filter((invoice) => isCollecting(invoice) && hasOpenBalance(invoice))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
}

/** Everything the debtor's page shows and offers, with fresh form protection. */
export async function selfServicePage(deps: SelfServiceDeps, link: OpenedLink): Promise<SelfServicePage> {
  const { debtor } = link;
  const now = deps.clock.now();
  const invoices = await openInvoicesOf(deps, debtor.id);
  const policy = invoices[0] ? await policyOfInvoice(deps.store, invoices[0], debtor) : undefined;
  const today = localDate(now, policy?.timeZone ?? 'Europe/Amsterdam');
  const promises = await deps.store.listPromisesOfDebtor(debtor.id);
  const key = link.keys[0]!;
  const forms = Object.fromEntries(
    SELF_SERVICE_ACTIONS.map((action) => [action, guardForm(key, link.tokenId, action, now)]),
  ) as Record<SelfServiceAction, FormGuard>;

  const pageInvoices = await Promise.all(
    invoices.map(async (invoice): Promise<PageInvoice> => {
      const asked = undisputedAmount(invoice);
      const reference = parsePaymentReference(invoice.paymentReference);
      const own = promises.find(
        (promise) =>
          promise.status === 'open' &&
          promise.invoiceIds.includes(invoice.id) &&
          invoice.dunning?.pauseRef === promise.id,
      );
      return {
        id: invoice.id,
        number: invoice.number,
        dueDate: invoice.dueDate,
        openAmount: { amount: asked, currency: invoice.currency },
        ...(invoice.disputedPart
          ? { disputedAmount: { amount: invoice.openAmount - asked, currency: invoice.currency } }
          : {}),
        daysOverdue: Math.max(0, daysBetween(invoice.dueDate, today)),
        ...(reference.valid ? { reference: reference.reference.printed } : {}),
        ...(reference.valid && asked > 0
          ? await qrOf(deps, { amount: asked, currency: invoice.currency }, reference.reference.electronic)
          : {}),
        ...(invoice.paymentLink && !invoice.disputedPart ? { paymentLink: invoice.paymentLink } : {}),
        ...(invoice.pdfUrl ? { pdfUrl: invoice.pdfUrl } : {}),
        ...(invoice.dunning?.status === 'paused' && invoice.dunning.pausedFor
          ? { pausedFor: invoice.dunning.pausedFor }
          : {}),
        ...(own
          ? {
              promise: {
                id: own.id,
                promisedDate: own.promisedDate,
                movable: own.takenBy === DEBTOR_ACTOR && !own.moved,
              },
            }
          : {}),
      };
    }),
  );

  const totals = new Map<string, number>();
  for (const invoice of pageInvoices) {
    totals.set(
      invoice.openAmount.currency,
      (totals.get(invoice.openAmount.currency) ?? 0) + invoice.openAmount.amount,
    );
  }
  const rules = policy ? planRulesOf(policy) : undefined;
  const planTotal = invoices.reduce((total, invoice) => total + invoice.openAmount, 0);
  const oneCurrency = new Set(invoices.map((invoice) => invoice.currency)).size === 1;
  return {
    language: pageLanguage(debtor),
    debtor: { name: debtor.name, ...(debtor.phone ? { phone: debtor.phone } : {}) },
    today,
    invoices: pageInvoices,
    totals: [...totals].map(([currency, amount]) => ({ amount, currency })),
    latestPromiseDate: addDays(today, policy ? promiseRulesOf(policy).maxPromiseDays : 0),
    plan: {
      choices: rules && oneCurrency ? instalmentChoices(planTotal, rules) : [],
      startsAtOnce: policy?.selfServicePlans === true,
    },
    causes: (await disputeCauses(deps.store)).causes.map(({ cause, label }) => ({ cause, label })),
    ...payOffer(deps, pageInvoices),
    forms,
  };
}

/** Online payment takes euros only (see provider-payments/start-checkout.ts). */
function payOffer(deps: SelfServiceDeps, invoices: readonly PageInvoice[]): Pick<SelfServicePage, 'pay'> {
  if (!deps.payments) return {};
  const invoiceIds = invoices
    .filter((invoice) => invoice.openAmount.currency === 'EUR' && invoice.openAmount.amount > 0)
    .map((invoice) => invoice.id);
  if (invoiceIds.length === 0) return {};
  const minimum = deps.settings.minimumPayment;
  return {
    pay: { invoiceIds, ...(minimum !== undefined ? { minimum: { amount: minimum, currency: 'EUR' } } : {}) },
  };
}

async function qrOf(
  deps: SelfServiceDeps,
  amount: Money,
  reference: string,
): Promise<{ qrDataUrl?: string }> {
  const input = {
    beneficiaryName: deps.creditor.name,
    iban: deps.creditor.ibanElectronic,
    bic: deps.creditor.bic ?? null,
    amount,
    reference,
  };
  if (checkEpcQrInput(input).length > 0) return {};
  return { qrDataUrl: await renderEpcQrDataUrl(buildEpcQrPayload(input)) };
}

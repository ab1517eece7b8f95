import { addDays, type CalendarDate, daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { DunningPolicy, PreDueNoticeRule } from '../../core/dunning/dunning-policy';
import { chooseSegment } from '../../core/dunning/segment';
import { isUnderSpecialManagement } from '../../core/special/special-management';
import type { Clock } from '../../ports/clock';
import {
  ConcurrentModificationError,
  type CreditStore,
  type DebtorRecord,
  type InvoiceRecord,
  type StoreWrite,
} from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import { renderPreDueNotice } from '../../templates/pre-due-notice';
import { behaviourOf } from '../dunning/start-dunning';
import { listPolicies, policyFor } from '../policies/policy-catalogue';

export interface PreDueDeps {
  store: CreditStore;
  clock: Clock;
  mailer: Mailer;
  creditor: { name: string };
  /** The debtor's signed link to their page; the notice carries it when there is one. */
  selfServiceLink?: (debtorId: string) => Promise<string>;
}

export interface PreDueReport {
  /** Emails sent, one per debtor and currency. */
  notices: number;
  /** Invoices they named. */
  invoices: number;
  failed: { debtorId: string; error: string }[];
}

/** The most invoices one notice names: the idempotency records and entries go in one transaction. */
const MAX_INVOICES_PER_NOTICE = 45;

/**
 * The friendly word before the due date, sent once a day by the sweep (before its first page): to
 * each debtor whose segment's policy has a `preDueNotice`, one email per currency naming every
 * invoice of the debtor that falls due within that many days. No execution is started: nothing is
 * overdue yet, and a notice is a courtesy, not a step of the dunning.
 *
 * Never for an invoice that is settled (paid, credited, cancelled) by the sweep's morning, and
 * once per invoice: the notice's idempotency records (one per invoice, kept past its due date) are
 * written in one transaction before the email goes out, so two sweeps of one morning send it once.
 * An invoice whose notice SES then refused gets none (the failure is reported): a second notice
 * would be worse than none. Nothing is read when no policy has a notice.
 */
export async function sendPreDueNotices(deps: PreDueDeps): Promise<PreDueReport> {
  const report: PreDueReport = { notices: 0, invoices: 0, failed: [] };
  const withNotice = (await listPolicies(deps.store)).filter((policy) => policy.preDueNotice);
  if (withNotice.length === 0) return report;
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const furthest = Math.max(...withNotice.map((policy) => policy.preDueNotice!.daysBefore));

  const byDebtor = new Map<string, InvoiceRecord[]>();
  for await (const invoice of deps.store.listOpenInvoicesDueBy(addDays(today, furthest), addDays(today, 1))) {
    if (!mayBeNoticed(invoice)) continue;
    byDebtor.set(invoice.debtorId, [...(byDebtor.get(invoice.debtorId) ?? []), invoice]);
  }
  for (const [debtorId, invoices] of byDebtor) {
    try {
      const sent = await noticeDebtor(deps, debtorId, invoices, today);
      report.notices += sent.notices;
      report.invoices += sent.invoices;
    } catch (error) {
      report.failed.push({ debtorId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/** Open with money to pay and nothing paused or started: a promise, a hold or a dispute before the due date says enough. */
function mayBeNoticed(invoice: InvoiceRecord): boolean {
  return invoice.status === 'open' && invoice.openAmount > 0 && !invoice.dunning && !invoice.disputedPart;
}

async function noticeDebtor(
  deps: PreDueDeps,
  debtorId: string,
  candidates: readonly InvoiceRecord[],
  today: CalendarDate,
): Promise<{ notices: number; invoices: number }> {
  const debtor = await deps.store.getDebtor(debtorId);
  if (!debtor?.email || isUnderSpecialManagement(debtor) || onHold(debtor, today))
    return { notices: 0, invoices: 0 };
  const rule = (await policyOf(deps.store, debtor))?.preDueNotice;
  if (!rule) return { notices: 0, invoices: 0 };

  const due = candidates.filter((invoice) => withinNotice(invoice, rule, today));
  const notNoticed = [];
  for (const invoice of due)
    if (!(await deps.store.getDelivery(noticeId(invoice.id)))) notNoticed.push(invoice);
  const byCurrency = new Map<string, InvoiceRecord[]>();
  for (const invoice of notNoticed)
    byCurrency.set(invoice.currency, [...(byCurrency.get(invoice.currency) ?? []), invoice]);

  let notices = 0;
  let invoices = 0;
  for (const group of byCurrency.values()) {
    const listed = group.slice(0, MAX_INVOICES_PER_NOTICE);
    if (!(await claimNotices(deps, listed))) continue;
    await sendNotice(deps, { ...debtor, email: debtor.email }, listed);
    notices += 1;
    invoices += listed.length;
  }
  return { notices, invoices };
}

/** Its due date is after today and at most `daysBefore` days ahead. */
function withinNotice(invoice: InvoiceRecord, rule: PreDueNoticeRule, today: CalendarDate): boolean {
  const ahead = daysBetween(today, invoice.dueDate);
  return ahead >= 1 && ahead <= rule.daysBefore;
}

function onHold(debtor: DebtorRecord, today: CalendarDate): boolean {
  return debtor.hold !== undefined && debtor.hold.until >= today;
}

/** The policy of the segment that would dun the debtor, as it reads today (seeds are not stored for this). */
async function policyOf(store: CreditStore, debtor: DebtorRecord): Promise<DunningPolicy | undefined> {
  const { segment } = chooseSegment(debtor, behaviourOf(debtor.behaviour));
  return policyFor(store, segment, undefined, { storeSeed: false });
}

const noticeId = (invoiceId: string) => `pre-due-notice-${invoiceId}`;

/** The notices' records, all or none: false when another sweep claimed one of them first. */
async function claimNotices(deps: PreDueDeps, invoices: readonly InvoiceRecord[]): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  const writes: StoreWrite[] = invoices.map((invoice) => ({
    kind: 'recordDelivery',
    delivery: {
      id: noticeId(invoice.id),
      receivedAt: at,
      statusCode: 200,
      response: { dueDate: invoice.dueDate },
    },
  }));
  try {
    await deps.store.commit(writes);
    return true;
  } catch (error) {
    if (error instanceof ConcurrentModificationError) return false;
    throw error;
  }
}

async function sendNotice(
  deps: PreDueDeps,
  debtor: DebtorRecord & { email: string },
  invoices: readonly InvoiceRecord[],
): Promise<void> {
  const currency = invoices[0]?.currency ?? 'EUR';
  const sorted = [...invoices].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number),
  );
  const email = renderPreDueNotice({
    language: debtor.language,
    debtorName: debtor.contact?.name ?? debtor.name,
    invoices: sorted.map((invoice) => ({
      number: invoice.number,
      dueDate: invoice.dueDate,
      openAmount: { amount: invoice.openAmount, currency },
      ...(invoice.paymentLink ? { paymentLink: invoice.paymentLink } : {}),
    })),
    total: { amount: sorted.reduce((sum, invoice) => sum + invoice.openAmount, 0), currency },
    ...(deps.selfServiceLink ? { selfServiceUrl: await deps.selfServiceLink(debtor.id) } : {}),
    creditorName: deps.creditor.name,
  });
  const { messageId } = await deps.mailer.send({ to: debtor.email, ...email });
  const at = deps.clock.now().toISOString();
  await Promise.all(
    sorted.map((invoice) =>
      deps.store.commit([
        {
          kind: 'appendEvent',
          subject: { invoiceId: invoice.id },
          key: `PRE-DUE#${invoice.id}`,
          event: {
            at,
            type: 'pre_due_notice_sent',
            actor: 'sweep',
            summary: `Friendly notice before the due date sent by email: "${email.subject}"${
              sorted.length > 1 ? ` (one email for ${sorted.length} invoices)` : ''
            }`,
            details: {
              dueDate: invoice.dueDate,
              subject: email.subject,
              messageId,
              recipient: debtor.email,
              invoiceIds: sorted.map(({ id }) => id),
            },
          },
        },
      ]),
    ),
  );
}

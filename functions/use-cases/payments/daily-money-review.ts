import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { DunningDeps } from '../dunning/start-dunning';
import { setOffCredit } from '../intake/set-off-credit';
import { logger } from '../../shared/observability';
import { turnOldParkedPaymentsIntoUnappliedCash } from './unapplied-cash';

export interface MoneyReviewDeps extends DunningDeps {
  /** Days a payment may match nothing before it becomes unapplied cash (UNAPPLIED_PAYMENT_AFTER_DAYS). */
  unappliedAfterDays: number;
}

export interface MoneyReviewReport {
  /** Parked payments that became unapplied cash. */
  unapplied: number;
  /** Debtors whose credit on the account paid invoices falling due. */
  setOff: number;
  failed: { id: string; error: string }[];
}

/**
 * The daily look at money, run just before the sweep starts dunning: payments that matched nothing
 * for too long become unapplied cash for a controller, and credit on a debtor's account pays the
 * invoices that fall due, so that the sweep does not dun a debtor for money we hold. Nothing here
 * throws: what fails is reported, and the sweep runs all the same.
 */
export async function reviewMoneyDaily(deps: MoneyReviewDeps): Promise<MoneyReviewReport> {
  const report: MoneyReviewReport = { unapplied: 0, setOff: 0, failed: [] };
  try {
    const unapplied = await turnOldParkedPaymentsIntoUnappliedCash(deps, deps.unappliedAfterDays);
    report.unapplied = unapplied.unapplied;
    report.failed.push(...unapplied.failed.map((f) => ({ id: f.paymentId, error: f.error })));
  } catch (error) {
    report.failed.push({ id: 'unapplied-cash', error: String(error) });
  }
  try {
    await setOffFallingDue(deps, report);
  } catch (error) {
    report.failed.push({ id: 'set-off', error: String(error) });
  }
  const log = { unapplied: report.unapplied, setOff: report.setOff, failed: report.failed };
  if (report.failed.length > 0) logger.error('Daily money review: some items failed', log);
  else logger.info('Daily money review done', log);
  return report;
}

/** Open invoices due by today whose debtor holds credit in their currency: the credit pays them. */
async function setOffFallingDue(deps: DunningDeps, report: MoneyReviewReport): Promise<void> {
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const credits = new Map<string, Record<string, number>>();
  const done = new Set<string>();
  for await (const invoice of deps.store.listOpenInvoicesDueBy(today)) {
    const key = `${invoice.debtorId}#${invoice.currency}`;
    if (done.has(key)) continue;
    done.add(key);
    try {
      let held = credits.get(invoice.debtorId);
      if (!held) {
        held = (await deps.store.getDebtor(invoice.debtorId))?.credits ?? {};
        credits.set(invoice.debtorId, held);
      }
      if ((held[invoice.currency] ?? 0) <= 0) continue;
      await setOffCredit(deps, invoice.debtorId, invoice.currency);
      report.setOff += 1;
    } catch (error) {
      report.failed.push({ id: invoice.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

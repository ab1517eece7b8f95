import type { CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  LARGEST_MOVEMENTS,
  largestMovements,
  summaryFigures,
  summaryWeek,
  type WeeklySummary,
} from '../../core/reports/weekly-summary';
import type { Clock } from '../../ports/clock';
import { ConcurrentModificationError, type CreditStore } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import { renderWeeklySummary } from '../../templates/colleagues/weekly-summary';
import type { ColleagueLanguage } from '../../templates/colleagues/colleague-words';
import { portfolioOnDay } from './portfolio-on-day';

type SummaryStore = Pick<
  CreditStore,
  | 'getPortfolioSnapshot'
  | 'listPortfolioSnapshots'
  | 'listPortfolioCounters'
  | 'listOverdueMovements'
  | 'getDebtor'
>;

/**
 * The weekly summary's content: per currency, the main figures of the portfolio report at the end
 * of last week and a week before (two reports, each a snapshot and its counters), and the
 * debtors whose overdue amount moved most in the week (two short queries per currency and one
 * debtor read per name): a bounded number of reads whatever the portfolio.
 */
export async function composeWeeklySummary(deps: {
  store: SummaryStore;
  clock: Clock;
}): Promise<WeeklySummary> {
  const week = summaryWeek(localDate(deps.clock.now(), BUSINESS_TIME_ZONE));
  const [current, previous] = await Promise.all([
    portfolioOnDay(deps, { asOf: week.to }),
    portfolioOnDay(deps, { asOf: week.previousTo }),
  ]);
  const currencies = await Promise.all(
    current.currencies.map(async (day) => {
      const [rises, falls] = await Promise.all([
        deps.store.listOverdueMovements(day.currency, week.from, 'up', LARGEST_MOVEMENTS),
        deps.store.listOverdueMovements(day.currency, week.from, 'down', LARGEST_MOVEMENTS),
      ]);
      const movements = await Promise.all(
        largestMovements(rises, falls).map(async ({ debtorId, delta }) => ({
          debtorId,
          debtorName: (await deps.store.getDebtor(debtorId))?.name ?? debtorId,
          delta,
        })),
      );
      const before = previous.currencies.find((other) => other.currency === day.currency);
      return { currency: day.currency, figures: summaryFigures(day, before), movements };
    }),
  );
  return { from: week.from, to: week.to, previousTo: week.previousTo, currencies };
}

export type WeeklySummaryOutcome =
  | { status: 'sent'; week: CalendarDate; recipients: number }
  | { status: 'skipped'; week: CalendarDate; reason: 'sent_before' | 'no_recipients' };

/** Who sends the summary of a week: the run that wrote the week's record first. */
interface SummarySender {
  owner: string;
}

/**
 * Once a week (Monday morning), the summary goes to the managers named in configuration, in the
 * business language. Sent once per week however often it is triggered: the first run writes the
 * week's record (a conditional put) and sends; another run finds the record and sends nothing.
 * The run that wrote it sends again when retried (the same `owner`), so a run that died before
 * SES answered loses no summary.
 */
export async function sendWeeklySummary(
  deps: {
    store: SummaryStore & Pick<CreditStore, 'getDelivery' | 'commit'>;
    clock: Clock;
    mailer: Mailer;
    recipients: readonly string[];
    language: ColleagueLanguage;
  },
  run: SummarySender,
): Promise<WeeklySummaryOutcome> {
  const now = deps.clock.now();
  const week = summaryWeek(localDate(now, BUSINESS_TIME_ZONE)).key;
  if (deps.recipients.length === 0) return { status: 'skipped', week, reason: 'no_recipients' };
  const sender = await senderOfWeek(deps.store, `weekly-summary-${week}`, run, now.toISOString());
  if (sender.owner !== run.owner) return { status: 'skipped', week, reason: 'sent_before' };

  const email = renderWeeklySummary(await composeWeeklySummary(deps), deps.language);
  for (const to of deps.recipients) {
    await deps.mailer.send({ to, ...email, tags: { kind: 'weekly-summary', week } });
  }
  return { status: 'sent', week, recipients: deps.recipients.length };
}

async function senderOfWeek(
  store: Pick<CreditStore, 'getDelivery' | 'commit'>,
  id: string,
  run: SummarySender,
  at: string,
): Promise<SummarySender> {
  const held = await store.getDelivery(id);
  if (held) return held.response as SummarySender;
  try {
    await store.commit([
      { kind: 'recordDelivery', delivery: { id, receivedAt: at, statusCode: 200, response: run } },
    ]);
    return run;
  } catch (error) {
    if (!(error instanceof ConcurrentModificationError)) throw error;
    const winner = await store.getDelivery(id);
    if (!winner) throw error;
    return winner.response as SummarySender;
  }
}

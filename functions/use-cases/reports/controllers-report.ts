import type { CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE } from '../../core/calendar/time-zone';
import {
  CONTACT_CREDIT_DAYS,
  type ControllerFigures,
  controllerFigures,
  periodIssues,
} from '../../core/reports/controller-activity';
import type { CreditStore } from '../../ports/credit-store';
import { invalid } from '../refusal';

export interface ControllersReport {
  from: CalendarDate;
  to: CalendarDate;
  timeZone: string;
  /** A payment counts as collected after a contact when it arrived within this many days of it. */
  contactCreditDays: number;
  controllers: ControllerFigures[];
}

/**
 * GET /reports/controllers: per controller, tasks done (and on time), calls made (and reached),
 * promises taken (and kept) and money collected after a contact. Reads the counters kept as those
 * facts were recorded, one item per controller and day: whatever the portfolio's size.
 */
export async function controllersReport(
  store: CreditStore,
  period: { from: CalendarDate; to: CalendarDate },
): Promise<ControllersReport> {
  const issues = periodIssues(period.from, period.to);
  if (issues.length > 0) {
    throw invalid(
      issues.map((issue) => ({ path: `query.${issue.path}`, message: issue.message })),
      'The period cannot be reported as asked.',
    );
  }
  const days = await store.listControllerDays(period.from, period.to);
  return {
    from: period.from,
    to: period.to,
    timeZone: BUSINESS_TIME_ZONE,
    contactCreditDays: CONTACT_CREDIT_DAYS,
    controllers: controllerFigures(days),
  };
}

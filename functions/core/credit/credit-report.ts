import { addDays, type CalendarDate, daysBetween } from '../calendar/calendar-date';
import type { Money } from '../money';

export const RISK_CLASSES = ['low', 'medium', 'high'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** What a credit bureau said about a debtor on a day. */
export interface CreditReport {
  provider: string;
  /** The bureau's score, on its own scale. */
  score: number;
  riskClass: RiskClass;
  /** The credit limit the bureau recommends. */
  recommendedLimit: Money;
  reportDate: CalendarDate;
  /** The bureau's id of the report, when it gave one. */
  reference?: string;
  recordedAt: string;
  /** 'user:<sub>' of who entered it, or the integration that posted it. */
  recordedBy: string;
}

/** Days between reports per risk class: configuration, with these defaults (monthly, quarterly, yearly). */
export type ReportCadence = Record<RiskClass, number>;
export const DEFAULT_REPORT_CADENCE: ReportCadence = { high: 30, medium: 91, low: 365 };

/** The day the next report is due after this one. */
export function nextReportDue(
  report: Pick<CreditReport, 'reportDate' | 'riskClass'>,
  cadence: ReportCadence,
) {
  return addDays(report.reportDate, cadence[report.riskClass]);
}

/** A report older than this no longer supports a credit decision on its own. */
const REPORT_VALID_DAYS = 365;

/** Whether the report is more than twelve months old on `today`. */
export function isReportStale(report: Pick<CreditReport, 'reportDate'>, today: CalendarDate): boolean {
  return daysBetween(report.reportDate, today) > REPORT_VALID_DAYS;
}

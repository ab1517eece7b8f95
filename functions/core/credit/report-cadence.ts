import { DEFAULT_REPORT_CADENCE, RISK_CLASSES, type ReportCadence, type RiskClass } from './credit-report';

/** `high=30,medium=91,low=365` (days) → the cadence, the defaults for the classes not named. */
export function parseReportCadence(value: string | undefined): ReportCadence | undefined {
  if (value === undefined || value.trim() === '') return DEFAULT_REPORT_CADENCE;
  const parsed: ReportCadence = { ...DEFAULT_REPORT_CADENCE };
  for (const pair of value.split(',')) {
    const [riskClass, days] = pair.split('=').map((part) => part.trim());
    if (!(RISK_CLASSES as readonly string[]).includes(riskClass ?? '') || !/^\d{1,4}$/.test(days ?? '')) {
      return undefined;
    }
    if (Number(days) < 1) return undefined;
    parsed[riskClass as RiskClass] = Number(days);
  }
  return parsed;
}

import type { CalendarDate } from '../calendar/calendar-date';
import type { InsolvencyKind } from './insolvency';

/**
 * A publication of the Dutch central insolvency register (Centraal Insolventieregister, art. 19
 * Fw and art. 292 Fw for the WSNP): a court declared the person or company with this Chamber of
 * Commerce number bankrupt, granted it a suspension of payments, or admitted it to the debt
 * restructuring. One entry per case: the register's own key is the case number.
 */
export interface InsolvencyRegisterEntry {
  kvkNumber: string;
  kind: InsolvencyKind;
  date: CalendarDate;
  court: string;
  caseNumber: string;
  administrator: { name: string; email?: string };
  /** Where it came from: `manual` (entered by the special team) until an adapter reads the register. */
  source: 'manual';
  /** 'user:<sub>' and when it was recorded. */
  recordedBy: string;
  recordedAt: string;
}

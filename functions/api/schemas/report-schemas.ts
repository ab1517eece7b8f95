import * as z from 'zod';
import { calendarDate } from './fields';

/** GET /reports/controllers: a period of calendar days in the business time zone, both included. */
export const controllerReportQuery = z.object({
  from: calendarDate.describe('The first day counted (Europe/Amsterdam)'),
  to: calendarDate.describe('The last day counted, at most 366 days after from counted both'),
});

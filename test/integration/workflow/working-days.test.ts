import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../functions/core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../../functions/core/calendar/time-zone';
import { isWorkingDay } from '../../../functions/core/calendar/working-days';
import { type CloudHarness, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, invoice, invoiceView } from './scenario';

// Tuesday 1 December 2026, 06:00 Amsterdam: the steps of the next weeks cross Christmas and New Year.
const START = new Date('2026-12-01T05:00:00Z');
const ACTS = new Set(['email_sent', 'task_created', 'account_manager_notified', 'handed_over_to_agency']);

describe('letters go out and tasks fall on Dutch working days only', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START, { dailySweep: true });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('sends no letter and puts no task on a Saturday, a Sunday or a holiday over the Christmas season', async () => {
    const debtor = await businessDebtor(h);
    // One invoice due every other day: together their steps fall on every day of the season.
    const invoices = [];
    for (let day = 0; day < 24; day += 2) {
      invoices.push(await invoice(h, debtor.id, { dueDate: addDays('2026-11-20', day) }));
    }

    await h.advanceDays(75);

    const days: string[] = [];
    for (const { id } of invoices) {
      for (const event of (await invoiceView(h, id)).timeline) {
        if (ACTS.has(event.type))
          days.push(localDate(new Date((event as unknown as { at: string }).at), BUSINESS_TIME_ZONE));
      }
    }
    const tasks = (await h.get<{ tasks: { dueDate: string }[] }>('/tasks')).body.tasks;
    days.push(...tasks.map((task) => task.dueDate));
    expect(days.length).toBeGreaterThan(40);
    expect(days.filter((day) => !isWorkingDay(day))).toEqual([]);
    // The season's holidays were reached: letters went out just before and after them.
    expect(days.some((day) => day >= '2026-12-24' && day <= '2027-01-04')).toBe(true);
  });
});

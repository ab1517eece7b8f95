import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { addDays, type CalendarDate } from '../../core/calendar/calendar-date';
import {
  type ActivityCounts,
  type ControllerDay,
  COUNTERS,
  type LastContact,
} from '../../core/reports/controller-activity';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Money collected after a contact is one number attribute per currency: `collected_EUR`. */
const COLLECTED = 'collected_';

/**
 * A controller's counters of a day: one item per controller and day, in a partition per month, so
 * that a report of a year reads at most 13 partitions and never the portfolio.
 */
const controllerDayKey = (day: CalendarDate, owner: string) => ({
  pk: controllerMonth(day),
  sk: `${day}#${owner}`,
});

function controllerMonth(day: CalendarDate): string {
  return `CONTROLLER_DAYS#${day.slice(0, 7)}`;
}

export const lastContactKey = (debtorId: string) => ({ pk: `DEBTOR#${debtorId}`, sk: '#LAST_CONTACT' });

/** Adds to the day's counters with ADD, so concurrent facts of one controller never overwrite each other. */
export function controllerDayUpdate(TableName: string, activity: ControllerDay): TransactItem {
  const names: Record<string, string> = { '#owner': 'owner', '#day': 'day' };
  const values: Record<string, unknown> = {
    ':itemType': 'controllerDay',
    ':owner': activity.owner,
    ':day': activity.day,
  };
  const sets = ['itemType = :itemType', '#owner = :owner', '#day = :day'];
  if (activity.email) {
    sets.push('ownerEmail = :email');
    values[':email'] = activity.email;
  }
  const adds: string[] = [];
  for (const counter of COUNTERS) {
    const value = activity.counts[counter];
    if (!value) continue;
    adds.push(`#${counter} :${counter}`);
    names[`#${counter}`] = counter;
    values[`:${counter}`] = value;
  }
  Object.entries(activity.counts.collected ?? {}).forEach(([currency, cents], i) => {
    adds.push(`#c${i} :c${i}`);
    names[`#c${i}`] = `${COLLECTED}${currency}`;
    values[`:c${i}`] = cents;
  });
  return {
    Update: {
      TableName,
      Key: controllerDayKey(activity.day, activity.owner),
      UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

export function lastContactPut(TableName: string, contact: LastContact): TransactItem {
  return {
    Put: { TableName, Item: { ...lastContactKey(contact.debtorId), itemType: 'lastContact', ...contact } },
  };
}

export function controllerDayOf(item: Record<string, unknown>): ControllerDay {
  const counts: ActivityCounts = {};
  for (const counter of COUNTERS) {
    const value = item[counter];
    if (typeof value === 'number' && value !== 0) counts[counter] = value;
  }
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(COLLECTED) || typeof value !== 'number') continue;
    counts.collected = { ...counts.collected, [name.slice(COLLECTED.length)]: value };
  }
  return {
    owner: String(item.owner),
    ...(typeof item.ownerEmail === 'string' ? { email: item.ownerEmail } : {}),
    day: String(item.day),
    counts,
  };
}

/** The month partitions a period touches, each with the part of the period in it. */
export function monthsOf(from: CalendarDate, to: CalendarDate): { pk: string; from: string; to: string }[] {
  const months: { pk: string; from: string; to: string }[] = [];
  let day = from;
  while (day <= to) {
    const pk = controllerMonth(day);
    let last = day;
    while (addDays(last, 1) <= to && controllerMonth(addDays(last, 1)) === pk) last = addDays(last, 1);
    months.push({ pk, from: day, to: last });
    day = addDays(last, 1);
  }
  return months;
}

import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { addDays, type CalendarDate } from '../../core/calendar/calendar-date';
import type { ReportCounters, ReportFamily } from '../../core/reports/fact-counters';
import { COUNTER_PREFIX } from './item-keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The counters of the dunning, promise, dispute and forecast reports: one item per family and day
 * in a partition per family and month, so that a report of a period reads one query per month;
 * a family's running totals in one item of their own.
 */
export function reportCountersKey(family: ReportFamily, day: CalendarDate | undefined) {
  return day === undefined
    ? { pk: `REPORT#${family}`, sk: 'TOTALS' }
    : { pk: reportMonth(family, day), sk: day };
}

function reportMonth(family: ReportFamily, day: CalendarDate): string {
  return `REPORT#${family}#${day.slice(0, 7)}`;
}

/** Adds to the counters with ADD: concurrent facts of one day never overwrite each other. */
export function reportCountersUpdate(TableName: string, item: ReportCounters): TransactItem {
  const names: Record<string, string> = { '#type': 'itemType', '#family': 'family' };
  const values: Record<string, unknown> = { ':type': 'reportCounters', ':family': item.family };
  const sets = ['#type = :type', '#family = :family'];
  if (item.day !== undefined) {
    names['#day'] = 'day';
    values[':day'] = item.day;
    sets.push('#day = :day');
  }
  const adds = Object.entries(item.counters).map(([name, delta], i) => {
    names[`#c${i}`] = `${COUNTER_PREFIX}${name}`;
    values[`:c${i}`] = delta;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName,
      Key: reportCountersKey(item.family, item.day),
      UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The counters an item holds, by name. */
export function countersOf(item: Record<string, unknown> | undefined): Record<string, number> {
  return Object.fromEntries(
    Object.entries(item ?? {})
      .filter(([name]) => name.startsWith(COUNTER_PREFIX))
      .map(([name, value]) => [name.slice(COUNTER_PREFIX.length), Number(value)]),
  );
}

/** One query per month of the span: its partition, and the days of the span in it. */
export function reportMonthQueries(family: ReportFamily, from: CalendarDate, to: CalendarDate) {
  const queries: { pk: string; from: CalendarDate; to: CalendarDate }[] = [];
  for (
    let first = `${from.slice(0, 7)}-01`;
    first <= to;
    first = `${addDays(`${first.slice(0, 7)}-28`, 4).slice(0, 7)}-01`
  ) {
    queries.push({ pk: reportMonth(family, first), from: first < from ? from : first, to });
  }
  return queries;
}

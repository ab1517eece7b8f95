import type { VirtualClock } from '../clock/virtual-clock';
import { epochSeconds } from './protocol';

/** The details member of a history event, e.g. `{ taskScheduledEventDetails: {...} }`. */
export type EventDetails = Record<string, Record<string, unknown>>;

export interface HistoryEvent {
  id: number;
  previousEventId: number;
  /** Virtual time, in epoch milliseconds. */
  timestamp: number;
  type: string;
  details: EventDetails;
}

/** Input and output texts are never cut short locally. */
export const NOT_TRUNCATED = { truncated: false } as const;

const EXECUTION_DATA = new Set(['input', 'inputDetails', 'output', 'outputDetails', 'parameters']);

/** An execution's history events, stamped with virtual time as they happen. */
export class ExecutionHistory {
  private readonly recorded: HistoryEvent[] = [];

  constructor(private readonly clock: VirtualClock) {}

  add(type: string, details: EventDetails = {}): void {
    const id = this.recorded.length + 1;
    this.recorded.push({ id, previousEventId: id - 1, timestamp: this.clock.nowMs(), type, details });
  }

  get events(): readonly HistoryEvent[] {
    return this.recorded;
  }
}

/** A history event as GetExecutionHistory returns it; without execution data on request. */
export function wireEvent(event: HistoryEvent, includeExecutionData: boolean): Record<string, unknown> {
  const details = includeExecutionData
    ? event.details
    : Object.fromEntries(
        Object.entries(event.details).map(([key, fields]) => [
          key,
          Object.fromEntries(Object.entries(fields).filter(([field]) => !EXECUTION_DATA.has(field))),
        ]),
      );
  return {
    id: event.id,
    previousEventId: event.previousEventId,
    timestamp: epochSeconds(event.timestamp),
    type: event.type,
    ...details,
  };
}

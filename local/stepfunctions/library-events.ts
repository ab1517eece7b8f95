import type { EventDetails } from './history';
import { NOT_TRUNCATED } from './history';
import { jsonText } from './json';
import type { LibraryEvent } from './library';

export type RecordEvent = (type: string, details?: EventDetails) => void;

/**
 * Records what the library reports about states in AWS's terms. `typeOf` gives back the type a
 * state had before the rewrite (a Wait that runs as a Task is still reported as a Wait). The
 * library's own execution, failure, retry and catch events are left out: the execution's ends come
 * from its result, and the task events from this server's task handlers.
 */
export function recordLibraryEvent(
  record: RecordEvent,
  event: LibraryEvent,
  typeOf: (stateName: string, libraryType: string) => string,
): void {
  switch (event.type) {
    case 'StateEntered':
      record(`${typeOf(event.state.name, event.state.type)}StateEntered`, {
        stateEnteredEventDetails: {
          name: event.state.name,
          input: jsonText(event.state.input),
          inputDetails: NOT_TRUNCATED,
        },
      });
      return;
    case 'StateExited':
      record(`${typeOf(event.state.name, event.state.type)}StateExited`, {
        stateExitedEventDetails: {
          name: event.state.name,
          output: jsonText(event.state.output),
          outputDetails: NOT_TRUNCATED,
        },
      });
      return;
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      record(event.type, {
        [`${event.type[0]?.toLowerCase()}${event.type.slice(1)}EventDetails`]: {
          name: event.parentState.name,
          index: event.index,
        },
      });
      return;
    default:
      return;
  }
}

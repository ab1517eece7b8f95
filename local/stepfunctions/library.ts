// The polyfill must be installed before the library runs a Task state.
import './promise-with-resolvers';
import { type RunOptions, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';

export { StateMachine, type StateMachineDefinition };

type Overrides = NonNullable<RunOptions['overrides']>;
export type LocalHandlers = NonNullable<Overrides['taskResourceLocalHandlers']>;
/** A Task state override: the library calls it with the state's resolved input. */
export type LocalHandler = LocalHandlers[string];
/** The library's JSON value type (not exported under a name of its own). */
export type JsonValue = Parameters<LocalHandler>[0];
export type LibraryRun = ReturnType<StateMachine['run']>;
export type LibraryEvent = LibraryRun['eventLogs'] extends AsyncGenerator<infer Event> ? Event : never;

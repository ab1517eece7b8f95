import { isJsonObject, type JsonObject } from './json';
import { type JsonValue, StateMachine, type StateMachineDefinition } from './library';
import { StepFunctionsError } from './protocol';
import type { Retrier } from './retry';

/** Stands in for `$$.Task.Token`, which the library cannot resolve; the task swaps in its token. */
export const TASK_TOKEN_PLACEHOLDER = '__local-stepfunctions:task-token__';

/**
 * Where the context object holds the virtual start time: the library overwrites
 * `$$.Execution.StartTime` with the real time, so paths to it are pointed here instead.
 */
export const VIRTUAL_START_TIME = 'VirtualStartTime';

/**
 * The library-level timeout of every Task: the longest its setTimeout can arm (beyond 2^31-1 ms
 * it would fire at once), so that it never fires while this server enforces the declared limits.
 */
const LIBRARY_TASK_TIMEOUT_SECONDS = 2_147_483;

export type TaskIntegration = 'lambda:invoke' | 'lambda:invoke.waitForTaskToken' | 'lambda:function';

export interface TaskStateSpec {
  kind: 'task';
  integration: TaskIntegration;
  /** The Resource as written, for the history. */
  resource: string;
  retriers: Retrier[];
}

export interface WaitStateSpec {
  kind: 'wait';
}

/** A state whose work this server does in a local handler rather than the library. */
export type HandledState = TaskStateSpec | WaitStateSpec;

export interface PreparedDefinition {
  machine: StateMachine;
  /** Every Task and Wait state, by name (names are unique across branches, as AWS requires). */
  handled: ReadonlyMap<string, HandledState>;
  /** The execution's TimeoutSeconds, enforced on the virtual clock. */
  timeoutSeconds: number | undefined;
}

/**
 * Validates an ASL definition and rewrites it into one the library runs with this server's
 * handlers: Wait states become Tasks that sleep on the virtual clock, every Task hands its Retry,
 * TimeoutSeconds and HeartbeatSeconds to the handler (through an envelope in its Parameters) and
 * gets a library timeout that never fires, and `$$.Task.Token` becomes a placeholder.
 */
export function prepareDefinition(definitionText: string): PreparedDefinition {
  const definition = parseDefinition(definitionText);
  try {
    new StateMachine(definition as unknown as StateMachineDefinition);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  const handled = new Map<string, HandledState>();
  const { TimeoutSeconds, ...rest } = definition;
  const runnable = pointStartTimeToVirtualClock(
    rewriteMachine(rest, handled),
  ) as unknown as StateMachineDefinition;
  return {
    machine: new StateMachine(runnable, { validationOptions: { noValidate: true } }),
    handled,
    timeoutSeconds: typeof TimeoutSeconds === 'number' ? TimeoutSeconds : undefined,
  };
}

function parseDefinition(text: string): JsonObject {
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    throw invalid(`the definition is not JSON: ${(error as Error).message}`);
  }
  if (!isJsonObject(definition)) throw invalid('the definition must be a JSON object');
  return definition;
}

function rewriteMachine(machine: JsonObject, handled: Map<string, HandledState>): JsonObject {
  if (machine.QueryLanguage === 'JSONata') throw unsupported('JSONata (the library ignores it silently)');
  const states = isJsonObject(machine.States) ? machine.States : {};
  const rewritten: JsonObject = {};
  for (const [name, state] of Object.entries(states)) {
    if (!isJsonObject(state)) continue;
    rewritten[name] = rewriteState(name, state, handled);
  }
  return { ...machine, States: rewritten };
}

function rewriteState(name: string, state: JsonObject, handled: Map<string, HandledState>): JsonObject {
  if (state.QueryLanguage === 'JSONata') throw unsupported(`JSONata in state '${name}'`);
  if (hasAssign(state)) throw unsupported(`Assign (workflow variables) in state '${name}'`);
  switch (state.Type) {
    case 'Wait':
      registerState(name, { kind: 'wait' }, handled);
      return rewriteWait(state);
    case 'Task':
      return rewriteTask(name, state, handled);
    case 'Parallel':
      return {
        ...state,
        Branches: (Array.isArray(state.Branches) ? state.Branches : []).map((branch) =>
          isJsonObject(branch) ? rewriteMachine(branch, handled) : branch,
        ),
      };
    case 'Map':
      return rewriteMap(state, handled);
    default:
      return state;
  }
}

function rewriteMap(state: JsonObject, handled: Map<string, HandledState>): JsonObject {
  const rewritten = { ...state };
  for (const field of ['Iterator', 'ItemProcessor'] as const) {
    const processor = state[field];
    if (isJsonObject(processor)) rewritten[field] = rewriteMachine(processor, handled);
  }
  return rewritten;
}

/** A Wait becomes a Task whose handler gets the state input and the moment to wait for. */
function rewriteWait(state: JsonObject): JsonObject {
  const { Seconds, SecondsPath, Timestamp, TimestampPath, ...rest } = state;
  const when: JsonObject =
    Seconds !== undefined
      ? { seconds: Seconds }
      : SecondsPath !== undefined
        ? { 'seconds.$': SecondsPath }
        : Timestamp !== undefined
          ? { timestamp: Timestamp }
          : { 'timestamp.$': TimestampPath ?? null };
  return {
    ...rest,
    Type: 'Task',
    Resource: 'arn:aws:states:::local:wait',
    Parameters: { 'input.$': '$', ...when },
    TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
  };
}

function rewriteTask(name: string, state: JsonObject, handled: Map<string, HandledState>): JsonObject {
  const resource = typeof state.Resource === 'string' ? state.Resource : '';
  const integration = integrationOf(resource);
  if (integration === undefined) {
    throw unsupported(`the Resource of state '${name}' (${resource}): only Lambda tasks run locally`);
  }
  const {
    Retry,
    TimeoutSeconds,
    TimeoutSecondsPath,
    HeartbeatSeconds,
    HeartbeatSecondsPath,
    Parameters,
    ...rest
  } = state;
  registerState(
    name,
    { kind: 'task', integration, resource, retriers: (Retry ?? []) as unknown as Retrier[] },
    handled,
  );
  const parameters: JsonObject =
    Parameters === undefined
      ? { 'parameters.$': '$' }
      : {
          parameters:
            integration === 'lambda:invoke.waitForTaskToken' ? withTokenPlaceholder(Parameters) : Parameters,
        };
  return {
    ...rest,
    Parameters: {
      ...parameters,
      ...limit('timeoutSeconds', TimeoutSeconds, TimeoutSecondsPath),
      ...limit('heartbeatSeconds', HeartbeatSeconds, HeartbeatSecondsPath),
    },
    TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
  };
}

function integrationOf(resource: string): TaskIntegration | undefined {
  if (/^arn:aws[\w-]*:states:::lambda:invoke$/.test(resource)) return 'lambda:invoke';
  if (/^arn:aws[\w-]*:states:::lambda:invoke\.waitForTaskToken$/.test(resource)) {
    return 'lambda:invoke.waitForTaskToken';
  }
  if (/^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w-]+)?$/.test(resource))
    return 'lambda:function';
  return undefined;
}

/** A time limit handed to the task handler: the literal, or the path the library resolves. */
function limit(field: string, seconds: JsonValue | undefined, path: JsonValue | undefined): JsonObject {
  if (seconds !== undefined) return { [field]: seconds };
  if (path !== undefined) return { [`${field}.$`]: path };
  return {};
}

function withTokenPlaceholder(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withTokenPlaceholder);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key.endsWith('.$') && inner === '$$.Task.Token'
        ? [key.slice(0, -2), TASK_TOKEN_PLACEHOLDER]
        : [key, withTokenPlaceholder(inner)],
    ),
  );
}

function pointStartTimeToVirtualClock(value: JsonValue): JsonValue {
  if (typeof value === 'string') {
    // A replacer function, since `$$` in a replacement string would come out as `$`.
    return value.replaceAll('$$.Execution.StartTime', () => `$$.Execution.${VIRTUAL_START_TIME}`);
  }
  if (Array.isArray(value)) return value.map(pointStartTimeToVirtualClock);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, pointStartTimeToVirtualClock(inner)]),
  );
}

function hasAssign(state: JsonObject): boolean {
  const rules = [
    ...(Array.isArray(state.Choices) ? state.Choices : []),
    ...(Array.isArray(state.Catch) ? state.Catch : []),
  ];
  return 'Assign' in state || rules.some((rule) => isJsonObject(rule) && 'Assign' in rule);
}

function registerState(name: string, spec: HandledState, handled: Map<string, HandledState>): void {
  if (handled.has(name))
    throw invalid(`state name '${name}' is used twice; names must be unique in the whole machine`);
  handled.set(name, spec);
}

function invalid(message: string): StepFunctionsError {
  return new StepFunctionsError('InvalidDefinition', `Invalid State Machine Definition: ${message}`);
}

function unsupported(what: string): StepFunctionsError {
  return invalid(`the local Step Functions server does not support ${what}`);
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Activity } from '../clock/activity';
import type { VirtualClock } from '../clock/virtual-clock';
import { Executions } from './executions';
import type { LambdaHandler } from './lambda-tasks';
import { type Operation, operations } from './operations';
import { StepFunctionsError } from './protocol';
import { StateMachines } from './state-machines';
import { loadTimeoutErrorFactory } from './task-errors';
import { TaskTokens } from './task-tokens';

export type { LambdaHandler } from './lambda-tasks';

export interface StepFunctionsServerOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Every wait, retry pause, timeout and timestamp of the server runs on this clock. */
  clock: VirtualClock;
  /** Told which executions run and which are parked; one of the server's own when absent. */
  activity?: Activity;
  /** In-process Lambdas by function name (the last segment of a Lambda ARN). */
  lambdas: ReadonlyMap<string, LambdaHandler>;
  /** Default eu-west-1. */
  region?: string;
  /** Default 000000000000. */
  accountId?: string;
}

export interface StepFunctionsServer {
  url: string;
  port: number;
  /** Aborts every running execution and closes the server; no timer of it stays alive. Idempotent. */
  stop(): Promise<void>;
}

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';

/**
 * A local AWS Step Functions endpoint (AWS JSON 1.0 protocol, for the real SFN client) that runs
 * ASL with aws-local-stepfunctions, in-process Lambdas and the virtual clock.
 *
 * Limits, beyond the library's (JSONPath only, no Assign): Tasks must call Lambda (lambda:invoke,
 * its .waitForTaskToken form, or a function ARN); `$$.Task.Token` works only as a whole
 * `"key.$": "$$.Task.Token"` value; the context object holds Execution.Id, Name, RoleArn,
 * StartTime (virtual), Input and StateMachine.Id, Name, but no `$$.State.*`; TimeoutSeconds and
 * HeartbeatSeconds are enforced for .waitForTaskToken tasks, not for synchronous in-process
 * invocations, whose real compute time would be minutes of virtual time on a fast clock; Retry
 * pauses of Parallel and Map states (not of Tasks in them) run in real time; executions always
 * behave as STANDARD ones. For `activity`, an execution is parked while one of its states waits
 * (a Wait, a task token, a retry pause): a Parallel or Map branch that is between two states
 * while another branch waits is not seen as busy.
 */
export async function startStepFunctionsServer(
  options: StepFunctionsServerOptions,
): Promise<StepFunctionsServer> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'eu-west-1';
  const accountId = options.accountId ?? '000000000000';
  const tokens = new TaskTokens();
  const executions = new Executions({
    clock: options.clock,
    activity: options.activity ?? new Activity(options.clock),
    lambdas: options.lambdas,
    tokens,
    region,
    accountId,
    timeoutError: await loadTimeoutErrorFactory(),
  });
  const machines = new StateMachines({ clock: options.clock, region, accountId });
  const handlers = operations({ machines, executions, tokens });
  const server = createServer((request, response) => {
    void respond(handlers, request, response);
  });
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    stop: () => {
      stopped ??= executions.stopAll().then(() => close(server));
      return stopped;
    },
  };
}

async function respond(
  handlers: Record<string, Operation>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const target = request.headers['x-amz-target'];
    const name =
      typeof target === 'string' && target.startsWith(TARGET_PREFIX)
        ? target.slice(TARGET_PREFIX.length)
        : '';
    const operation = request.method === 'POST' ? handlers[name] : undefined;
    if (operation === undefined) {
      throw new StepFunctionsError('UnknownOperationException', `Unknown operation: ${String(target)}`);
    }
    send(response, 200, operation(await readBody(request)));
  } catch (error) {
    if (error instanceof StepFunctionsError) {
      send(response, 400, { __type: error.type, message: error.message }, error.type);
    } else {
      send(response, 500, { __type: 'InternalFailure', message: String(error) }, 'InternalFailure');
    }
  }
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // reported below, like any body that is not a JSON object
  }
  throw new StepFunctionsError('SerializationException', 'The request body is not a JSON object');
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(errorType === undefined ? {} : { 'x-amzn-errortype': errorType }),
  });
  response.end(text);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // The SDK keeps connections alive; without this, close() would wait for them to time out.
    server.closeAllConnections();
  });
}

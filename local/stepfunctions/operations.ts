import { EXECUTION_STATUSES, type Execution, type Executions } from './executions';
import { wireEvent } from './history';
import { paginate } from './pagination';
import { epochSeconds, StepFunctionsError, validationError } from './protocol';
import type { StateMachineRecord, StateMachines } from './state-machines';
import type { TaskTokens } from './task-tokens';

export type Request = Record<string, unknown>;
/** One API operation: the request body in, the response body out (or a StepFunctionsError). */
export type Operation = (request: Request) => Record<string, unknown>;

export interface Services {
  machines: StateMachines;
  executions: Executions;
  tokens: TaskTokens;
}

/** The Step Functions operations this server speaks, by the name in X-Amz-Target. */
export function operations({ machines, executions, tokens }: Services): Record<string, Operation> {
  return {
    CreateStateMachine: (request) => {
      const machine = machines.create(
        required(request, 'name'),
        required(request, 'definition'),
        required(request, 'roleArn'),
      );
      return { stateMachineArn: machine.arn, creationDate: epochSeconds(machine.creationDate) };
    },
    UpdateStateMachine: (request) => {
      const machine = machines.update(required(request, 'stateMachineArn'), {
        definition: optional(request, 'definition'),
        roleArn: optional(request, 'roleArn'),
      });
      return { updateDate: epochSeconds(machine.updateDate ?? machine.creationDate) };
    },
    DescribeStateMachine: (request) =>
      describeMachine(machines.describe(required(request, 'stateMachineArn'))),
    ListStateMachines: (request) => {
      const page = paginate(
        machines.list(),
        (machine) => machine.arn,
        optionalNumber(request, 'maxResults'),
        optional(request, 'nextToken'),
      );
      return {
        stateMachines: page.items.map((machine) => ({
          stateMachineArn: machine.arn,
          name: machine.name,
          type: 'STANDARD',
          creationDate: epochSeconds(machine.creationDate),
        })),
        ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
      };
    },
    DeleteStateMachine: (request) => {
      machines.delete(required(request, 'stateMachineArn'));
      return {};
    },
    StartExecution: (request) => {
      const machine = machines.describe(required(request, 'stateMachineArn'));
      const input = optional(request, 'input') ?? '{}';
      checkJson(input, 'InvalidExecutionInput');
      const execution = executions.start(machine, optional(request, 'name'), input);
      return { executionArn: execution.executionArn, startDate: epochSeconds(execution.startDate) };
    },
    StopExecution: (request) => {
      const execution = executions.stop(
        required(request, 'executionArn'),
        optional(request, 'error'),
        optional(request, 'cause'),
      );
      return { stopDate: epochSeconds(execution.stopDate ?? execution.startDate) };
    },
    DescribeExecution: (request) => describeExecution(executions.describe(required(request, 'executionArn'))),
    ListExecutions: (request) => {
      const machine = machines.describe(required(request, 'stateMachineArn'));
      const statusFilter = optional(request, 'statusFilter');
      if (statusFilter !== undefined && !(EXECUTION_STATUSES as readonly string[]).includes(statusFilter)) {
        throw validationError(`statusFilter must be one of ${EXECUTION_STATUSES.join(', ')}`);
      }
      const listed = executions
        .list(machine.arn)
        .filter((execution) => statusFilter === undefined || execution.status === statusFilter);
      const page = paginate(
        listed,
        (execution) => execution.executionArn,
        optionalNumber(request, 'maxResults'),
        optional(request, 'nextToken'),
      );
      return {
        executions: page.items.map((execution) => ({
          executionArn: execution.executionArn,
          stateMachineArn: execution.stateMachineArn,
          name: execution.name,
          status: execution.status,
          startDate: epochSeconds(execution.startDate),
          ...(execution.stopDate === undefined ? {} : { stopDate: epochSeconds(execution.stopDate) }),
        })),
        ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
      };
    },
    GetExecutionHistory: (request) => {
      const { history } = executions.describe(required(request, 'executionArn'));
      const ordered = request.reverseOrder === true ? [...history.events].reverse() : history.events;
      const page = paginate(
        ordered,
        (event) => String(event.id),
        optionalNumber(request, 'maxResults'),
        optional(request, 'nextToken'),
      );
      const includeExecutionData = request.includeExecutionData !== false;
      return {
        events: page.items.map((event) => wireEvent(event, includeExecutionData)),
        ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
      };
    },
    SendTaskSuccess: (request) => {
      const output = required(request, 'output');
      checkJson(output, 'InvalidOutput');
      tokens.succeed(required(request, 'taskToken'), JSON.parse(output));
      return {};
    },
    SendTaskFailure: (request) => {
      tokens.fail(
        required(request, 'taskToken'),
        optional(request, 'error') ?? '',
        optional(request, 'cause') ?? '',
      );
      return {};
    },
    SendTaskHeartbeat: (request) => {
      tokens.heartbeat(required(request, 'taskToken'));
      return {};
    },
  };
}

function describeMachine(machine: StateMachineRecord): Record<string, unknown> {
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    status: 'ACTIVE',
    definition: machine.definition,
    roleArn: machine.roleArn,
    type: 'STANDARD',
    creationDate: epochSeconds(machine.creationDate),
  };
}

function describeExecution(execution: Execution): Record<string, unknown> {
  const described: Record<string, unknown> = {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startDate),
    input: execution.input,
    inputDetails: { included: true },
  };
  if (execution.stopDate !== undefined) described.stopDate = epochSeconds(execution.stopDate);
  if (execution.output !== undefined)
    Object.assign(described, { output: execution.output, outputDetails: { included: true } });
  if (execution.error !== undefined) described.error = execution.error;
  if (execution.cause !== undefined) described.cause = execution.cause;
  return described;
}

function required(request: Request, field: string): string {
  const value = optional(request, field);
  if (value === undefined) throw validationError(`1 validation error detected: '${field}' must not be null`);
  return value;
}

function optional(request: Request, field: string): string | undefined {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`'${field}' must be a string`);
  return value;
}

function optionalNumber(request: Request, field: string): number | undefined {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw validationError(`'${field}' must be a number`);
  return value;
}

function checkJson(text: string, errorType: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new StepFunctionsError(errorType, `Invalid JSON: ${(error as Error).message}`);
  }
}

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag';
import { kebabCase } from '../names';
import { PROJECT_ROOT } from '../project-root';
import type { StagePolicy } from '../stage-policy';
import type { Functions } from './functions';
import type { LambdaFunction } from './lambda-function';

/** The dunning state machine from its ASL file (the daily sweep that feeds it: ./daily-sweep.ts). */
export class DunningWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  /** The functions its task states run. */
  readonly taskFunctions: readonly LambdaFunction[];

  constructor(scope: Construct, id: string, props: AslStateMachineProps) {
    super(scope, id);
    const machine = stateMachineFromAsl(this, props);
    this.stateMachine = machine.stateMachine;
    this.taskFunctions = machine.taskFunctions;
  }
}

/** What a state machine from an ASL file needs: its name, the file, the catalogue's functions. */
export interface AslStateMachineProps {
  policy: StagePolicy;
  /** Fixed, because the functions address the state machine by name (see the stack). */
  stateMachineName: string;
  /** The ASL file, the same one the local cloud runs. */
  definitionPath: string;
  functions: Pick<Functions, 'get'>;
}

/**
 * A standard state machine from its ASL file, in `scope` (as `Logs` and `StateMachine`): every
 * `${XxxFunctionArn}` placeholder becomes the ARN of its catalogue function, which it may invoke,
 * and every transition is logged without its data. The dunning and the payment plans use it.
 */
export function stateMachineFromAsl(
  scope: Construct,
  props: AslStateMachineProps,
): { stateMachine: StateMachine; taskFunctions: readonly LambdaFunction[] } {
  // fromString, not fromFile: fromFile makes the definition an S3 asset, which neither the
  // template nor the tests can read.
  const definition = readFileSync(props.definitionPath, 'utf8');
  const tasks = taskFunctions(definition, relative(PROJECT_ROOT, props.definitionPath), props.functions);

  const logGroup = new LogGroup(scope, 'Logs', {
    // The prefix AWS recommends for vended logs: it keeps the log resource policy small.
    logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
    retention: props.policy.logRetention,
    removalPolicy: props.policy.removalPolicy,
  });
  const stateMachine = new StateMachine(scope, 'StateMachine', {
    stateMachineName: props.stateMachineName,
    stateMachineType: StateMachineType.STANDARD,
    definitionBody: DefinitionBody.fromString(definition),
    definitionSubstitutions: Object.fromEntries(
      [...tasks].map(([placeholder, fn]) => [placeholder, fn.lambda.functionArn]),
    ),
    // Every state transition is logged, without its data: inputs and outputs carry debtor
    // names, email addresses and amounts, which must not reach the logs (architecture §8).
    // The execution history keeps the data for operators who may see it.
    logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
    tracingEnabled: true,
  });
  const used = [...new Set(tasks.values())];
  for (const fn of used) {
    fn.lambda.grantInvoke(stateMachine);
    acknowledgeWildcardResource(
      scope,
      `${fn.lambda.functionArn}:*`,
      `Invoking ${fn.name} includes its versions and aliases (<arn>:*), as CDK grants it`,
    );
  }
  acknowledgeWildcardResource(
    scope,
    '*',
    'CloudWatch Logs delivery and X-Ray actions of the state machine role have no resource-level permissions',
  );

  return { stateMachine, taskFunctions: used };
}

/**
 * Every `${XxxFunctionArn}` placeholder of the ASL maps to catalogue function kebab-case(Xxx):
 * a new task state needs no change here, and a placeholder without a function fails synth.
 */
function taskFunctions(
  definition: string,
  file: string,
  functions: Pick<Functions, 'get'>,
): Map<string, LambdaFunction> {
  const tasks = new Map<string, LambdaFunction>();
  for (const [, placeholder] of definition.matchAll(/\$\{([^}]+)\}/g)) {
    if (placeholder === undefined || tasks.has(placeholder)) continue;
    const name = /^([A-Za-z0-9]+)FunctionArn$/.exec(placeholder)?.[1];
    if (!name) {
      throw new Error(
        `${file}: placeholder \${${placeholder}} is not of the form \${<FunctionName>FunctionArn}`,
      );
    }
    try {
      tasks.set(placeholder, functions.get(kebabCase(name)));
    } catch (error) {
      throw new Error(`${file}: \${${placeholder}} has no function: ${(error as Error).message}`);
    }
  }
  return tasks;
}

import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { LambdaFunction } from './lambda-function';
import { type AslStateMachineProps, stateMachineFromAsl } from './workflow';

/**
 * The payment-plan state machine (statemachines/payment-plan.asl.json): one execution per plan,
 * started by the API when a plan is agreed or changed. No schedule feeds it.
 */
export class PaymentPlanWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly taskFunctions: readonly LambdaFunction[];

  constructor(scope: Construct, id: string, props: AslStateMachineProps) {
    super(scope, id);
    const machine = stateMachineFromAsl(this, props);
    this.stateMachine = machine.stateMachine;
    this.taskFunctions = machine.taskFunctions;
  }
}

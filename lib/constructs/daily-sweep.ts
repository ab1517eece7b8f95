import { ArnFormat, Stack, TimeZone } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag';
import { type AslStateMachineProps, stateMachineFromAsl } from './workflow';

/**
 * The daily sweep (statemachines/daily-sweep.asl.json): every morning EventBridge Scheduler starts
 * an execution, which plans the run (the due-invoice index cut into ranges), sweeps the ranges in
 * a Distributed Map, a child execution per range calling the sweep Lambda slice after slice, and
 * marks the run complete. A slice ends before the Lambda's 15 minutes; each range's checkpoint
 * lets the next slice, or a retry after a slice died, go on where the last one stopped.
 */
export class DailySweep extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: AslStateMachineProps) {
    super(scope, id);
    this.stateMachine = stateMachineFromAsl(this, props).stateMachine;
    this.allowDistributedMap(props.stateMachineName);

    // Its own role (rather than the stack-wide one CDK would share) keeps the grant here.
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
    });
    new Schedule(this, 'Schedule', {
      description: 'Starts dunning for invoices that fell due and restores failed or lost executions',
      // Amsterdam time, so the run stays at 06:00 local across daylight saving changes. (CDK's
      // list lacks the zone since tzdata made it an alias of Europe/Brussels; Scheduler knows it.)
      schedule: ScheduleExpression.cron({
        minute: '0',
        hour: '6',
        timeZone: TimeZone.of('Europe/Amsterdam'),
      }),
      target: new StepFunctionsStartExecution(this.stateMachine, {
        role: schedulerRole,
        input: ScheduleTargetInput.fromObject({ source: 'aws.scheduler' }),
      }),
    });
  }

  /**
   * A Distributed Map runs its items as child executions of the state machine itself: its role
   * starts them, and describes and stops them (a failed or stopped parent stops its children).
   * The ARNs are built from the fixed name, as the machine's own ARN would make the role's policy
   * depend on the machine that depends on it.
   */
  private allowDistributedMap(stateMachineName: string): void {
    const stack = Stack.of(this);
    const machine = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const children = stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${stateMachineName}/*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [machine] }),
    );
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [children],
      }),
    );
    acknowledgeWildcardResource(
      this,
      children,
      "The Distributed Map's child executions are named by Step Functions (<machine>/<map run>:<id>)",
    );
  }
}

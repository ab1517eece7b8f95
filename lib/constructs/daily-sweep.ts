import { TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { type AslStateMachineProps, stateMachineFromAsl } from './workflow';

/**
 * The daily sweep (statemachines/daily-sweep.asl.json): every morning EventBridge Scheduler starts
 * an execution, which calls the sweep Lambda slice after slice until the due-invoice index is done.
 * A slice ends before the Lambda's 15 minutes; the checkpoint of the day's run lets the next slice,
 * or a retry after a slice died, go on where the last one stopped.
 */
export class DailySweep extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: AslStateMachineProps) {
    super(scope, id);
    this.stateMachine = stateMachineFromAsl(this, props).stateMachine;

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
}

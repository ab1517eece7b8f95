import { TimeZone } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag';
import { InlinePolicyRole } from './inline-policy-role';
import type { LambdaFunction } from './lambda-function';

export interface WeeklySummaryProps {
  /** The `reports` function: it recognises the schedule's `{ "job": "weekly-summary" }`. */
  reports: LambdaFunction;
  /** The managers who get it (REPORT_RECIPIENTS); none: the schedule runs and sends nothing. */
  recipients: readonly string[];
}

/**
 * The weekly summary to managers: every Monday at 07:00 Amsterdam time, after the 06:00 sweep
 * closed Sunday, EventBridge Scheduler invokes the reports function with the summary's job. No
 * function of its own: the reports function composes and sends it.
 */
export class WeeklySummary extends Construct {
  constructor(scope: Construct, id: string, props: WeeklySummaryProps) {
    super(scope, id);
    props.reports.lambda.addEnvironment('REPORT_RECIPIENTS', props.recipients.join(','));
    // Its own role (rather than the stack-wide one CDK would share) keeps the grant here.
    const schedulerRole = new InlinePolicyRole(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
    });
    acknowledgeWildcardResource(
      schedulerRole,
      `${props.reports.lambda.functionArn}:*`,
      "CDK's invoke grant also covers the function's versions and aliases; the schedule invokes the one function",
    );
    new Schedule(this, 'Schedule', {
      description: 'Sends managers the weekly summary of the portfolio',
      schedule: ScheduleExpression.cron({
        minute: '0',
        hour: '7',
        weekDay: 'MON',
        timeZone: TimeZone.of('Europe/Amsterdam'),
      }),
      target: new LambdaInvoke(props.reports.lambda, {
        role: schedulerRole,
        input: ScheduleTargetInput.fromObject({ job: 'weekly-summary' }),
      }),
    });
  }
}

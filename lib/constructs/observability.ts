import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  Alarm,
  type AlarmProps,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IConfigurationSet } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { DAILY_METRIC, SWEEP_COMPLETED_METRIC } from '../../functions/core/reports/business-metrics';
import type { Stage } from '../config';
import { pascalCase } from '../names';
import type { LambdaFunction } from './lambda-function';
import { type BusinessMetric, portfolioWidgets } from './portfolio-widgets';

export interface ObservabilityProps {
  stage: Stage;
  alerts: ITopic;
  stateMachine: StateMachine;
  /** statemachines/payment-plan.asl.json: one execution per payment plan and attempt. */
  paymentPlanStateMachine: StateMachine;
  /** statemachines/daily-sweep.asl.json: one execution every morning at 06:00 Europe/Amsterdam. */
  sweepStateMachine: StateMachine;
  /** The stage's threshold (lib/config.ts): overdue up more than this percentage on the week before pages. */
  overdueWeekOnWeekAlarmPercent: number;
  functions: readonly LambdaFunction[];
  /** The functions of the state machine's tasks, which may defer a step to the next day. */
  stepFunctions: readonly LambdaFunction[];
  api: RestApi;
  table: ITable;
  configurationSet: IConfigurationSet;
  /** By what they hold, e.g. { EmailEvents: queue }. */
  deadLetterQueues: Readonly<Record<string, IQueue>>;
}

const FIVE_MINUTES = Duration.minutes(5);
const ONE_HOUR = Duration.hours(1);
/**
 * The sweep starts at 06:00 Amsterdam time and its completion should be in by 07:00. An alarm
 * cannot be scheduled, so this one looks back over the last 24 whole hours and pages when not one
 * of them holds a completion (missing data breaches). Amsterdam's offset from UTC is whole hours,
 * so CloudWatch's hourly periods are Amsterdam's hours: at 07:00 the window is 07:00 yesterday to
 * 07:00 today, and yesterday's 06:xx completion has just left it. See docs/architecture.md for
 * when it pages later (a sweep that completed late yesterday) or early (the night clocks go back).
 */
const SWEEP_WINDOW_HOURS = 24;
/** A period without a deferral (or an invocation) has no data point: it counts as none. */
const ERRORS_BUT_DEFERRALS = 'FILL(errors, 0) - FILL(deferred, 0)';

/**
 * The dashboard (portfolio first, then operations) and the alarms that page through the alerts
 * topic. The portfolio section (./portfolio-widgets.ts) reads the business metrics the functions
 * publish in the EMF namespace 'CreditControl'; the business alarms page when the daily sweep
 * failed or did not run by 07:00, and when the overdue amount rose too fast in a week.
 */
export class Observability extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { stateMachine, api, configurationSet } = props;
    const alarm = (
      alarmId: string,
      metric: IMetric,
      threshold: number,
      description: string,
      options: Partial<AlarmProps> = {},
    ) => {
      new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No data means nothing happened: no failures, no mail sent.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
        ...options,
      }).addAlarmAction(new SnsAction(props.alerts));
    };

    const sesRate = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { 'ses:configuration-set': configurationSet.configurationSetName },
        statistic: 'Maximum',
        period: Duration.hours(1),
      });
    const bounceRate = sesRate('Reputation.BounceRate');
    const complaintRate = sesRate('Reputation.ComplaintRate');

    // EMF from the functions (the names: functions/core/reports/business-metrics.ts), under the
    // dimensions that functions/shared/observability.ts gives every metric, and their own.
    const business: BusinessMetric = (metricName, options = {}) =>
      new Metric({
        namespace: 'CreditControl',
        metricName,
        dimensionsMap: { ...options.dimensions, service: 'credit-control', stage: props.stage },
        statistic: options.statistic ?? 'Sum',
        period: options.period ?? FIVE_MINUTES,
        ...(options.label ? { label: options.label } : {}),
      });
    // Emitted by the sweep once per held invoice or plan.
    const sweepMetric = (metricName: string) => business(metricName);
    const needsAttention = sweepMetric('DunningNeedsAttention');
    alarm(
      'DunningNeedsAttention',
      needsAttention,
      1,
      'A dunning step kept failing after its restores: the invoice is held (needs_attention) with a task for a controller. Fix the cause, then POST /invoices/{id}/dunning/restart.',
    );
    alarm(
      'DunningExecutionFailed',
      stateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      'A dunning execution failed after its retries. The daily sweep restores it at the failed step; check the execution history for the cause.',
    );
    alarm(
      'PaymentPlanExecutionFailed',
      props.paymentPlanStateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      "A payment plan's execution failed after its retries (PlanStepFailed): its reminders and checks stopped. The daily sweep restores it at the instalment it stands at; check the execution history for the cause.",
    );
    alarm(
      'PaymentPlanNeedsAttention',
      sweepMetric('PaymentPlanNeedsAttention'),
      1,
      "A payment plan's execution kept failing after its restores: a controller has a payment_plan_needs_attention task. Fix the cause, then a manager's change to the plan (POST /payment-plans/{id}/amendments) starts it again.",
    );
    alarm(
      'DailySweepFailed',
      props.sweepStateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      "The daily sweep failed after its slices' retries: invoices that fell due today did not start dunning, and failed ones were not restored. Its execution history names the cause; the sweep goes on from its checkpoint when run again (README, Operating it).",
    );
    const sweepCompleted = business(SWEEP_COMPLETED_METRIC, { period: ONE_HOUR });
    alarm(
      'DailySweepNotRun',
      sweepCompleted,
      1,
      'No daily sweep read the due-invoice index to its end in the last 24 hours: by 07:00 Europe/Amsterdam, the morning run (06:00) has not completed. Look at the DailySweep executions: not started (the schedule), still running, or failed.',
      {
        evaluationPeriods: SWEEP_WINDOW_HOURS,
        datapointsToAlarm: SWEEP_WINDOW_HOURS,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        // No completion in an hour is no data: only a whole window of them pages.
        treatMissingData: TreatMissingData.BREACHING,
      },
    );
    // Published by the sweep once a morning for the day before; an hour's period lets the alarm
    // see it within the hour (a daily one would wait for the UTC day to end), and the next hour,
    // without data, returns it to OK: one notification a day while the rise lasts.
    alarm(
      'OverdueUpWeekOnWeek',
      business(DAILY_METRIC.highestOverdueWeekOnWeekPercent, { statistic: 'Maximum', period: ONE_HOUR }),
      props.overdueWeekOnWeekAlarmPercent,
      `The overdue amount of a currency is up more than ${props.overdueWeekOnWeekAlarmPercent}% on seven days before (the dashboard's portfolio section shows which, GET /reports/portfolio/history the days). Look for new large overdue invoices, paused dunning or a step that stopped sending.`,
      { comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD },
    );
    const stepFunctions = new Set(props.stepFunctions);
    // A step deferred to the next day throws StepDeferredError for the ASL's Retry, which Lambda
    // counts as an error; the step wrapper (functions/shared/step/step-handler.ts) counts each
    // one as StepsDeferred under the function's name, and the alarm leaves them out.
    const errorsButDeferrals = (fn: LambdaFunction) =>
      new MathExpression({
        expression: `IF(${ERRORS_BUT_DEFERRALS} > 0, ${ERRORS_BUT_DEFERRALS}, 0)`,
        usingMetrics: {
          errors: fn.lambda.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
          deferred: new Metric({
            namespace: 'CreditControl',
            metricName: 'StepsDeferred',
            dimensionsMap: {
              service: 'credit-control',
              stage: props.stage,
              function: fn.lambda.functionName,
            },
            statistic: 'Sum',
            period: FIVE_MINUTES,
          }),
        },
        period: FIVE_MINUTES,
        label: `${fn.name} errors, deferrals left out`,
      });
    for (const fn of props.functions) {
      alarm(
        `${pascalCase(fn.name)}Errors`,
        stepFunctions.has(fn)
          ? errorsButDeferrals(fn)
          : fn.lambda.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        1,
        `The ${fn.name} function failed. Its log group holds the error with the invoice id.`,
      );
    }
    alarm(
      'ApiServerErrors',
      api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      'The API answered with a 5xx; the invoicing system retries webhooks, controllers see an error.',
    );
    alarm(
      'SesBounceRate',
      bounceRate,
      0.05,
      'More than 5% of dunning emails bounce: SES reviews the account at 5% and may pause sending at 10%. Check debtor addresses.',
    );
    alarm(
      'SesComplaintRate',
      complaintRate,
      0.001,
      'More than 0.1% of dunning emails are marked as spam: SES reviews the account at 0.1%.',
    );
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
        1,
        `${name} events could not be processed and wait in a dead-letter queue; fix the cause, then redrive them.`,
      );
    }

    const daily = { period: Duration.days(1), statistic: 'Sum' };
    const perFunction = (metric: (fn: LambdaFunction) => IMetric) => props.functions.map(metric);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `credit-control-${props.stage}`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '# Portfolio', width: 24, height: 1 }),
      ...portfolioWidgets(business, props.overdueWeekOnWeekAlarmPercent),
      new GraphWidget({
        title: 'Dunning executions per day',
        width: 24,
        left: [
          stateMachine.metricStarted({ ...daily, label: 'Started' }),
          stateMachine.metricSucceeded({ ...daily, label: 'Completed every step' }),
          stateMachine.metricAborted({ ...daily, label: 'Stopped (paid, promised, disputed)' }),
          stateMachine.metricFailed({ ...daily, label: 'Failed' }),
        ],
      }),
      new GraphWidget({
        title: 'Payment-plan executions per day',
        width: 24,
        left: [
          props.paymentPlanStateMachine.metricStarted({ ...daily, label: 'Started' }),
          props.paymentPlanStateMachine.metricSucceeded({ ...daily, label: 'Completed or broken' }),
          props.paymentPlanStateMachine.metricFailed({ ...daily, label: 'Failed' }),
        ],
      }),
      new TextWidget({ markdown: '# Operations', width: 24, height: 1 }),
      new GraphWidget({
        title: 'Lambda errors',
        width: 12,
        left: perFunction((fn) => fn.lambda.metricErrors({ statistic: 'Sum', label: fn.name })),
      }),
      new GraphWidget({
        title: 'Lambda duration (p95)',
        width: 12,
        left: perFunction((fn) => fn.lambda.metricDuration({ statistic: 'p95', label: fn.name })),
      }),
      new GraphWidget({
        title: 'API requests',
        width: 12,
        left: [
          api.metricCount({ statistic: 'Sum', label: 'Requests' }),
          api.metricClientError({ statistic: 'Sum', label: '4xx' }),
          api.metricServerError({ statistic: 'Sum', label: '5xx' }),
        ],
      }),
      new GraphWidget({
        title: 'API latency',
        width: 12,
        left: [
          api.metricLatency({ statistic: 'p50', label: 'p50' }),
          api.metricLatency({ statistic: 'p95', label: 'p95' }),
        ],
      }),
      new GraphWidget({
        title: 'DynamoDB throttled events',
        width: 8,
        left: [
          props.table.metric('ReadThrottleEvents', { statistic: 'Sum', label: 'Reads' }),
          props.table.metric('WriteThrottleEvents', { statistic: 'Sum', label: 'Writes' }),
        ],
      }),
      new GraphWidget({
        title: 'SES reputation',
        width: 8,
        left: [bounceRate.with({ label: 'Bounce rate' }), complaintRate.with({ label: 'Complaint rate' })],
      }),
      new GraphWidget({
        title: 'Daily sweep',
        width: 8,
        left: [
          sweepCompleted.with({ period: Duration.days(1), label: 'Completed' }),
          props.sweepStateMachine.metricFailed({ ...daily, label: 'Failed' }),
        ],
      }),
      new GraphWidget({
        title: 'Dead letters',
        width: 8,
        left: Object.entries(props.deadLetterQueues).map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', label: name }),
        ),
      }),
    );
  }
}

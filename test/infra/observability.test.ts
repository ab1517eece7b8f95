import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/catalogue';
import { buildCreditControlApp } from '../../lib/credit-control-app';
import { CONTEXT, synthesize } from './app-fixture';

type MetricRow = (string | Record<string, unknown>)[];

/**
 * The dashboard's widgets by title, each metric written as `Namespace/Name{dimensions} stat period`
 * (a hidden one marked `hidden`) and each expression as `id = expression`. Tokens (ARNs, the
 * region) read as TOKEN.
 */
function dashboardWidgets(template: Template): Map<string, string[]> {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  const parts = dashboard?.Properties.DashboardBody['Fn::Join'][1] as unknown[];
  const body = JSON.parse(parts.map((part) => (typeof part === 'string' ? part : 'TOKEN')).join('')) as {
    widgets: { properties: { title?: string; metrics?: MetricRow[] } }[];
  };
  const widgets = new Map<string, string[]>();
  for (const { properties } of body.widgets) {
    if (!properties.title || !properties.metrics) continue;
    widgets.set(
      properties.title,
      properties.metrics.map((row) => {
        const options = row.at(-1) as Record<string, unknown>;
        if (typeof options.expression === 'string') return `= ${options.expression}`;
        const [namespace, name, ...dimensions] = row.slice(0, -1) as string[];
        const pairs: string[] = [];
        for (let i = 0; i < dimensions.length; i += 2) pairs.push(`${dimensions[i]}=${dimensions[i + 1]}`);
        const id = options.id ? `${String(options.id)}: ` : '';
        const hidden = options.visible === false ? ' hidden' : '';
        return `${id}${namespace}/${name}{${pairs.sort().join(',')}} ${String(options.stat)} ${String(options.period ?? 300)}${hidden}`;
      }),
    );
  }
  return widgets;
}

const DAY = 86400;
const SERVICE = 'service=credit-control,stage=dev';
const business = (name: string, dimensions: string, stat: string, period = DAY) =>
  `CreditControl/${name}{${[dimensions, SERVICE].filter(Boolean).join(',').split(',').sort().join(',')}} ${stat} ${period}`;
const STEPS = [
  'firstReminder',
  'secondReminder',
  'call',
  'accountManager',
  'finalNotice',
  'collectionAgency',
];
const BUCKETS = ['current', '1-30', '31-60', '61-90', '91-120', '120+'];
/** An amount published in cents, shown in euros. */
const euros = (id: string, name: string, dimensions: string) => [
  `= ${id} / 100`,
  `${id}: ${business(name, dimensions, 'Maximum')} hidden`,
];

describe('observability', () => {
  let template: Template;
  let main: Template;
  beforeAll(() => {
    ({ monitoring: template, template: main } = synthesize('dev'));
  });

  /** The operations section's widgets, asserted by the metric names the test above lists. */
  const OPERATIONS = [
    'Lambda errors',
    'Lambda duration (p95)',
    'API requests',
    'API latency',
    'DynamoDB throttled events',
    'SES reputation',
    'Daily sweep',
    'Dead letters',
  ];

  const alarmOn = (metricName: string, properties: Record<string, unknown> = {}) =>
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: metricName, ...properties });

  it('has a dashboard with the portfolio and the operations', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]);
    for (const part of [
      '# Portfolio',
      'ExecutionsStarted',
      'ExecutionsSucceeded',
      'ExecutionsFailed',
      'ExecutionsAborted',
      '# Operations',
      'Errors',
      'Duration',
      '4XXError',
      '5XXError',
      'Latency',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
    ]) {
      expect(body).toContain(part);
    }
  });

  it('shows the portfolio from the figures the sweep publishes for the day it closed, amounts in euros', () => {
    const widgets = dashboardWidgets(template);
    const aging = BUCKETS.flatMap((bucket) =>
      euros(
        `cents_${bucket.replace(/[^a-z0-9]/g, '_')}`,
        'AgingAmountCents',
        `bucket=${bucket},currency=EUR`,
      ),
    );
    expect(Object.fromEntries([...widgets].filter(([title]) => !OPERATIONS.includes(title)))).toEqual({
      'Open and overdue amount (EUR)': [
        ...euros('cents_open', 'OpenAmountCents', 'currency=EUR'),
        ...euros('cents_overdue', 'OverdueAmountCents', 'currency=EUR'),
      ],
      'Aging of the receivables (EUR, stacked by days past due)': aging,
      'Aging at the last closed day (EUR)': aging,
      'DSO (days, EUR)': [business('DsoDays', 'currency=EUR', 'Maximum')],
      'Overdue amount week on week (%)': [
        business('OverdueAmountWeekOnWeekPercent', 'currency=EUR', 'Maximum'),
        business('HighestOverdueWeekOnWeekPercent', '', 'Maximum'),
      ],
      'Disputes, tasks open and overdue': [
        business('DisputesOpen', '', 'Maximum'),
        business('TasksOpen', '', 'Maximum'),
        business('TasksOverdue', '', 'Maximum'),
      ],
      'Letters and escalations per day, as they happen': [
        business('RemindersSent', '', 'Sum'),
        business('FinalNoticesSent', '', 'Sum'),
        business('CallTasksCreated', '', 'Sum'),
        business('AccountManagerEscalations', '', 'Sum'),
        business('HandedOverToAgency', '', 'Sum'),
      ],
      'Invoices reaching each dunning step per day': STEPS.map((step) =>
        business('DunningStepsReached', `step=${step}`, 'Maximum'),
      ),
      'Cure rate per step (%): paid within 14 days, steps of the four weeks before': STEPS.map((step) =>
        business('DunningCureRatePercent', `step=${step}`, 'Maximum'),
      ),
      'Promises decided per day': [
        business('PromisesKept', '', 'Maximum'),
        business('PromisesBroken', '', 'Maximum'),
      ],
      'Dunning executions per day': [
        `AWS/States/ExecutionsStarted{StateMachineArn=TOKEN} Sum ${DAY}`,
        `AWS/States/ExecutionsSucceeded{StateMachineArn=TOKEN} Sum ${DAY}`,
        `AWS/States/ExecutionsAborted{StateMachineArn=TOKEN} Sum ${DAY}`,
        `AWS/States/ExecutionsFailed{StateMachineArn=TOKEN} Sum ${DAY}`,
      ],
      'Payment-plan executions per day': [
        `AWS/States/ExecutionsStarted{StateMachineArn=TOKEN} Sum ${DAY}`,
        `AWS/States/ExecutionsSucceeded{StateMachineArn=TOKEN} Sum ${DAY}`,
        `AWS/States/ExecutionsFailed{StateMachineArn=TOKEN} Sum ${DAY}`,
      ],
    });
  });

  it('shows the daily sweep: its completions per day and its failed executions', () => {
    expect(dashboardWidgets(template).get('Daily sweep')).toEqual([
      business('SweepCompleted', '', 'Sum'),
      `AWS/States/ExecutionsFailed{StateMachineArn=TOKEN} Sum ${DAY}`,
    ]);
  });

  it('alarms when the daily sweep failed', () => {
    alarmOn('ExecutionsFailed', {
      Namespace: 'AWS/States',
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: Match.stringLikeRegexp('DailySweep') } }],
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('Alerts') }],
    });
  });

  it('alarms when no sweep completed in the 24 hours up to 07:00, a missing completion counting as breaching', () => {
    alarmOn('SweepCompleted', {
      Namespace: 'CreditControl',
      Dimensions: [
        { Name: 'service', Value: 'credit-control' },
        { Name: 'stage', Value: 'dev' },
      ],
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: 24,
      DatapointsToAlarm: 24,
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('Alerts') }],
    });
  });

  it('alarms when the overdue amount of any currency is up more than the stage’s percentage on the week before', () => {
    const overdueRise = {
      Namespace: 'CreditControl',
      Dimensions: [
        { Name: 'service', Value: 'credit-control' },
        { Name: 'stage', Value: 'dev' },
      ],
      Statistic: 'Maximum',
      Period: 3600,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('Alerts') }],
    };
    alarmOn('HighestOverdueWeekOnWeekPercent', { ...overdueRise, Threshold: 10 });

    const app = new App({
      context: { ...CONTEXT.dev, overdueWeekOnWeekAlarmPercent: '25', 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    Template.fromStack(buildCreditControlApp(app).monitoring).hasResourceProperties(
      'AWS::CloudWatch::Alarm',
      {
        MetricName: 'HighestOverdueWeekOnWeekPercent',
        ...overdueRise,
        Threshold: 25,
      },
    );
  });

  it('alarms on failed dunning executions', () => {
    alarmOn('ExecutionsFailed', { Namespace: 'AWS/States', Threshold: 1 });
  });

  it('alarms on failed payment-plan executions, as on failed dunning ones', () => {
    alarmOn('ExecutionsFailed', {
      Namespace: 'AWS/States',
      Threshold: 1,
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: Match.stringLikeRegexp('PaymentPlans') } }],
    });
  });

  it('alarms on a payment plan held for attention, from the metric the sweep emits once per held plan', () => {
    alarmOn('PaymentPlanNeedsAttention', { Namespace: 'CreditControl', Statistic: 'Sum', Threshold: 1 });
  });

  it('alarms on a dunning held for attention, from the metric the sweep emits once per held invoice', () => {
    alarmOn('DunningNeedsAttention', {
      Namespace: 'CreditControl',
      Statistic: 'Sum',
      Threshold: 1,
      Dimensions: Match.arrayWith([
        { Name: 'service', Value: 'credit-control' },
        { Name: 'stage', Value: 'dev' },
      ]),
    });
  });

  const STEP_FUNCTIONS = [
    'send-dunning-letter',
    'create-call-task',
    'notify-account-manager',
    'hand-over-to-collection-agency',
  ];

  it('alarms on the errors of every function', () => {
    const plain = Object.keys(
      template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'Errors' } }),
    );
    const lessDeferrals = Object.keys(
      template.findResources('AWS::CloudWatch::Alarm', {
        Properties: { Metrics: Match.arrayWith([Match.objectLike({ Id: 'errors' })]) },
      }),
    );
    expect(plain).toHaveLength(FUNCTIONS.length - STEP_FUNCTIONS.length);
    expect(lessDeferrals).toHaveLength(STEP_FUNCTIONS.length);
  });

  it('leaves a step deferred to the next day out of its function’s errors, so that a business deferral pages nobody', () => {
    template.resourcePropertiesCountIs(
      'AWS::CloudWatch::Alarm',
      {
        Threshold: 1,
        Metrics: [
          {
            Id: 'expr_1',
            Expression: 'IF(FILL(errors, 0) - FILL(deferred, 0) > 0, FILL(errors, 0) - FILL(deferred, 0), 0)',
            ReturnData: true,
          },
          Match.objectLike({
            Id: 'errors',
            ReturnData: false,
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({ Namespace: 'AWS/Lambda', MetricName: 'Errors' }),
              Stat: 'Sum',
            }),
          }),
          Match.objectLike({
            Id: 'deferred',
            ReturnData: false,
            MetricStat: Match.objectLike({
              Metric: {
                Namespace: 'CreditControl',
                MetricName: 'StepsDeferred',
                Dimensions: Match.arrayWith([
                  { Name: 'function', Value: { Ref: Match.anyValue() } },
                  { Name: 'service', Value: 'credit-control' },
                  { Name: 'stage', Value: 'dev' },
                ]),
              },
              Stat: 'Sum',
            }),
          }),
        ],
      },
      STEP_FUNCTIONS.length,
    );
  });

  it('alarms on API server errors', () => {
    alarmOn('5XXError', { Namespace: 'AWS/ApiGateway' });
  });

  it('alarms before SES reviews the account for bounces or complaints', () => {
    alarmOn('Reputation.BounceRate', {
      Namespace: 'AWS/SES',
      Threshold: 0.05,
      Dimensions: [
        { Name: 'ses:configuration-set', Value: { Ref: Match.stringLikeRegexp('ConfigurationSet') } },
      ],
      Statistic: 'Maximum',
      Period: 3600,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    alarmOn('Reputation.ComplaintRate', { Threshold: 0.001 });
  });

  it('alarms on a dead letter in the email events’ queue, the one dead-letter queue', () => {
    main.resourceCountIs('AWS::SQS::Queue', 1);
    alarmOn('ApproximateNumberOfMessagesVisible', {
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { Ref: Match.stringLikeRegexp('EmailEventsDeadLetters') } }],
      Statistic: 'Maximum',
      Period: 300,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it('sends every alarm to the alerts topic', () => {
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: Match.stringLikeRegexp('Alerts') }],
    });
  });
});

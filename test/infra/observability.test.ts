import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/catalogue';
import { synthesize } from './app-fixture';

describe('observability', () => {
  let template: Template;
  beforeAll(() => {
    ({ monitoring: template } = synthesize('dev'));
  });

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
    });
    alarmOn('Reputation.ComplaintRate', { Threshold: 0.001 });
  });

  it('alarms on dead letters', () => {
    alarmOn('ApproximateNumberOfMessagesVisible', { Namespace: 'AWS/SQS' });
  });

  it('sends every alarm to the alerts topic', () => {
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: Match.stringLikeRegexp('Alerts') }],
    });
  });
});

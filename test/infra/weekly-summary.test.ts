import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreditControlStack } from '../../lib/credit-control-stack';
import { readStageConfig } from '../../lib/config';
import { App } from 'aws-cdk-lib';
import { CONTEXT, synthesize } from './app-fixture';

describe('the weekly summary', () => {
  let stack: CreditControlStack;
  let template: Template;
  beforeAll(() => {
    ({ stack, template } = synthesize('dev'));
  });

  it('invokes the reports function with its job every Monday at 07:00 Amsterdam time', () => {
    const reports = stack.getLogicalId(stack.functions.get('reports').lambda.node.defaultChild as CfnElement);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [reports, 'Arn'] },
        Input: JSON.stringify({ job: 'weekly-summary' }),
      }),
    });
  });

  it('names the managers of the configuration to the reports function', () => {
    const config = readStageConfig(
      new App({ context: { ...CONTEXT.dev, reportRecipients: 'cfo@example.com, finance@example.com' } }).node,
    );
    expect(config.reportRecipients).toEqual(['cfo@example.com', 'finance@example.com']);
    expect(() =>
      readStageConfig(new App({ context: { ...CONTEXT.dev, reportRecipients: 'cfo@, x' } }).node),
    ).toThrow(/reportRecipients must be email addresses/);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ REPORT_RECIPIENTS: '' }) },
    });
  });
});

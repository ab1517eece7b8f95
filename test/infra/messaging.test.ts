import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreditControlStack } from '../../lib/credit-control-stack';
import { CONTEXT, publishersTo, synthesize } from './app-fixture';

describe('messaging', () => {
  let stack: CreditControlStack;
  let template: Template;
  beforeAll(() => {
    ({ stack, template } = synthesize('prod'));
  });

  const topicIdByName = (displayName: RegExp) => {
    const entry = Object.entries(template.findResources('AWS::SNS::Topic')).find(([, topic]) =>
      displayName.test(topic.Properties.DisplayName),
    );
    return entry?.[0] ?? 'missing';
  };

  it('has the nine topics, encrypted with the rotating topic key', () => {
    template.resourceCountIs('AWS::SNS::Topic', 9);
    template.allResourcesProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('TopicKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('refuses to publish over plain HTTP', () => {
    template.resourceCountIs('AWS::SNS::TopicPolicy', 9);
    template.allResourcesProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('mails the alerts to the alarm address', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: CONTEXT.prod.alarmEmail,
      TopicArn: { Ref: topicIdByName(/alarms/) },
    });
  });

  it('sends from the sender identity through a configuration set with reputation metrics', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: CONTEXT.prod.senderEmail,
      ConfigurationSetAttributes: {
        ConfigurationSetName: { Ref: Match.stringLikeRegexp('ConfigurationSet') },
      },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
  });

  it('publishes bounces, complaints and deliveries to the email-events topic, which feeds the recorder', () => {
    const emailEvents = topicIdByName(/bounces/);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'delivery'],
        SnsDestination: { TopicARN: { Ref: emailEvents } },
      },
    });
    const recorder = stack.functions.get('record-email-event').lambda;
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: emailEvents },
      Endpoint: { 'Fn::GetAtt': [stack.getLogicalId(recorder.node.defaultChild as CfnElement), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue() },
    });
  });

  it('lets only the functions that raise disputes publish to the disputes topic', () => {
    const disputes = topicIdByName(/^Disputes/);
    const roleOf = (name: string) =>
      stack.getLogicalId(stack.functions.get(name).lambda.role!.node.defaultChild as CfnElement);
    const publishers = publishersTo(template, disputes);
    expect(disputes).not.toBe('missing');
    expect(publishers).toEqual(
      [
        roleOf('raise-invoice-dispute'),
        roleOf('raise-debtor-dispute'),
        roleOf('record-task-outcome'),
        roleOf('self-service'),
      ].sort(),
    );
  });

  it('lets only the functions that set or lift a credit hold publish to the credit-status topic', () => {
    const creditStatus = topicIdByName(/^Credit holds set and lifted/);
    const roleOf = (name: string) =>
      stack.getLogicalId(stack.functions.get(name).lambda.role!.node.defaultChild as CfnElement);
    const publishers = publishersTo(template, creditStatus);
    expect(creditStatus).not.toBe('missing');
    expect(publishers).toEqual(
      [
        roleOf('notify-account-manager'),
        roleOf('put-debtor-credit-hold'),
        roleOf('receive-invoicing-webhook'),
        roleOf('assign-payment'),
      ].sort(),
    );
  });

  it('lets only the functions that book payments publish to the customer-rewards topic', () => {
    const rewards = topicIdByName(/^Good payers and the reward/);
    const roleOf = (name: string) =>
      stack.getLogicalId(stack.functions.get(name).lambda.role!.node.defaultChild as CfnElement);
    const publishers = publishersTo(template, rewards);
    expect(rewards).not.toBe('missing');
    expect(publishers).toEqual([roleOf('receive-invoicing-webhook'), roleOf('assign-payment')].sort());
  });

  it("generates the webhook secrets, the key of the self-service links and Mollie's key, and names them in the outputs", () => {
    // The invoicing system's and the collection agency's webhook secrets: each signs with its own.
    template.resourceCountIs('AWS::SecretsManager::Secret', 4);
    expect(template.findOutputs('WebhookSecretArn')).not.toEqual({});
    expect(template.findOutputs('AgencyWebhookSecretArn')).not.toEqual({});
    expect(template.findOutputs('SelfServiceKeyArn')).not.toEqual({});
    expect(template.findOutputs('MollieApiKeyArn')).not.toEqual({});
  });
});

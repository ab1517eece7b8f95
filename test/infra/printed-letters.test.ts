import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreditControlStack } from '../../lib/credit-control-stack';
import { publishersTo, synthesize } from './app-fixture';

describe('the printed letters', () => {
  let stack: CreditControlStack;
  let template: Template;
  let letters: Template;
  beforeAll(() => {
    ({ stack, template } = synthesize('prod'));
    letters = Template.fromStack(stack.printedLetters.stack);
  });

  const bucketId = () =>
    Object.entries(letters.findResources('AWS::S3::Bucket')).find(
      ([, bucket]) => bucket.Properties.LoggingConfiguration,
    )?.[0] ?? 'missing';
  const roleOf = (name: string) =>
    stack.getLogicalId(stack.functions.get(name).lambda.role!.node.defaultChild as CfnElement);

  it('keeps the PDFs in an encrypted bucket of a stack of its own, closed to the public, with its access logged', () => {
    letters.resourceCountIs('AWS::S3::Bucket', 2);
    letters.allResourcesProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    letters.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'printed-letters/' },
    });
    template.resourceCountIs('AWS::S3::Bucket', 0);
  });

  it('refuses every request over plain HTTP', () => {
    letters.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId() },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('keeps a letter seven years, archived after 90 days', () => {
    letters.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: Match.anyValue(),
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Status: 'Enabled',
            ExpirationInDays: 2557,
            Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
          }),
        ],
      },
    });
  });

  it('lets only the letter-sending function put PDFs, under letters/ only, and tells it the bucket', () => {
    const policies = Object.values(letters.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    expect(policies[0]?.Properties.PolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId(), 'Arn'] }, '/letters/*']] },
      },
    ]);
    expect(policies[0]?.Properties.Roles).toHaveLength(1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Reminders and the final notice by email or post'),
      Environment: { Variables: Match.objectLike({ PRINTED_LETTERS_BUCKET: Match.anyValue() }) },
    });
  });

  it('lets only the letter-sending function publish to the print queue', () => {
    const printQueue =
      Object.entries(template.findResources('AWS::SNS::Topic')).find(([, topic]) =>
        /print-and-mail/.test(topic.Properties.DisplayName),
      )?.[0] ?? 'missing';

    expect(printQueue).not.toBe('missing');
    expect(publishersTo(template, printQueue)).toEqual([roleOf('send-dunning-letter')]);
  });
});

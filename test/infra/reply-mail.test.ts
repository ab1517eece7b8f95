import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreditControlStack } from '../../lib/credit-control-stack';
import { buildCreditControlApp } from '../../lib/credit-control-app';
import { CONTEXT, rolePermissions, synthesize } from './app-fixture';

/** The bucket's name, known before it exists (lib/constructs/reply-mail.ts). */
const bucketName = {
  'Fn::Join': ['-', ['credit-control-replies-prod', { Ref: 'AWS::AccountId' }, { Ref: 'AWS::Region' }]],
};

describe("debtors' replies", () => {
  let stack: CreditControlStack;
  let template: Template;
  let replies: Template;
  beforeAll(() => {
    ({ stack, template } = synthesize('prod'));
    replies = Template.fromStack(stack.replyMail);
  });

  it("receives mail for the reply address's domain and stores it in the reply bucket, scanned", () => {
    replies.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
    replies.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Enabled: true,
        ScanEnabled: true,
        Recipients: ['example.com'],
        Actions: [
          {
            S3Action: {
              BucketName: { Ref: Match.stringLikeRegexp('Bucket') },
              ObjectKeyPrefix: 'inbound/',
            },
          },
        ],
      }),
    });
  });

  it('keeps the raw messages encrypted, private, over TLS only, for the retention', () => {
    replies.resourceCountIs('AWS::S3::Bucket', 1);
    replies.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 730, Status: 'Enabled' })]),
      },
    });
    replies.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 's3:PutObject',
          }),
        ]),
      },
    });
  });

  it('hands every stored message to record-email-event, which may read the bucket and nothing else there', () => {
    const [bucket] = Object.values(replies.findResources('AWS::S3::Bucket'));
    expect(bucket?.Properties.NotificationConfiguration).toEqual({
      LambdaConfigurations: [
        {
          Event: 's3:ObjectCreated:*',
          Function: { Ref: expect.any(String) },
          Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'inbound/' }] } },
        },
      ],
    });
    expect(bucket?.DependsOn).toEqual([expect.stringMatching(/BucketInvokesProcessor/)]);
    replies.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
    });

    // The function in the main stack: the objects of the reply bucket, read only.
    const [recorder] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
      id.startsWith('FunctionsRecordEmailEvent'),
    );
    const role = (recorder?.[1].Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    const s3 = (rolePermissions(template).get(role) ?? []).filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('s3:')),
    );
    expect(s3).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', bucketName, '/*']] },
      }),
    ]);
    expect(recorder?.[1].Properties.Environment.Variables).toMatchObject({
      REPLY_TO_EMAIL: 'debiteuren@example.com',
      REPLY_MAIL_BUCKET: bucketName,
    });
    template.resourceCountIs('AWS::S3::Bucket', 0);
  });

  it('keeps the raw replies for the days the context names', () => {
    const app = new App({
      context: { ...CONTEXT.dev, replyMailRetentionDays: '90', 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    const dev = buildCreditControlApp(app);
    Template.fromStack(dev.replyMail).hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 90 })]) },
    });
  });
});

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

  const printerRole = () =>
    stack.printedLetters.stack.getLogicalId(
      stack.printedLetters.printer.lambda.role!.node.defaultChild as CfnElement,
    );
  const policyWith = (action: string) =>
    Object.values(letters.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument.Statement).includes(action),
    );

  it('lets only the printer put PDFs, under letters/ only, and tells it the bucket', () => {
    const policies = policyWith('s3:PutObject');
    expect(policies).toHaveLength(1);
    expect(policies[0]?.Properties.PolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId(), 'Arn'] }, '/letters/*']] },
      },
    ]);
    expect(policies[0]?.Properties.Roles).toEqual([{ Ref: printerRole() }]);
    letters.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Letters by post: renders the PDF'),
      Environment: { Variables: Match.objectLike({ PRINTED_LETTERS_BUCKET: { Ref: bucketId() } }) },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Reminders and the final notice by email or post'),
      Environment: {
        Variables: Match.objectLike({
          PRINTED_LETTERS_BUCKET: Match.absent(),
          PRINT_LETTER_FUNCTION: Match.anyValue(),
        }),
      },
    });
  });

  it('lets only the letter-sending function invoke the printer, and keeps the printer out of the main stack', () => {
    const policies = policyWith('lambda:InvokeFunction');
    expect(policies).toHaveLength(1);
    expect(policies[0]?.Properties.PolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^FunctionsPrintLetterFunction/), 'Arn'] },
      },
    ]);
    // The sender's role comes to this stack as a parameter named after it.
    expect(policies[0]?.Properties.Roles).toEqual([
      { Ref: expect.stringMatching(/FunctionsSendDunningLetterRole\w*Ref$/) },
    ]);
    letters.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Description: Match.stringLikeRegexp('^Letters by post: renders the PDF') },
      0,
    );
  });

  it('lets only the printer publish to the print queue', () => {
    const printQueue =
      Object.entries(template.findResources('AWS::SNS::Topic')).find(([, topic]) =>
        /print-and-mail/.test(topic.Properties.DisplayName),
      )?.[0] ?? 'missing';
    const parameter =
      Object.keys(letters.toJSON().Parameters ?? {}).find((name) => /MessagingPrintQueue/.test(name)) ??
      'missing';

    expect(printQueue).not.toBe('missing');
    expect(publishersTo(template, printQueue)).toEqual([]);
    expect(publishersTo(letters, parameter)).toEqual([printerRole()]);
  });
});

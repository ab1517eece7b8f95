import { Aws, Duration, Fn, Validations } from 'aws-cdk-lib';
import { CfnPermission, type IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { ReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { S3 } from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import type { StagePolicy } from '../stage-policy';

/** Where SES puts each message; the local SMTP server uses the same prefix (local/smtp). */
const INBOUND_PREFIX = 'inbound/';

/**
 * The bucket's name, known before the bucket exists: the function that reads it lives in the main
 * stack and the bucket's notification names that function, so a reference each way (the grant's
 * ARN and the notification's target) would make the two stacks depend on each other. Account and
 * region make it unique; the stage tells the stages of one account apart.
 */
export function replyMailBucketName(stage: string): string {
  return Fn.join('-', ['credit-control-replies', stage, Aws.ACCOUNT_ID, Aws.REGION]);
}

export interface ReplyMailProps {
  policy: StagePolicy;
  /** replyMailBucketName(stage). */
  bucketName: string;
  /** The domain of the reply address: SES takes every address there (`debiteuren+<token>@…`). */
  replyDomain: string;
  /** The function that handles each stored message (record-email-event). */
  processor: IFunction;
  retention: Duration;
}

/**
 * Debtors' replies by email: an SES receipt rule set whose rule stores every message for the
 * reply domain, as it arrived, in an encrypted private bucket, whose notification hands the
 * object to the processor. The rule set must be made the active one once (one per account and
 * region: the stack does not take it over from another application), with
 * `aws ses set-active-receipt-rule-set --rule-set-name <ReplyRuleSetName>`.
 */
export class ReplyMail extends Construct {
  readonly bucket: Bucket;
  readonly ruleSet: ReceiptRuleSet;

  constructor(scope: Construct, id: string, props: ReplyMailProps) {
    super(scope, id);
    // S3 checks that it may invoke the function when the notification is written: first the permission.
    const permission = new CfnPermission(this, 'BucketInvokesProcessor', {
      action: 'lambda:InvokeFunction',
      functionName: props.processor.functionArn,
      principal: 's3.amazonaws.com',
      sourceAccount: Aws.ACCOUNT_ID,
      sourceArn: `arn:${Aws.PARTITION}:s3:::${props.bucketName}`,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // The reply's words are on the timeline; the raw message is kept as it came for a while.
      lifecycleRules: [
        { expiration: props.retention, abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: props.policy.removalPolicy,
    });
    const bucket = this.bucket.node.defaultChild as CfnBucket;
    bucket.notificationConfiguration = {
      lambdaConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          function: props.processor.functionArn,
          filter: { s3Key: { rules: [{ name: 'prefix', value: INBOUND_PREFIX }] } },
        },
      ],
    };
    bucket.addDependency(permission);
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only SES writes here and only the reply function reads; CloudTrail records both, and access logs would add a bucket of personal data',
    });

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', {
      rules: [
        {
          recipients: [props.replyDomain],
          // SES adds the bucket policy that lets it put objects for this account only.
          actions: [new S3({ bucket: this.bucket, objectKeyPrefix: INBOUND_PREFIX })],
          scanEnabled: true,
        },
      ],
    });
  }
}

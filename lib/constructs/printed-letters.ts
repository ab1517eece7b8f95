import { Duration, NestedStack, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag';
import type { StagePolicy } from '../stage-policy';
import type { LambdaFunction } from './lambda-function';

export interface PrintedLettersProps {
  policy: StagePolicy;
  /** The functions that write the letters' PDFs (`printedLetters` in functions/catalogue.ts). */
  writers: readonly LambdaFunction[];
  /**
   * How long a letter's PDF is kept: the evidence of what the debtor was sent. Seven years by
   * default, the fiscal retention of business records (art. 52 AWR), which outlasts the five-year
   * limitation of the claims the letters are about (art. 3:307 BW).
   */
  retention?: Duration;
}

const SEVEN_YEARS = Duration.days(7 * 365 + 2);
/** The print-and-mail service fetches a letter within days; after that it is only evidence. */
const ARCHIVE_AFTER = Duration.days(90);

/**
 * The bucket of the letters by post, which the print-and-mail service fetches the PDFs from (its
 * own role is granted read access outside this stack). It stands apart from the rest, so it lives
 * in a nested stack of its own: the main stack is close to CloudFormation's 500 resources.
 * Encrypted, no public access, TLS only, and every access logged to a second bucket.
 */
export class PrintedLetters extends Construct {
  readonly bucket: Bucket;
  /** The nested stack that holds the buckets and the writers' policy. */
  readonly stack: NestedStack;

  constructor(scope: Construct, id: string, props: PrintedLettersProps) {
    super(scope, id);
    const stack = new NestedStack(this, 'Stack', {
      description: 'The PDFs of letters by post, for the print-and-mail service',
    });
    this.stack = stack;
    const retention = props.retention ?? SEVEN_YEARS;
    const common = {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: props.policy.removalPolicy,
    };

    const accessLogs = new Bucket(stack, 'AccessLogs', {
      ...common,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: retention }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The access-log bucket of the printed letters: logging its own access would log the logs',
    });

    this.bucket = new Bucket(stack, 'Bucket', {
      ...common,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'printed-letters/',
      lifecycleRules: [
        {
          transitions: [
            { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: ARCHIVE_AFTER },
          ],
          expiration: retention,
        },
      ],
    });

    // Put only, and only under letters/ (functions/use-cases/post/posted-letter-id.ts): a writer
    // reads nothing back and deletes nothing. The policy lives here, next to the bucket, so that
    // the main stack gains no resource for it.
    const letters = this.bucket.arnForObjects('letters/*');
    const writing = new Policy(stack, 'Writers', {
      statements: [new PolicyStatement({ actions: ['s3:PutObject'], resources: [letters] })],
      roles: props.writers.map((writer) => writer.lambda.role!),
    });
    acknowledgeWildcardResource(
      writing,
      letters,
      "Each letter's PDF gets a key of its own at run time (its day, step, currency and debtor), under letters/ only",
    );
    for (const writer of props.writers) {
      writer.lambda.addEnvironment('PRINTED_LETTERS_BUCKET', this.bucket.bucketName);
    }
  }
}

import { Duration, NestedStack, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PRINT_LETTER } from '../../functions/catalogue';
import type { Creditor } from '../config';
import { pascalCase } from '../names';
import { acknowledgeWildcardResource } from '../nag';
import type { StagePolicy } from '../stage-policy';
import { LambdaFunction } from './lambda-function';

export interface PrintedLettersProps {
  policy: StagePolicy;
  creditor: Creditor;
  /** The functions that send letters by post through the printer (`post` in functions/catalogue.ts). */
  senders: readonly LambdaFunction[];
  /** The topic the print-and-mail service reads its orders from. */
  printQueue: ITopic;
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
 * own role is granted read access outside this stack), and the printer that renders them
 * (PRINT_LETTER in functions/catalogue.ts), which the senders invoke and wait for. They stand
 * apart from the rest, so they live in a nested stack of their own: the main stack is close to
 * CloudFormation's 500 resources. Encrypted, no public access, TLS only, and every access logged
 * to a second bucket.
 */
export class PrintedLetters extends Construct {
  readonly bucket: Bucket;
  /** The function that renders, stores and queues each letter by post. */
  readonly printer: LambdaFunction;
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

    // The printer's role, its log group and the function, here rather than with the others: in
    // a construct named Functions, as they are, so that the bench names its bundle.
    const spec = PRINT_LETTER;
    this.printer = new LambdaFunction(new Construct(stack, 'Functions'), pascalCase(spec.name), {
      name: spec.name,
      description: spec.description,
      // Untraced, unlike the other functions that call services: its caller's trace has the
      // whole call as a subsegment, and Lambda's active tracing gives it a segment of its own.
      // The X-Ray SDK (about 120 KB) would take its bundle over 1 MB (docs/benchmarks.md).
      traced: false,
      policy: props.policy,
      creditor: props.creditor,
    });
    this.printer.bindTopic(props.printQueue, 'print-queue');

    // Put only, and only under letters/ (functions/use-cases/post/posted-letter-id.ts): the printer
    // reads nothing back and deletes nothing. The policy lives here, next to the bucket, so that
    // the main stack gains no resource for it.
    const letters = this.bucket.arnForObjects('letters/*');
    const writing = new Policy(stack, 'Writers', {
      statements: [new PolicyStatement({ actions: ['s3:PutObject'], resources: [letters] })],
      roles: [this.printer.lambda.role!],
    });
    acknowledgeWildcardResource(
      writing,
      letters,
      "Each letter's PDF gets a key of its own at run time (its day, step, currency and debtor), under letters/ only",
    );
    this.printer.lambda.addEnvironment('PRINTED_LETTERS_BUCKET', this.bucket.bucketName);

    // The senders may invoke the printer and nothing else here. In this stack, beside it: a grant
    // in a sender's own role would make the main stack wait for this one, which waits for the role.
    new Policy(stack, 'Senders', {
      statements: [
        new PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [this.printer.lambda.functionArn],
        }),
      ],
      roles: props.senders.map((sender) => sender.lambda.role!),
    });
    for (const sender of props.senders) {
      sender.lambda.addEnvironment('PRINT_LETTER_FUNCTION', this.printer.lambda.functionName);
    }
  }
}

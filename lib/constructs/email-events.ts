import { Duration, Validations } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { LambdaFunction } from './lambda-function';

export interface EmailEventsProps {
  /** The topic SES publishes deliveries, bounces and complaints to. */
  topic: ITopic;
  recorder: LambdaFunction;
}

/**
 * Feeds SES events to the function that records them. A lost bounce would leave a debtor
 * believed reminded, so every event that cannot be delivered or keeps failing lands in a
 * dead-letter queue, which the observability construct alarms on.
 */
export class EmailEvents extends Construct {
  readonly deadLetterQueue: IQueue;

  constructor(scope: Construct, id: string, props: EmailEventsProps) {
    super(scope, id);
    const deadLetterQueue = new Queue(this, 'DeadLetters', {
      // SQS-managed keys: SNS can deliver to the queue without a KMS key policy.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the email-events subscription and of the recorder',
    });
    // SNS retries and then dead-letters what it cannot hand to Lambda; Lambda retries its
    // asynchronous invocations and then sends the failures to the same queue.
    props.topic.addSubscription(new LambdaSubscription(props.recorder.lambda, { deadLetterQueue }));
    props.recorder.lambda.configureAsyncInvoke({
      onFailure: new SqsDestination(deadLetterQueue),
      retryAttempts: 2,
    });
    this.deadLetterQueue = deadLetterQueue;
  }
}

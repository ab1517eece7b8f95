import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { clock } from '../adapters/clock/clock';
import { DynamoDbCreditStore } from '../adapters/dynamodb/dynamodb-credit-store';
import { SesMailer } from '../adapters/ses/ses-mailer';
import { StepFunctionsWorkflow } from '../adapters/sfn/step-functions-workflow';
import { SnsNotifier } from '../adapters/sns/sns-notifier';
import type { Clock } from '../ports/clock';
import type { CreditStore } from '../ports/credit-store';
import type { Mailer } from '../ports/mailer';
import type { Notifier } from '../ports/notifier';
import type { DunningWorkflow } from '../ports/workflow';
import { tracer } from './observability';

/**
 * The composition root of every handler: each adapter is built once per container, on first
 * use, so that a handler that never sends email needs no SES settings. Clients are traced.
 * Endpoints come from the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, which is how the local
 * cloud points the same code at its emulators.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this function was not granted that resource`);
  return value;
}

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}

export const creditStore = once<CreditStore>(
  () => new DynamoDbCreditStore(tracer.captureAWSv3Client(new DynamoDBClient({})), required('TABLE_NAME')),
);

export const dunningWorkflow = once<DunningWorkflow>(
  () =>
    new StepFunctionsWorkflow(
      tracer.captureAWSv3Client(new SFNClient({})),
      required('DUNNING_STATE_MACHINE_ARN'),
    ),
);

export const mailer = once<Mailer>(
  () =>
    new SesMailer(tracer.captureAWSv3Client(new SESv2Client({})), {
      from: required('SENDER_EMAIL'),
      replyTo: process.env.REPLY_TO_EMAIL || undefined,
      configurationSet: process.env.SES_CONFIGURATION_SET || undefined,
    }),
);

export const notifier = once<Notifier>(() => new SnsNotifier(tracer.captureAWSv3Client(new SNSClient({}))));

export type { Clock };
export { clock };

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

/**
 * Builds an adapter once for the environment it reads. In Lambda the environment never changes,
 * so this is "once per container"; the local cloud's tests start several clouds (other tables,
 * other ports) in one process, and each gets adapters for its own resources.
 */
function oncePer<T>(variables: readonly string[], build: () => T): () => T {
  let key: string | undefined;
  let value: T | undefined;
  return () => {
    const current = variables.map((name) => process.env[name] ?? '').join('\n');
    if (value === undefined || key !== current) {
      value = build();
      key = current;
    }
    return value;
  };
}

export const creditStore = oncePer<CreditStore>(
  ['TABLE_NAME', 'AWS_ENDPOINT_URL_DYNAMODB'],
  () => new DynamoDbCreditStore(tracer.captureAWSv3Client(new DynamoDBClient({})), required('TABLE_NAME')),
);

export const dunningWorkflow = oncePer<DunningWorkflow>(
  ['DUNNING_STATE_MACHINE_ARN', 'AWS_ENDPOINT_URL_SFN'],
  () =>
    new StepFunctionsWorkflow(
      tracer.captureAWSv3Client(new SFNClient({})),
      required('DUNNING_STATE_MACHINE_ARN'),
    ),
);

export const mailer = oncePer<Mailer>(
  ['SENDER_EMAIL', 'AWS_ENDPOINT_URL_SESV2'],
  () =>
    new SesMailer(tracer.captureAWSv3Client(new SESv2Client({})), {
      from: required('SENDER_EMAIL'),
      replyTo: process.env.REPLY_TO_EMAIL || undefined,
      configurationSet: process.env.SES_CONFIGURATION_SET || undefined,
    }),
);

export const notifier = oncePer<Notifier>(
  ['AWS_ENDPOINT_URL_SNS'],
  () => new SnsNotifier(tracer.captureAWSv3Client(new SNSClient({}))),
);

export type { Clock };
export { clock };

import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { FUNCTIONS, type TopicName, tracesCalls } from '../../functions/catalogue';
import type { Creditor } from '../config';
import { pascalCase } from '../names';
import type { StagePolicy } from '../stage-policy';
import { LambdaFunction } from './lambda-function';
import type { EmailSending } from './messaging';

export interface FunctionsProps {
  policy: StagePolicy;
  creditor: Creditor;
  /** Whether the functions that call other services trace each call (the stage's `traceCalls`). */
  traceCalls: boolean;
  table: ITable;
  dunning: IStateMachine;
  paymentPlans: IStateMachine;
  topics: Readonly<Record<TopicName, ITopic>>;
  email: EmailSending;
  webhookSecret: ISecret;
  /** The collection agency's webhook signing secret. */
  agencyWebhookSecret: ISecret;
  selfServiceKey: ISecret;
  /** Mollie's API key, for the functions that call the payment provider. */
  mollieApiKey: ISecret;
  /** The name of the bucket of debtors' replies (lib/constructs/reply-mail.ts). */
  replyMailBucketName: string;
}

/**
 * Every function of functions/catalogue.ts, each granted exactly what its `needs` list: the
 * catalogue is the one place that says who may touch what.
 */
export class Functions extends Construct {
  private readonly byName = new Map<string, LambdaFunction>();

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    for (const spec of FUNCTIONS) {
      const fn = new LambdaFunction(this, pascalCase(spec.name), {
        name: spec.name,
        description: spec.description,
        timeoutSeconds: spec.timeoutSeconds,
        memoryMb: spec.memoryMb,
        traced: props.traceCalls && tracesCalls(spec.needs),
        policy: props.policy,
        creditor: props.creditor,
      });
      const { needs } = spec;
      if (needs.table) fn.bindTable(props.table, needs.table);
      if (needs.dunning?.length) fn.bindDunning(props.dunning, needs.dunning);
      if (needs.paymentPlans?.length) fn.bindPaymentPlans(props.paymentPlans, needs.paymentPlans);
      if (needs.sendEmail) fn.bindEmail(props.email);
      for (const topic of needs.publish ?? []) fn.bindTopic(props.topics[topic], topic);
      if (needs.webhookSecret) fn.bindWebhookSecret(props.webhookSecret);
      if (needs.agencyWebhookSecret) fn.bindAgencyWebhookSecret(props.agencyWebhookSecret);
      if (needs.selfServiceKey) fn.bindSelfServiceKey(props.selfServiceKey);
      if (needs.paymentProvider) fn.bindPaymentProvider(props.mollieApiKey);
      if (needs.replyMail) fn.bindReplyMail(props.replyMailBucketName, props.email.replyToEmail);
      if (needs.sendSms) fn.bindSms(props.creditor.smsSenderId);
      this.byName.set(spec.name, fn);
    }
  }

  get all(): readonly LambdaFunction[] {
    return [...this.byName.values()];
  }

  /** The function of that catalogue name; fails synth when the catalogue has none. */
  get(name: string): LambdaFunction {
    const fn = this.byName.get(name);
    if (!fn) {
      throw new Error(
        `No function named '${name}' in functions/catalogue.ts (known: ${[...this.byName.keys()].join(', ')})`,
      );
    }
    return fn;
  }
}

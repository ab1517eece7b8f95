import { Arn, ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, type IPrincipal, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as BundledFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { type IStateMachine, StateMachineGrants } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { topicEnvName } from '../../functions/adapters/sns/sns-notifier';
import type { FunctionNeeds, TopicName } from '../../functions/catalogue';
import type { Creditor } from '../config';
import { UNTRACED_ENVIRONMENT } from '../bundle-options';
import { acknowledgeWildcardAction, acknowledgeWildcardResource } from '../nag';
import type { StagePolicy } from '../stage-policy';
import { BUNDLE_HANDLER, handlerCode } from './handler-code';
import { InlinePolicyRole } from './inline-policy-role';
import type { EmailSending } from './messaging';

export type DunningAction = NonNullable<FunctionNeeds['dunning']>[number];
export type PaymentPlanAction = NonNullable<FunctionNeeds['paymentPlans']>[number];

export interface LambdaFunctionProps {
  /** The catalogue name; the entry point is functions/handlers/<name>.ts, exporting `handler`. */
  name: string;
  description: string;
  timeoutSeconds?: number;
  memoryMb?: number;
  /** Loads Powertools' tracer (functions/shared/tracing.ts); true unless the catalogue says otherwise. */
  traced?: boolean;
  policy: StagePolicy;
  creditor: Creditor;
}

/**
 * The project's Lambda defaults in one place, and grant helpers that set the environment
 * variable a handler reads in the same call, so that a function can never hold a permission
 * without knowing the resource, nor know a resource it may not use.
 */
export class LambdaFunction extends Construct implements IGrantable {
  readonly name: string;
  readonly lambda: BundledFunction;
  readonly grantPrincipal: IPrincipal;

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    super(scope, id);
    this.name = props.name;
    const traced = props.traced !== false;
    const untraced: Record<string, string> = traced ? {} : UNTRACED_ENVIRONMENT;
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.policy.logRetention,
      removalPolicy: props.policy.removalPolicy,
    });
    // Its own role instead of AWSLambdaBasicExecutionRole, whose logs:* on every log group is
    // more than a function that writes to one log group needs; its grants inline in the role.
    const role = new InlinePolicyRole(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} function`,
    });
    logGroup.grantWrite(role);

    this.lambda = new BundledFunction(this, 'Function', {
      description: props.description,
      code: handlerCode(props.name, { traced }),
      handler: BUNDLE_HANDLER,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? 512,
      timeout: Duration.seconds(props.timeoutSeconds ?? 15),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'credit-control',
        STAGE: props.policy.stage,
        // No NODE_OPTIONS=--enable-source-maps: it parsed the bundle's .map at every cold start. Stack
        // traces still name the TypeScript sources: functions/shared/source-mapped-stack.ts reads the
        // .map when an error is logged or thrown (docs/benchmarks.md).
        ...creditorEnvironment(props.creditor),
        ...untraced,
      },
    });
    this.grantPrincipal = this.lambda.grantPrincipal;

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime the architecture chose and checked the toolchain, Powertools and middy against; moving to nodejs24.x is a deliberate upgrade, not a default',
    });
    acknowledgeWildcardResource(
      this,
      '*',
      'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions (added by active tracing)',
    );
  }

  /** TABLE_NAME; 'write' includes reads, which conditional writes and transactions need. */
  bindTable(table: ITable, access: 'read' | 'write'): void {
    if (access === 'read') table.grantReadData(this);
    else table.grantReadWriteData(this);
    this.lambda.addEnvironment('TABLE_NAME', table.tableName);
    acknowledgeWildcardResource(
      this,
      `${table.tableArn}/index/*`,
      'The same access to the indexes of the table design (functions/adapters/dynamodb/table-design.ts), which CDK grants as <table>/index/*',
    );
  }

  /** DUNNING_STATE_MACHINE_ARN, with only the listed actions on the state machine and its executions. */
  bindDunning(stateMachine: IStateMachine, actions: readonly DunningAction[]): void {
    const grants = StateMachineGrants.fromStateMachine(stateMachine);
    for (const action of new Set(actions)) {
      switch (action) {
        case 'start':
          grants.startExecution(this);
          break;
        case 'stop':
          grants.execution(this, 'states:StopExecution');
          break;
        case 'read':
          grants.execution(this, 'states:DescribeExecution');
          grants.actions(this, 'states:ListExecutions');
          break;
        case 'callback':
          grants.taskResponse(this);
          break;
        case 'answer':
          // A parked step answers only its own token, and only with success.
          grants.actions(this, 'states:SendTaskSuccess');
          break;
      }
    }
    this.lambda.addEnvironment('DUNNING_STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    if (actions.includes('stop') || actions.includes('read')) {
      acknowledgeWildcardResource(
        this,
        `${executionArnPrefix(stateMachine)}:*`,
        'Executions are named per invoice at run time, so the grant covers the executions of this one state machine',
      );
    }
  }

  /** PAYMENT_PLAN_STATE_MACHINE_ARN, with only the listed actions on that state machine and its executions. */
  bindPaymentPlans(stateMachine: IStateMachine, actions: readonly PaymentPlanAction[]): void {
    const grants = StateMachineGrants.fromStateMachine(stateMachine);
    for (const action of new Set(actions)) {
      if (action === 'start') grants.startExecution(this);
      else if (action === 'stop') grants.execution(this, 'states:StopExecution');
      else grants.execution(this, 'states:DescribeExecution');
    }
    this.lambda.addEnvironment('PAYMENT_PLAN_STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    if (actions.includes('stop') || actions.includes('read')) {
      acknowledgeWildcardResource(
        this,
        `${executionArnPrefix(stateMachine)}:*`,
        'Executions are named per payment plan at run time, so the grant covers the executions of this one state machine',
      );
    }
  }

  /** <TOPIC>_TOPIC_ARN, e.g. CALL_TASKS_TOPIC_ARN; publish only. */
  bindTopic(topic: ITopic, name: TopicName): void {
    topic.grantPublish(this);
    this.lambda.addEnvironment(topicEnvName(name), topic.topicArn);
    acknowledgeWildcardAction(
      this,
      'kms:GenerateDataKey*',
      'Publishing to a KMS-encrypted topic needs a data key; CDK grants it on the topic key only',
    );
  }

  /** SENDER_EMAIL, REPLY_TO_EMAIL, SES_CONFIGURATION_SET; ses:SendEmail from that address, through that configuration set. */
  bindEmail(email: EmailSending): void {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: email.configurationSet.configurationSetName,
    });
    this.lambda.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [email.identity.emailIdentityArn, configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': email.senderEmail } },
      }),
    );
    this.lambda.addEnvironment('SENDER_EMAIL', email.senderEmail);
    this.lambda.addEnvironment('REPLY_TO_EMAIL', email.replyToEmail);
    this.lambda.addEnvironment('SES_CONFIGURATION_SET', email.configurationSet.configurationSetName);
  }

  /**
   * sns:Publish to phone numbers, and SMS_SENDER_ID when the stage names one. A text to a phone
   * number has no ARN to grant it on, so the grant is on `*`, for that one action.
   */
  bindSms(senderId: string | undefined): void {
    this.lambda.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    if (senderId) this.lambda.addEnvironment('SMS_SENDER_ID', senderId);
    acknowledgeWildcardResource(
      this,
      '*',
      'SNS Publish to a phone number (a text to a debtor) names no topic or other resource, so IAM can only grant it on *; the function publishes to topics through their own grants',
    );
  }

  /** SELF_SERVICE_KEY_ARN; read only. The page's address (SELF_SERVICE_BASE_URL) is set once the API exists. */
  bindSelfServiceKey(secret: ISecret): void {
    secret.grantRead(this);
    this.lambda.addEnvironment('SELF_SERVICE_KEY_ARN', secret.secretArn);
  }

  /** WEBHOOK_SECRET_ARN; read only. */
  bindWebhookSecret(secret: ISecret): void {
    secret.grantRead(this);
    this.lambda.addEnvironment('WEBHOOK_SECRET_ARN', secret.secretArn);
  }

  /** MOLLIE_API_KEY_ARN: Mollie's API key; read only. The stack adds PUBLIC_API_URL once the API exists. */
  bindPaymentProvider(apiKey: ISecret): void {
    apiKey.grantRead(this);
    this.lambda.addEnvironment('MOLLIE_API_KEY_ARN', apiKey.secretArn);
  }

  /**
   * REPLY_MAIL_BUCKET and REPLY_TO_EMAIL: reads the raw replies SES stored (s3:GetObject on the
   * objects of that bucket only). By name: the bucket lives in a nested stack that names this function.
   */
  bindReplyMail(bucketName: string, replyToEmail: string): void {
    this.lambda.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`arn:${Stack.of(this).partition}:s3:::${bucketName}/*`],
      }),
    );
    this.lambda.addEnvironment('REPLY_MAIL_BUCKET', bucketName);
    this.lambda.addEnvironment('REPLY_TO_EMAIL', replyToEmail);
    acknowledgeWildcardResource(
      this,
      `arn:${Stack.of(this).partition}:s3:::${bucketName}/*`,
      'Each reply is an object named by SES at run time; the grant covers the objects of the one reply bucket',
    );
  }

  /** AGENCY_WEBHOOK_SECRET_ARN: the collection agency's signing secret; read only. */
  bindAgencyWebhookSecret(secret: ISecret): void {
    secret.grantRead(this);
    this.lambda.addEnvironment('AGENCY_WEBHOOK_SECRET_ARN', secret.secretArn);
  }
}

function creditorEnvironment(creditor: Creditor): Record<string, string> {
  const optional = (name: string, value: string | undefined) => (value ? { [name]: value } : {});
  return {
    CREDITOR_NAME: creditor.name,
    CREDITOR_IBAN: creditor.iban,
    CREDITOR_BIC: creditor.bic,
    CREDITOR_EMAIL: creditor.email,
    ...optional('CREDITOR_PHONE', creditor.phone),
    ...optional('CREDITOR_WEBSITE', creditor.website),
    ...optional('CREDITOR_ADDRESS', creditor.address),
    CREDITOR_KVK_NUMBER: creditor.kvkNumber,
    CREDITOR_VAT_ID: creditor.vatId,
    SENDER_NAME: creditor.senderName,
    ...optional('COLLECTION_AGENCY_NAME', creditor.collectionAgencyName),
    ...optional('COLLECTION_AGENCY_LANGUAGE', creditor.collectionAgencyLanguage),
    PAYMENT_REFERENCE_SCHEME: creditor.paymentReferenceScheme,
  };
}

/** arn:…:execution:<state machine name>, computed as StateMachineGrants computes it for its grants. */
function executionArnPrefix(stateMachine: IStateMachine): string {
  return Stack.of(stateMachine).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: Arn.split(stateMachine.stateMachineArn, ArnFormat.COLON_RESOURCE_NAME).resourceName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

import { join } from 'node:path';
import { Aws, CfnOutput, Duration, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { ROUTES } from '../functions/api/routes';
import { FUNCTIONS } from '../functions/catalogue';
import type { StageConfig } from './config';
import { Api } from './constructs/api';
import { ConsoleHosting } from './console-stack';
import { EmailEvents } from './constructs/email-events';
import { Functions } from './constructs/functions';
import { Messaging } from './constructs/messaging';
import { Observability } from './constructs/observability';
import { Storage } from './constructs/storage';
import { WebhookSecret } from './constructs/webhook-secret';
import { SelfServiceKey } from './constructs/self-service-key';
import { MollieApiKey } from './constructs/mollie-api-key';
import { ReplyMail, replyMailBucketName } from './constructs/reply-mail';
import { PaymentPlanWorkflow } from './constructs/payment-plan-workflow';
import { PrintedLetters } from './constructs/printed-letters';
import { DailySweep } from './constructs/daily-sweep';
import { WeeklySummary } from './constructs/weekly-summary';
import { DunningWorkflow } from './constructs/workflow';
import { PROJECT_ROOT } from './project-root';
import { stagePolicy } from './stage-policy';

export interface CreditControlStackProps extends StackProps {
  config: StageConfig;
}

/** The whole system of one stage: stateful constructs first, then the stateless ones wired to them. */
export class CreditControlStack extends Stack {
  readonly functions: Functions;
  /** The alarms and the dashboard, in a stack of their own (see below). */
  readonly monitoring: NestedStack;
  /** The controllers' console: bucket, distribution and Cognito app client (lib/console-stack.ts). */
  readonly console: ConsoleHosting;
  /** The SES receipt rule set for debtors' replies and the bucket of their raw messages. */
  readonly replyMail: NestedStack;
  /** The bucket of the letters by post, in a stack of its own. */
  readonly printedLetters: PrintedLetters;

  constructor(scope: Construct, id: string, props: CreditControlStackProps) {
    super(scope, id, props);
    const { config } = props;
    const policy = stagePolicy(config.stage);

    // Stateful: data, secrets and the ways out (topics, email).
    const storage = new Storage(this, 'Storage', { policy });
    const messaging = new Messaging(this, 'Messaging', {
      policy,
      senderEmail: config.senderEmail,
      replyToEmail: config.replyToEmail,
      alarmEmail: config.alarmEmail,
    });
    const webhookSecret = new WebhookSecret(this, 'WebhookSecret', { policy });
    const agencyWebhookSecret = new WebhookSecret(this, 'AgencyWebhookSecret', {
      policy,
      issuer: 'the collection agency',
    });
    const selfServiceKey = new SelfServiceKey(this, 'SelfServiceKey', { policy });

    const mollieApiKey = new MollieApiKey(this, 'MollieApiKey', { policy });
    const replyBucketName = replyMailBucketName(config.stage);

    // Stateless. The functions address the state machine by its name, not by reference: the
    // state machine needs the task functions' ARNs, and create-call-task answers its task
    // tokens, so a reference each way would be a circular dependency in CloudFormation.
    const stateMachineName = `${this.stackName}-Dunning`;
    const paymentPlanStateMachineName = `${this.stackName}-PaymentPlans`;
    const functions = new Functions(this, 'Functions', {
      policy,
      creditor: config.creditor,
      traceCalls: config.traceCalls,
      table: storage.table,
      dunning: StateMachine.fromStateMachineName(this, 'DunningByName', stateMachineName),
      paymentPlans: StateMachine.fromStateMachineName(
        this,
        'PaymentPlansByName',
        paymentPlanStateMachineName,
      ),
      topics: messaging.topics,
      email: messaging.email,
      webhookSecret: webhookSecret.secret,
      agencyWebhookSecret: agencyWebhookSecret.secret,
      selfServiceKey: selfServiceKey.secret,
      mollieApiKey: mollieApiKey.secret,
      replyMailBucketName: replyBucketName,
    });
    this.functions = functions;
    const workflow = new DunningWorkflow(this, 'Workflow', {
      policy,
      stateMachineName,
      definitionPath: join(PROJECT_ROOT, 'statemachines', 'dunning.asl.json'),
      functions,
    });
    const dailySweep = new DailySweep(this, 'DailySweep', {
      policy,
      stateMachineName: `${this.stackName}-DailySweep`,
      definitionPath: join(PROJECT_ROOT, 'statemachines', 'daily-sweep.asl.json'),
      functions,
    });
    new WeeklySummary(this, 'WeeklySummary', {
      reports: functions.get('reports'),
      recipients: config.reportRecipients,
    });
    const paymentPlans = new PaymentPlanWorkflow(this, 'PaymentPlans', {
      policy,
      stateMachineName: paymentPlanStateMachineName,
      definitionPath: join(PROJECT_ROOT, 'statemachines', 'payment-plan.asl.json'),
      functions,
    });
    const emailEvents = new EmailEvents(this, 'EmailEvents', {
      topic: messaging.topics['email-events'],
      recorder: functions.get('record-email-event'),
    });
    const api = new Api(this, 'Api', { policy, routes: ROUTES, functions });
    // The links in letters lead to the API's own address unless the stage names a public one (a
    // custom domain). Built from the API's id, not its stage, so no function waits for the deployment.
    const selfServiceBaseUrl =
      config.selfServiceBaseUrl ??
      `https://${api.restApi.restApiId}.execute-api.${this.region}.${this.urlSuffix}/${policy.stage}`;
    for (const spec of FUNCTIONS.filter(({ needs }) => needs.selfServiceKey)) {
      functions.get(spec.name).lambda.addEnvironment('SELF_SERVICE_BASE_URL', selfServiceBaseUrl);
    }
    // Where Mollie calls back (POST /webhooks/mollie). Built from the API's id, not its stage's URL:
    // the stage depends on every route's function, so the URL would make a circular reference.
    const publicApiUrl = `https://${api.restApi.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${policy.stage}/`;
    for (const spec of FUNCTIONS.filter(({ needs }) => needs.paymentProvider)) {
      functions.get(spec.name).lambda.addEnvironment('PUBLIC_API_URL', publicApiUrl);
    }
    // The least part a debtor may pay from their page ("pay now"); 0 leaves it to whole invoices.
    if (config.selfServiceMinimumPayment > 0) {
      functions
        .get('self-service')
        .lambda.addEnvironment('SELF_SERVICE_MINIMUM_PAYMENT', String(config.selfServiceMinimumPayment));
    }

    this.printedLetters = new PrintedLetters(this, 'PrintedLetters', {
      policy,
      creditor: config.creditor,
      senders: FUNCTIONS.filter(({ needs }) => needs.post).map(({ name }) => functions.get(name)),
      printQueue: messaging.topics['print-queue'],
    });

    // An alarm per function would take the stack past CloudFormation's 500 resources; the alarms
    // and the dashboard only read the others, so they live in a nested stack of their own.
    this.monitoring = new NestedStack(this, 'Monitoring', {
      description: 'Alarms and dashboard of the credit-control system',
    });
    const observability = new Observability(this.monitoring, 'Observability', {
      stage: config.stage,
      alerts: messaging.topics.alerts,
      stateMachine: workflow.stateMachine,
      paymentPlanStateMachine: paymentPlans.stateMachine,
      sweepStateMachine: dailySweep.stateMachine,
      overdueWeekOnWeekAlarmPercent: config.overdueWeekOnWeekAlarmPercent,
      functions: functions.all,
      stepFunctions: workflow.taskFunctions,
      api: api.restApi,
      table: storage.table,
      configurationSet: messaging.email.configurationSet,
      deadLetterQueues: { EmailEvents: emailEvents.deadLetterQueue },
    });

    // The console's bucket, distribution and sign-in client: a nested stack, as the alarms are.
    const consoleHosting = new ConsoleHosting(this, 'Console', {
      policy,
      userPool: api.userPool,
      hostedUi: api.hostedUi,
      restApi: api.restApi,
      ...(config.console ? { domain: config.console } : {}),
    });
    this.console = consoleHosting;
    new CfnOutput(this, 'ConsoleUrl', { value: `${consoleHosting.url}/` });
    // Debtors' replies stand apart from the rest (SES's rule set, a bucket, a permission): a nested
    // stack of their own, which keeps the main stack within CloudFormation's 500 resources.
    this.replyMail = new NestedStack(this, 'ReplyMail', {
      description: "Debtors' replies: the SES receipt rule set and the bucket of their raw messages",
    });
    const replies = new ReplyMail(this.replyMail, 'Replies', {
      policy,
      bucketName: replyBucketName,
      replyDomain: config.replyToEmail.slice(config.replyToEmail.lastIndexOf('@') + 1),
      processor: functions.get('record-email-event').lambda,
      retention: Duration.days(config.replyMailRetentionDays),
    });

    new CfnOutput(this, 'UserPoolId', { value: api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'WebhookSecretArn', {
      value: webhookSecret.secret.secretArn,
      description: "Set the invoicing system's whsec_ secret here (aws secretsmanager put-secret-value)",
    });
    new CfnOutput(this, 'AgencyWebhookSecretArn', {
      value: agencyWebhookSecret.secret.secretArn,
      description: "Set the collection agency's whsec_ secret here (aws secretsmanager put-secret-value)",
    });
    new CfnOutput(this, 'SelfServiceKeyArn', {
      value: selfServiceKey.secret.secretArn,
      description: "The HMAC key of the debtors' self-service links: put a new value to rotate it",
    });
    new CfnOutput(this, 'MollieApiKeyArn', {
      value: mollieApiKey.secret.secretArn,
      description: "Set Mollie's API key here (aws secretsmanager put-secret-value)",
    });
    new CfnOutput(this, 'ReplyRuleSetName', {
      value: replies.ruleSet.receiptRuleSetName,
      description:
        "Make it SES's active rule set once: aws ses set-active-receipt-rule-set --rule-set-name <this>",
    });
    new CfnOutput(this, 'DunningStateMachineArn', { value: workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'PaymentPlanStateMachineArn', { value: paymentPlans.stateMachine.stateMachineArn });
    new CfnOutput(this, 'DashboardName', { value: observability.dashboard.dashboardName });
  }
}

import { topicEnvName } from '../../functions/adapters/sns/sns-notifier';
import type { TopicName } from '../../functions/catalogue';
import { LOCAL_MAX_CONCURRENCY } from '../api/lambda-context';

export const LOCAL_REGION = 'eu-west-1';
export const LOCAL_ACCOUNT = '000000000000';
/** A fixed, clearly local-only secret so that the README's hand-signed example works offline. */
export const LOCAL_WEBHOOK_SECRET = 'whsec_bG9jYWwtY3JlZGl0LWNvbnRyb2wtd2ViaG9vay1zZWNyZXQ=';
/** The collection agency's own local-only secret: a delivery signed with the invoicing one is refused. */
export const LOCAL_AGENCY_WEBHOOK_SECRET = 'whsec_bG9jYWwtY29sbGVjdGlvbi1hZ2VuY3ktd2ViaG9vaw==';
/** The key of the debtors' self-service links, held where the webhook secret is: in the environment. */
export const LOCAL_SELF_SERVICE_KEY = 'local-credit-control-self-service-link-key-not-for-production';

/** Where letters ask debtors to reply: each letter adds its token (`debiteuren+<token>@…`). */
export const LOCAL_REPLY_TO_EMAIL = 'debiteuren@voorbeeld.example';

export interface LocalEndpoints {
  dynamodb: string;
  ses: string;
  sns: string;
  s3: string;
  sfn: string;
  lambda: string;
}

/** The local buckets, by the environment variable that names each to the functions. */
export const LOCAL_BUCKETS = {
  REPLY_MAIL_BUCKET: 'local-reply-mail',
  PRINTED_LETTERS_BUCKET: 'local-printed-letters',
} as const;

export interface LocalResources {
  tableName: string;
  stateMachineArn: string;
  paymentPlanStateMachineArn: string;
  topicArns: Record<TopicName, string>;
  webhookSecret: string;
}

/** The demo creditor: the IBAN is the Dutch example account from the EPC's own test material. */
const LOCAL_CREDITOR = {
  CREDITOR_NAME: 'Voorbeeld Groothandel B.V.',
  CREDITOR_IBAN: 'NL91ABNA0417164300',
  CREDITOR_BIC: 'ABNANL2A',
  CREDITOR_EMAIL: 'debiteuren@voorbeeld.example',
  CREDITOR_PHONE: '+31 20 123 4567',
  CREDITOR_WEBSITE: 'https://voorbeeld.example',
  CREDITOR_ADDRESS: 'Keizersgracht 1, 1015 AA Amsterdam',
  CREDITOR_KVK_NUMBER: '12345678',
  CREDITOR_VAT_ID: 'NL001234567B01',
  SENDER_NAME: 'Voorbeeld Groothandel B.V. Debiteurenbeheer',
  COLLECTION_AGENCY_NAME: 'Incassobureau Gerritsen B.V.',
  PAYMENT_REFERENCE_SCHEME: 'rf',
  SMS_SENDER_ID: 'Voorbeeld',
};

/**
 * The environment the handlers see locally: the same variables the CDK function construct sets in
 * AWS, plus the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables that point every client at the
 * local emulators. Handlers create their clients on first use, after this is set.
 */
export function localEnvironment(
  endpoints: LocalEndpoints,
  resources: LocalResources,
): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SNS: endpoints.sns,
    AWS_ENDPOINT_URL_SFN: endpoints.sfn,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_LAMBDA: endpoints.lambda,
    // The printer of letters by post, which send-dunning-letter invokes (its function's name in AWS).
    PRINT_LETTER_FUNCTION: 'print-letter',
    ...LOCAL_BUCKETS,
    STAGE: 'local',
    // Node 20 is supported by these SDK versions; the notice about 2027 releases is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: resources.tableName,
    DUNNING_STATE_MACHINE_ARN: resources.stateMachineArn,
    PAYMENT_PLAN_STATE_MACHINE_ARN: resources.paymentPlanStateMachineArn,
    SENDER_EMAIL: 'credit-control@voorbeeld.example',
    REPLY_TO_EMAIL: LOCAL_REPLY_TO_EMAIL,
    // The managers who get the weekly summary: a demo address, in the local inbox.
    REPORT_RECIPIENTS: 'managers@voorbeeld.example',
    WEBHOOK_SECRET: resources.webhookSecret,
    AGENCY_WEBHOOK_SECRET: LOCAL_AGENCY_WEBHOOK_SECRET,
    SELF_SERVICE_KEY: LOCAL_SELF_SERVICE_KEY,
    ...LOCAL_CREDITOR,
    ...Object.fromEntries(
      Object.entries(resources.topicArns).map(([topic, arn]) => [topicEnvName(topic as TopicName), arn]),
    ),
    // Every function runs in this one process, several at once: see runInvocation.
    AWS_LAMBDA_MAX_CONCURRENCY: LOCAL_MAX_CONCURRENCY,
    // No X-Ray daemon locally; metrics stay in the EMF lines only when asked for.
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  };
}

/** A local-only Mollie test key: the local Mollie server takes any `test_` key. */
const LOCAL_MOLLIE_API_KEY = 'test_localcreditcontrolmolliekey';

/** The variables that point the payment provider at the local Mollie; all unset without one. */
export const UNSET_WITHOUT_MOLLIE = [
  'MOLLIE_API_KEY',
  'MOLLIE_API_URL',
  'PUBLIC_API_URL',
  'PAYMENT_REDIRECT_URL',
] as const;

/**
 * Where the handlers find Mollie locally, and where Mollie calls back: the local API, as the
 * stack sets PUBLIC_API_URL to the API Gateway stage in AWS. The debtor returns to the API's
 * health page after paying (PAYMENT_REDIRECT_URL), as there is no creditor website offline.
 */
export function providerEnvironment(mollieUrl: string | undefined, apiUrl: string): Record<string, string> {
  if (!mollieUrl) return {};
  return {
    MOLLIE_API_KEY: LOCAL_MOLLIE_API_KEY,
    MOLLIE_API_URL: `${mollieUrl}/v2/`,
    PUBLIC_API_URL: apiUrl,
    PAYMENT_REDIRECT_URL: `${apiUrl}/health`,
  };
}

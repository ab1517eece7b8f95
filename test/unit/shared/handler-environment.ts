import { topicEnvName } from '../../../functions/adapters/sns/sns-notifier';
import {
  FUNCTIONS as CATALOGUE,
  type FunctionSpec,
  PRINT_LETTER,
  TOPIC_NAMES,
} from '../../../functions/catalogue';

/** Every variable a handler may read, as the CDK function construct sets them in AWS. */
export const COMPLETE_ENVIRONMENT: Record<string, string> = {
  AWS_REGION: 'eu-west-1',
  STAGE: 'test',
  TABLE_NAME: 'credit-control-test',
  DUNNING_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:dunning',
  PAYMENT_PLAN_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:payment-plan',
  SENDER_EMAIL: 'credit-control@example.com',
  REPLY_TO_EMAIL: 'debiteuren@example.com',
  REPLY_MAIL_BUCKET: 'credit-control-replies-test',
  SES_CONFIGURATION_SET: 'credit-control',
  WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:webhook',
  AGENCY_WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:agency-webhook',
  SELF_SERVICE_KEY_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:self-service',
  SELF_SERVICE_BASE_URL: 'https://api.example.com/test',
  CREDITOR_NAME: 'Voorbeeld Groothandel B.V.',
  CREDITOR_IBAN: 'NL91ABNA0417164300',
  PAYMENT_REFERENCE_SCHEME: 'rf',
  PRINTED_LETTERS_BUCKET: 'credit-control-test-printed-letters',
  PRINT_LETTER_FUNCTION: 'credit-control-test-print-letter',
  ...Object.fromEntries(
    TOPIC_NAMES.map((topic) => [topicEnvName(topic), `arn:aws:sns:eu-west-1:000000000000:${topic}`]),
  ),
};

/** Functions that print the creditor on a letter or in a file, and so need its details. */
const PRINTS_CREDITOR = new Set([
  'send-dunning-letter',
  'hand-over-to-collection-agency',
  'create-payment-plan',
  'amend-payment-plan',
  'send-instalment-reminder',
  'break-payment-plan',
  'self-service',
]);

/** The variables a function cannot start without, from what the catalogue grants it. */
export function requiredVariables(spec: FunctionSpec): string[] {
  const { needs } = spec;
  return [
    ...(needs.table ? ['TABLE_NAME'] : []),
    ...(needs.dunning ? ['DUNNING_STATE_MACHINE_ARN'] : []),
    ...(needs.paymentPlans ? ['PAYMENT_PLAN_STATE_MACHINE_ARN'] : []),
    ...(needs.sendEmail ? ['SENDER_EMAIL'] : []),
    ...(needs.publish ?? []).map(topicEnvName),
    ...(needs.webhookSecret ? ['WEBHOOK_SECRET_ARN'] : []),
    ...(needs.agencyWebhookSecret ? ['AGENCY_WEBHOOK_SECRET_ARN'] : []),
    ...(needs.selfServiceKey ? ['SELF_SERVICE_KEY_ARN'] : []),
    ...(needs.replyMail ? ['REPLY_MAIL_BUCKET', 'REPLY_TO_EMAIL'] : []),
    ...(needs.printedLetters ? ['PRINTED_LETTERS_BUCKET'] : []),
    ...(needs.post ? ['PRINT_LETTER_FUNCTION'] : []),
    ...(PRINTS_CREDITOR.has(spec.name) ? ['CREDITOR_NAME', 'CREDITOR_IBAN'] : []),
  ];
}

/** The catalogue's functions, and the printer the printed-letters stack holds. */
export const FUNCTIONS: readonly FunctionSpec[] = [...CATALOGUE, PRINT_LETTER];

import type { Node } from 'constructs';

/**
 * The deployment settings, read from CDK context and checked before any construct is built, so
 * that a typo fails `cdk synth` with one message naming every bad key instead of deploying a
 * stack that sends letters with a wrong IBAN. The keys are documented in bin/app.ts.
 */
const STAGES = ['dev', 'staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

const PAYMENT_REFERENCE_SCHEMES = ['rf', 'betalingskenmerk'] as const;
export type PaymentReferenceScheme = (typeof PAYMENT_REFERENCE_SCHEMES)[number];

/** Who the debtor owes: printed on every letter and encoded in the SEPA payment QR code. */
export interface Creditor {
  name: string;
  iban: string;
  bic: string;
  email: string;
  phone?: string;
  website?: string;
  address?: string;
  /** Chamber of Commerce number and VAT id: on every letter and email (art. 20 Handelsregisterwet 2007). */
  kvkNumber: string;
  vatId: string;
  /** The display name of the From line, so that the inbox shows who writes. */
  senderName: string;
  /** The collection agency a final notice names. */
  collectionAgencyName?: string;
  /** The language the collection agency reads its claim files in. */
  collectionAgencyLanguage?: 'nl' | 'en';
  paymentReferenceScheme: PaymentReferenceScheme;
  /** The alphanumeric sender a debtor's phone shows for a text (1-11 letters and digits); SNS's default when absent. */
  smsSenderId?: string;
}

export interface StageConfig {
  stage: Stage;
  /** Absent: an environment-agnostic stack, which synthesizes offline without credentials. */
  env?: { account?: string; region?: string };
  senderEmail: string;
  replyToEmail: string;
  alarmEmail?: string;
  /** The managers who get the weekly summary of the portfolio (none: it is not sent). */
  reportRecipients: string[];
  creditor: Creditor;
  /** The public address of the API in the links of letters (a custom domain); the API's own when absent. */
  selfServiceBaseUrl?: string;
  /** The alarm pages when a currency's overdue amount is up more than this percentage on the week before. */
  overdueWeekOnWeekAlarmPercent: number;
  /** The least part (cents) a debtor may pay online from their page; 0: only whole invoices. */
  selfServiceMinimumPayment: number;
  /** The console's own domain and its ACM certificate (us-east-1); CloudFront's name when absent. */
  console?: { name: string; certificateArn: string };
  /** How long the raw messages of debtors' replies are kept in their bucket, in days. */
  replyMailRetentionDays: number;
  /**
   * Whether the functions that call services besides their table load Powertools' tracer, for a
   * subsegment per call. Off by default: the X-Ray SDK is about a third of such a function's cold
   * start (docs/benchmarks.md), and Lambda's active tracing gives every invocation its segment
   * without it. A stage turns it on (`-c traceCalls=true`) while a slow call is being looked for.
   */
  traceCalls: boolean;
}

/** Overdue up a tenth in a week is worth a look; a stage can set its own. */
const DEFAULT_OVERDUE_WEEK_ON_WEEK_ALARM_PERCENT = 10;

/** EUR 10: a part below it costs more in fees than it brings in. */
const DEFAULT_SELF_SERVICE_MINIMUM_PAYMENT = 1000;

/**
 * Only dev may run on these demo values (the EPC's example account, also used by the local
 * cloud), so that a developer can deploy without inventing bank details; staging and prod must
 * name the real creditor.
 */
const DEMO_CREDITOR = {
  creditorName: 'Voorbeeld Groothandel B.V.',
  creditorIban: 'NL91ABNA0417164300',
  creditorBic: 'ABNANL2A',
  creditorPhone: '+31 20 123 4567',
  creditorWebsite: 'https://voorbeeld.example',
  creditorAddress: 'Keizersgracht 1, 1015 AA Amsterdam',
  creditorKvkNumber: '12345678',
  creditorVatId: 'NL001234567B01',
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const KVK_NUMBER = /^\d{8}$/;
const SMS_SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/;
/** An EU VAT id: the country code, then 2 to 13 letters and digits (NL: 9 digits, B, 2 digits). */
const VAT_ID = /^[A-Z]{2}[0-9A-Z]{2,13}$/;

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return [...digits].reduce((rest, d) => (rest * 10 + Number(d)) % 97, 0) === 1;
}

export function readStageConfig(node: Node): StageConfig {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      problems.push(`${key} must be a string`);
      return undefined;
    }
    return value.trim();
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback?: T): T => {
    const value = text(key) ?? fallback;
    if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${key} must be one of ${allowed.join(', ')} (got ${value ?? 'nothing'})`);
    return allowed[0] as T;
  };
  const matching = (key: string, pattern: RegExp, what: string, fallback?: string): string => {
    const value = text(key) ?? fallback;
    if (value === undefined) problems.push(`${key} is required: ${what}`);
    else if (!pattern.test(value)) problems.push(`${key} must be ${what} (got ${value})`);
    return value ?? '';
  };

  const stage = oneOf('stage', STAGES);
  const demo = (key: keyof typeof DEMO_CREDITOR): string | undefined =>
    stage === 'dev' ? DEMO_CREDITOR[key] : undefined;

  const senderEmail = matching('senderEmail', EMAIL, 'an email address', undefined);
  const replyToEmail = matching('replyToEmail', EMAIL, 'an email address', senderEmail || undefined);
  const alarmEmail = text('alarmEmail');
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    problems.push(`alarmEmail must be an email address or empty (got ${alarmEmail})`);
  }

  const reportRecipients = (text('reportRecipients') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address.length > 0);
  for (const address of reportRecipients.filter((address) => !EMAIL.test(address))) {
    problems.push(`reportRecipients must be email addresses separated by commas (got ${address})`);
  }

  const name = text('creditorName') ?? demo('creditorName');
  if (name === undefined)
    problems.push('creditorName is required outside dev: the legal name on the letters');
  const iban = (text('creditorIban') ?? demo('creditorIban'))?.replace(/\s/g, '').toUpperCase();
  if (iban === undefined) problems.push('creditorIban is required outside dev: the account debtors pay into');
  else if (!isValidIban(iban)) problems.push(`creditorIban is not a valid IBAN (got ${iban})`);
  const bic = matching('creditorBic', BIC, 'a BIC of 8 or 11 characters', demo('creditorBic'));
  const required = (key: 'creditorKvkNumber' | 'creditorVatId', pattern: RegExp, what: string): string => {
    const value = text(key)?.replace(/\s/g, '').toUpperCase() ?? demo(key);
    if (value === undefined) problems.push(`${key} is required outside dev: ${what} on every letter`);
    else if (!pattern.test(value)) problems.push(`${key} must be ${what} (got ${value})`);
    return value ?? '';
  };
  const kvkNumber = required('creditorKvkNumber', KVK_NUMBER, 'the 8-digit KvK number');
  const vatId = required('creditorVatId', VAT_ID, 'the VAT id, such as NL001234567B01');

  const account = text('account');
  if (account !== undefined && !/^\d{12}$/.test(account)) {
    problems.push(`account must be a 12-digit AWS account id (got ${account})`);
  }
  const region = text('region');

  const creditor: Creditor = {
    name: name ?? '',
    iban: iban ?? '',
    bic,
    email: matching('creditorEmail', EMAIL, 'an email address', replyToEmail || undefined),
    phone: text('creditorPhone') ?? demo('creditorPhone'),
    website: text('creditorWebsite') ?? demo('creditorWebsite'),
    address: text('creditorAddress') ?? demo('creditorAddress'),
    kvkNumber,
    vatId,
    senderName: text('senderName') ?? name ?? '',
    collectionAgencyName: text('collectionAgencyName'),
    collectionAgencyLanguage: oneOf('collectionAgencyLanguage', ['nl', 'en'] as const, 'nl'),
    paymentReferenceScheme: oneOf('paymentReferenceScheme', PAYMENT_REFERENCE_SCHEMES, 'rf'),
    smsSenderId: text('smsSenderId'),
  };
  if (creditor.smsSenderId !== undefined && !SMS_SENDER_ID.test(creditor.smsSenderId)) {
    problems.push(
      `smsSenderId must be 1 to 11 letters and digits, at least one a letter (got ${creditor.smsSenderId})`,
    );
  }

  const selfServiceBaseUrl = text('selfServiceBaseUrl');
  if (selfServiceBaseUrl !== undefined && !/^https:\/\/[^\s]+$/.test(selfServiceBaseUrl)) {
    problems.push(`selfServiceBaseUrl must be an https URL (got ${selfServiceBaseUrl})`);
  }

  const overdueRise: unknown = node.tryGetContext('overdueWeekOnWeekAlarmPercent');
  const overdueWeekOnWeekAlarmPercent =
    overdueRise === undefined || overdueRise === null || overdueRise === ''
      ? DEFAULT_OVERDUE_WEEK_ON_WEEK_ALARM_PERCENT
      : Number(overdueRise);
  if (!Number.isFinite(overdueWeekOnWeekAlarmPercent) || overdueWeekOnWeekAlarmPercent <= 0) {
    problems.push(
      `overdueWeekOnWeekAlarmPercent must be a percentage above 0 (got ${JSON.stringify(overdueRise)})`,
    );
  }
  const minimumPayment: unknown =
    node.tryGetContext('selfServiceMinimumPayment') ?? DEFAULT_SELF_SERVICE_MINIMUM_PAYMENT;
  const selfServiceMinimumPayment =
    typeof minimumPayment === 'string' ? Number(minimumPayment) : minimumPayment;
  if (
    typeof selfServiceMinimumPayment !== 'number' ||
    !Number.isSafeInteger(selfServiceMinimumPayment) ||
    selfServiceMinimumPayment < 0
  ) {
    problems.push(`selfServiceMinimumPayment must be whole cents, 0 or more (got ${String(minimumPayment)})`);
  }
  const consoleDomainName = text('consoleDomainName');
  const consoleCertificateArn = text('consoleCertificateArn');
  if ((consoleDomainName === undefined) !== (consoleCertificateArn === undefined))
    problems.push('consoleDomainName and consoleCertificateArn go together: name both or neither');
  if (
    consoleCertificateArn !== undefined &&
    !/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(consoleCertificateArn)
  )
    problems.push(
      `consoleCertificateArn must be an ACM certificate in us-east-1, as CloudFront needs (got ${consoleCertificateArn})`,
    );
  const retention = text('replyMailRetentionDays') ?? '730';
  const replyMailRetentionDays = Number(retention);
  if (!Number.isInteger(replyMailRetentionDays) || replyMailRetentionDays < 1) {
    problems.push(`replyMailRetentionDays must be a whole number of days (got ${retention})`);
  }

  // `-c traceCalls=true` gives a string, cdk.json may hold a boolean.
  const tracing: unknown = node.tryGetContext('traceCalls') ?? false;
  const traceCalls = tracing === true || tracing === 'true';
  if (!traceCalls && tracing !== false && tracing !== 'false') {
    problems.push(`traceCalls must be true or false (got ${JSON.stringify(tracing)})`);
  }

  if (problems.length > 0) {
    throw new Error(
      `Invalid CDK context (set it in cdk.json or with -c key=value; see bin/app.ts):\n  - ${problems.join('\n  - ')}`,
    );
  }
  return {
    stage,
    env: account || region ? { account, region } : undefined,
    senderEmail,
    replyToEmail,
    alarmEmail,
    reportRecipients,
    creditor,
    overdueWeekOnWeekAlarmPercent,
    ...(selfServiceBaseUrl ? { selfServiceBaseUrl: selfServiceBaseUrl.replace(/\/+$/, '') } : {}),
    selfServiceMinimumPayment: selfServiceMinimumPayment as number,
    ...(consoleDomainName && consoleCertificateArn
      ? { console: { name: consoleDomainName, certificateArn: consoleCertificateArn } }
      : {}),
    replyMailRetentionDays,
    traceCalls,
  };
}

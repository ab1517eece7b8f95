/**
 * Masking of personal data for logs. Debtors are people and companies with rights under the
 * GDPR; a log line is copied to CloudWatch, to alarms and to whoever reads them, so an email
 * address or an IBAN never appears there in clear.
 */

/** `jan.jansen@example.com` → `j***@example.com`: enough to tell two debtors apart, not to mail one. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** `NL91ABNA0417164300` → `NL91…4300`: country, check digits and the last four, as banks print it. */
function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '');
  return `${compact.slice(0, 4)}…${compact.slice(-4)}`;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Country code, check digits, then 11 to 30 alphanumerics, optionally printed in groups of four.
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;

// A bearer credential in a header value, and a JWT wherever it stands.
const BEARER = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
// An international phone number: a plus, then at least eight digits in groups.
const PHONE = /\+\d[\d\s\-().]{6,}\d/g;

const MASKED = '***';

/**
 * Masks every email address, every valid IBAN, bearer tokens, JWTs and international phone
 * numbers inside free text. IBANs are checked with their mod-97 checksum first, so that ids which
 * merely look like one stay readable.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(BEARER, `Bearer ${MASKED}`)
    .replace(JWT, MASKED)
    .replace(EMAIL, maskEmail)
    .replace(IBAN_CANDIDATE, (candidate) => (isValidIban(candidate) ? maskIban(candidate) : candidate))
    .replace(PHONE, MASKED);
}

/**
 * Fields whose value is personal data or a credential whatever it looks like: names, addresses,
 * phone numbers (the webhook's debtor), and the headers that carry credentials. Matched on the
 * key, lower-cased, wherever it occurs in a log line: in an event logged whole (the Lambda event
 * with POWERTOOLS_LOGGER_LOG_EVENT), in a JSON body inside it, in an SNS message.
 */
const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'name',
  'debtorname',
  'contactname',
  'line1',
  'line2',
  'street',
  'postalcode',
  'city',
  'phone',
  'phonenumber',
  'authorization',
  'cookie',
  'x-api-key',
  'webhook-signature',
  'tasktoken',
]);

/** An error's class name (ConditionalCheckFailedException) is no person's name: it stays readable. */
const ERROR_NAME = /^[A-Za-z]*(Error|Exception|Fault)$/;

/**
 * The logger's JSON replacer: every string value of a log line passes here, at any level, before
 * the line is written. A personal field is masked whole; a string holding JSON (an API Gateway
 * body, an SNS message) is masked field by field; any other text has its addresses, IBANs,
 * tokens and phone numbers masked.
 */
export function maskForLog(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (PERSONAL_KEYS.has(key.toLowerCase()) && !(key === 'name' && ERROR_NAME.test(value))) return MASKED;
  const json = embeddedJson(value);
  if (json !== undefined) return JSON.stringify(json, maskForLog);
  return maskPersonalData(value);
}

function embeddedJson(text: string): unknown {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isValidIban(candidate: string): boolean {
  const compact = candidate.replace(/ /g, '');
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    // Letters count as two digits (A = 10 … Z = 35); the remainder is taken digit by digit.
    const value = Number.parseInt(char, 36);
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

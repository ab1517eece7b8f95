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

/**
 * Masks every email address and every valid IBAN inside free text. IBANs are checked with
 * their mod-97 checksum first, so that ids which merely look like one stay readable.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, maskEmail)
    .replace(IBAN_CANDIDATE, (candidate) => (isValidIban(candidate) ? maskIban(candidate) : candidate));
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

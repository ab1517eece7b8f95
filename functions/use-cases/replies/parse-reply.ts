import PostalMime, { type Address, addressParser, decodeWords, type Email } from 'postal-mime';
import { htmlText } from './html-text';

/** What the system keeps of an email that reached the reply address. */
export interface ParsedReply {
  /** The Message-ID header, without its angle brackets; absent when the sender set none. */
  messageId?: string;
  from?: { address: string; name?: string };
  /** Every address the message names as a recipient (To, Cc, Delivered-To, X-Original-To), lower case. */
  recipients: string[];
  subject: string;
  /** The plain text (from the HTML part when there is none), cut to MAX_TEXT characters. */
  text: string;
  /** The Date header, when it is a date. */
  sentAt?: string;
  /** Header names in lower case and their first value as text: what tells a machine's reply. */
  headers: Map<string, string>;
}

/** A reply longer than this is cut on the timeline; the whole message stays in the bucket. */
export const MAX_TEXT = 8_000;
const MAX_SUBJECT = 300;
const RECIPIENT_HEADERS = new Set(['to', 'cc', 'delivered-to', 'x-original-to']);

/**
 * Parses a raw message (RFC 5322, as SES stores it) with postal-mime: a parser without
 * dependencies that decodes character sets with Node's own TextDecoder, which keeps the
 * record-email-event bundle small (docs/benchmarks.md). Attachments are parsed and not kept.
 */
export async function parseReply(raw: Buffer): Promise<ParsedReply> {
  const mail = windows1252Fixed(await PostalMime.parse(raw));
  const headers = new Map<string, string>();
  const recipients: string[] = [];
  for (const { key, value } of mail.headers) {
    if (!headers.has(key)) headers.set(key, asWindows1252(decodeWords(value)).trim());
    if (RECIPIENT_HEADERS.has(key)) recipients.push(...addressParser(value).flatMap(addressesOf));
  }
  const fromHeader = mail.headers.find(({ key }) => key === 'from')?.value ?? '';
  const from = addressParser(fromHeader).find((each) => each.address);
  // An HTML-only message (postal-mime gives its text only beside an HTML part) is read as text.
  const text = (mail.text?.trim() || htmlText(mail.html ?? '')).trim();
  const messageId = mail.messageId?.trim().replace(/^<|>$/g, '');
  const sentAt = mail.date ? new Date(mail.date) : undefined;
  return {
    ...(messageId ? { messageId } : {}),
    ...(from?.address
      ? { from: { address: from.address, ...(from.name ? { name: asWindows1252(from.name) } : {}) } }
      : {}),
    recipients: [...new Set(recipients.map((address) => address.toLowerCase()))],
    subject: (mail.subject ?? '').trim().slice(0, MAX_SUBJECT),
    text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
    ...(sentAt && !Number.isNaN(sentAt.getTime()) ? { sentAt: sentAt.toISOString() } : {}),
    headers,
  };
}

/** An address, or the members of a group (`team: a@x, b@x;`). */
function addressesOf(address: Address): string[] {
  if (address.group) return address.group.flatMap((member) => (member.address ? [member.address] : []));
  return address.address ? [address.address] : [];
}

/**
 * The windows-1252 characters in 0x80-0x9F (€, curly quotes, dashes: what Outlook writes in
 * Dutch mail). Node 20's TextDecoder decodes windows-1252 and its alias ISO-8859-1 as Latin-1 and
 * gives the C1 control characters instead, which no mail text contains; they are mapped back.
 */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function asWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252[char.charCodeAt(0) - 0x80] ?? char);
}

function windows1252Fixed(mail: Email): Email {
  return {
    ...mail,
    ...(mail.subject ? { subject: asWindows1252(mail.subject) } : {}),
    ...(mail.text ? { text: asWindows1252(mail.text) } : {}),
    ...(mail.html ? { html: asWindows1252(mail.html) } : {}),
  };
}

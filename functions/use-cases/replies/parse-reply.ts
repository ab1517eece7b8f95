import { type AddressObject, type HeaderValue, simpleParser } from 'mailparser';

/** What the system keeps of an email that reached the reply address. */
export interface ParsedReply {
  /** The Message-ID header, without its angle brackets; absent when the sender set none. */
  messageId?: string;
  from?: { address: string; name?: string };
  /** Every address the message names as a recipient (To, Cc, Delivered-To, X-Original-To), lower case. */
  recipients: string[];
  subject: string;
  /** The plain text (mailparser's, from the HTML part when there is none), cut to MAX_TEXT characters. */
  text: string;
  /** The Date header, when it is a date. */
  sentAt?: string;
  /** Header names in lower case and their first value as text: what tells a machine's reply. */
  headers: Map<string, string>;
}

/** A reply longer than this is cut on the timeline; the whole message stays in the bucket. */
export const MAX_TEXT = 8_000;
const MAX_SUBJECT = 300;
const RECIPIENT_HEADERS = ['to', 'cc', 'delivered-to', 'x-original-to'] as const;

/** Parses a raw message (RFC 5322, as SES stores it) with mailparser. */
export async function parseReply(raw: Buffer): Promise<ParsedReply> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const headers = new Map<string, string>();
  for (const [name, value] of mail.headers) if (!headers.has(name)) headers.set(name, headerText(value));
  const from = mail.from?.value.find((each) => each.address);
  const recipients = RECIPIENT_HEADERS.flatMap((name) => addressesOf(mail.headers.get(name)));
  // mailparser writes the text of an HTML-only message itself.
  const text = (mail.text ?? '').trim();
  const messageId = mail.messageId?.trim().replace(/^<|>$/g, '');
  return {
    ...(messageId ? { messageId } : {}),
    ...(from?.address ? { from: { address: from.address, ...(from.name ? { name: from.name } : {}) } } : {}),
    recipients: [...new Set(recipients.map((address) => address.toLowerCase()))],
    subject: (mail.subject ?? '').trim().slice(0, MAX_SUBJECT),
    text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
    ...(mail.date && !Number.isNaN(mail.date.getTime()) ? { sentAt: mail.date.toISOString() } : {}),
    headers,
  };
}

function addressesOf(value: HeaderValue | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value.match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? [];
  if (Array.isArray(value)) return value.flatMap((each) => addressesOf(each as HeaderValue));
  if (isAddressObject(value)) {
    return value.value.flatMap((each) => [
      ...(each.address ? [each.address] : []),
      ...(each.group ?? []).flatMap((member) => (member.address ? [member.address] : [])),
    ]);
  }
  return [];
}

function isAddressObject(value: HeaderValue): value is AddressObject {
  return typeof value === 'object' && 'value' in value && Array.isArray(value.value);
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((each) => headerText(each as HeaderValue)).join(', ');
  if (isAddressObject(value)) return value.text;
  return 'value' in value && typeof value.value === 'string' ? value.value : '';
}

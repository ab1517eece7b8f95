import { createHmac } from 'node:crypto';

/**
 * The token in the reply-to address of a letter (`debiteuren+<token>@<reply domain>`): it names
 * the letter a reply answers. It is the HMAC-SHA256 of what names the letter (debtor, step,
 * currency, day) under the self-service key, cut to 100 bits and written in lower-case base32,
 * so that it fits an address's local part (64 characters), survives mail systems that change the
 * case of addresses, cannot be guessed from a debtor's id, and is the same on every retry of the
 * letter. The token itself carries nothing: the letter is found by the token, stored with the
 * letter's intent to send, so a tampered token matches no letter.
 */
export interface ReplyTokenKey {
  secret: Buffer;
}

/** What names one letter (the letter key of the credit store). */
export interface LetterName {
  debtorId: string;
  slot: string;
  currency: string;
  day: string;
}

const TOKEN_LENGTH = 20;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const TOKEN = new RegExp(`^[a-z2-7]{${TOKEN_LENGTH}}$`);

export function replyToken(letter: LetterName, key: ReplyTokenKey): string {
  const name = ['reply', 'v1', letter.debtorId, letter.slot, letter.currency, letter.day].join('\u0000');
  return base32(createHmac('sha256', key.secret).update(name).digest()).slice(0, TOKEN_LENGTH);
}

/** `debiteuren@replies.example` and a token → `debiteuren+<token>@replies.example`. */
export function replyAddress(base: string, token: string): string {
  const { local, domain } = splitAddress(base);
  return `${local}+${token}@${domain}`;
}

/**
 * What a reply was addressed to: the token of the first recipient at the reply address's domain
 * with the reply address's local part and a `+`; `malformed` when such a recipient carries
 * something that is no token (edited by hand, cut off by a mail client); `none` when the reply
 * went to the plain address or elsewhere.
 */
export type AddressedToken =
  { kind: 'token'; token: string } | { kind: 'malformed'; tag: string } | { kind: 'none' };

export function tokenOfRecipients(recipients: readonly string[], base: string): AddressedToken {
  const { local, domain } = splitAddress(base.toLowerCase());
  let malformed: AddressedToken | undefined;
  for (const recipient of recipients) {
    const address = recipient.trim().toLowerCase();
    const at = address.lastIndexOf('@');
    if (at < 0 || address.slice(at + 1) !== domain) continue;
    const localPart = address.slice(0, at);
    if (!localPart.startsWith(`${local}+`)) continue;
    const tag = localPart.slice(local.length + 1);
    if (TOKEN.test(tag)) return { kind: 'token', token: tag };
    malformed ??= { kind: 'malformed', tag: tag.slice(0, 64) };
  }
  return malformed ?? { kind: 'none' };
}

function splitAddress(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) throw new RangeError(`not an email address: ${address}`);
  // A base address with a tag of its own keeps only its local part before the tag.
  const local = address.slice(0, at).split('+')[0] ?? '';
  return { local, domain: address.slice(at + 1) };
}

/** RFC 4648 base32, lower case, without padding. */
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

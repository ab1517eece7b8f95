import { replyAddress, replyToken } from '../../core/replies/reply-token';
import type { LetterKey } from '../../ports/credit-store';
import type { SelfServiceKeys } from '../../ports/self-service-keys';

/** A letter's own reply-to address and the token in it. */
export interface LetterReplyAddress {
  address: string;
  token: string;
}

export type ReplyAddressOf = (letter: LetterKey) => Promise<LetterReplyAddress>;

/**
 * The reply-to address of each letter: the creditor's reply address with the letter's token,
 * made with the key that signs the self-service links (its current version; the token is stored
 * with the letter, so a rotated key leaves replies to earlier letters matched).
 */
export function replyAddresses(keys: SelfServiceKeys, base: string): ReplyAddressOf {
  return async (letter) => {
    const token = replyToken(letter, await keys.current());
    return { address: replyAddress(base, token), token };
  };
}

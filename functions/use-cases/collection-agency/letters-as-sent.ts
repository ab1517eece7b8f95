import { createHash } from 'node:crypto';
import type { TimelineEvent } from '../../core/ledger/timeline';
import { type LetterOnFile, lettersOnFile } from '../letters/letters-on-file';

/** One letter in the claim file: what it said, where it went, and SES's own times for it. */
export interface LetterAsSent extends LetterOnFile {
  /**
   * `ses`: `sentAt` is the time SES took the email and `deliveredAt` (or `bouncedAt`) the time SES
   * delivered it, both from SES's event, so the two cannot be out of order. `record`: no SES event
   * came back yet, and `sentAt` is when we recorded the letter as sent.
   */
  timesFrom: 'ses' | 'record';
  /**
   * SHA-256 (hex) of the letter's evidence as the timeline keeps it (subject, template, tone,
   * recipient, SES message id, what it demanded): a copy we produce later can be checked against it.
   */
  evidenceSha256: string;
}

/**
 * The letters of one claim, oldest first, with the send and delivery times SES reported. Our own
 * record of a letter is written when SES has answered and the letter is stored, which can be
 * minutes after SES sent it (a retry, a busy table): a delivery time next to our record's time
 * then read as "delivered before it was sent". SES's event carries both of its own times.
 */
export function lettersAsSent(timeline: readonly TimelineEvent[]): LetterAsSent[] {
  return lettersOnFile(timeline).map((letter) => {
    const sesSentAt = sesSendTime(timeline, letter.messageId);
    const sent = timeline.find(
      (event) =>
        (event.type === 'email_sent' || event.type === 'letter_posted') &&
        event.details?.messageId === letter.messageId,
    );
    return {
      ...letter,
      ...(sesSentAt ? { sentAt: sesSentAt } : {}),
      timesFrom: sesSentAt ? 'ses' : 'record',
      evidenceSha256: createHash('sha256')
        .update(JSON.stringify(sent?.details ?? {}))
        .digest('hex'),
    };
  });
}

/** SES's `mail.timestamp` as the delivery or bounce entry of the message recorded it. */
function sesSendTime(timeline: readonly TimelineEvent[], messageId: string): string | undefined {
  for (const event of timeline) {
    if (event.type !== 'email_delivered' && event.type !== 'email_bounced') continue;
    if (event.details?.messageId !== messageId) continue;
    const sentAt = event.details.sesSentAt;
    if (typeof sentAt === 'string') return sentAt;
  }
  return undefined;
}

import * as z from 'zod';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Money } from '../../core/money';

/** One letter as the timeline proves it: what went where and when, and what became of it. */
export interface LetterOnFile {
  slot: string;
  template: string;
  subject: string;
  sentAt: string;
  messageId: string;
  recipient: string;
  deliveredAt: string | null;
  bouncedAt: string | null;
  /** A letter by post (the recipient is its address); its delivery is known only when registered. */
  byPost?: boolean;
  fourteenDayTerm?: { endsOn: string; costs: Money };
}

const money = z.object({ amount: z.number().int(), currency: z.string() });
const sentDetails = z.object({
  slot: z.string(),
  template: z.string(),
  subject: z.string(),
  messageId: z.string(),
  recipient: z.string(),
  fourteenDayTerm: z.object({ endsOn: z.string(), costs: money }).optional(),
});
const outcomeDetails = z.object({ messageId: z.string() });

/**
 * Every letter on an invoice's timeline, oldest first, with its delivery or bounce. A letter by
 * post was delivered when the delivery of the registered letter was confirmed, on that day.
 */
export function lettersOnFile(timeline: readonly TimelineEvent[]): LetterOnFile[] {
  const firstAt = (type: TimelineEvent['type'], messageId: string) =>
    timeline.find(
      (event) => event.type === type && outcomeDetails.safeParse(event.details).data?.messageId === messageId,
    )?.at ?? null;
  return timeline
    .filter((event) => event.type === 'email_sent' || event.type === 'letter_posted')
    .flatMap((event) => {
      const details = sentDetails.safeParse(event.details);
      if (!details.success) return [];
      const { fourteenDayTerm, ...letter } = details.data;
      if (event.type === 'letter_posted') {
        const delivered = timeline.find(
          (entry) => entry.type === 'letter_delivered' && entry.details?.messageId === letter.messageId,
        )?.details?.deliveredOn;
        return [
          {
            ...letter,
            sentAt: event.at,
            deliveredAt: typeof delivered === 'string' ? delivered : null,
            bouncedAt: null,
            byPost: true,
            ...(fourteenDayTerm ? { fourteenDayTerm } : {}),
          },
        ];
      }
      return [
        {
          ...letter,
          sentAt: event.at,
          deliveredAt: firstAt('email_delivered', letter.messageId),
          bouncedAt: firstAt('email_bounced', letter.messageId),
          ...(fourteenDayTerm ? { fourteenDayTerm } : {}),
        },
      ];
    })
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

import * as z from 'zod';

/**
 * An SES event as the configuration set's SNS event destination publishes it (`eventType`), or as
 * an identity's feedback notification does (`notificationType`). Tags come back as lists.
 */
export const sesEventSchema = z
  .object({
    eventType: z.string().optional(),
    notificationType: z.string().optional(),
    mail: z.object({
      messageId: z.string().min(1),
      timestamp: z.string(),
      tags: z.record(z.string(), z.array(z.string())).default({}),
    }),
    bounce: z
      .object({ bounceType: z.string(), bounceSubType: z.string().optional(), timestamp: z.string() })
      .optional(),
    complaint: z.object({ timestamp: z.string(), complaintFeedbackType: z.string().optional() }).optional(),
    delivery: z.object({ timestamp: z.string() }).optional(),
  })
  .transform(({ eventType, notificationType, ...event }) => ({
    ...event,
    eventType: eventType ?? notificationType ?? 'Unknown',
  }));

export type SesEvent = z.infer<typeof sesEventSchema>;

import { startInspectingProxy } from '../http/inspecting-proxy';

/** The SES mailbox simulator's addresses, as in AWS: mail to them bounces or draws a complaint. */
const BOUNCE_SIMULATOR = 'bounce@simulator.amazonses.com';
const COMPLAINT_SIMULATOR = 'complaint@simulator.amazonses.com';

/** An event as SES's configuration-set event destination publishes it to SNS. */
export interface SesEventRecord {
  eventType: 'Delivery' | 'Bounce' | 'Complaint';
  mail: {
    messageId: string;
    timestamp: string;
    source: string;
    destination: string[];
    tags: Record<string, string[]>;
  };
  delivery?: { timestamp: string; recipients: string[] };
  bounce?: {
    bounceType: 'Permanent';
    bounceSubType: 'General';
    timestamp: string;
    bouncedRecipients: { emailAddress: string }[];
  };
  complaint?: { timestamp: string; complainedRecipients: { emailAddress: string }[] };
}

interface SendEmailRequest {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  EmailTags?: { Name: string; Value: string }[];
}

/**
 * The configuration set's event destination, which the SES emulator lacks: a proxy in front of it
 * that, for every email it accepted, publishes the event SES would — Delivery at once, or Bounce /
 * Complaint for the mailbox simulator's addresses — with the email's tags. Without it the local
 * cloud could never show a delivered 14-day letter or a bounce turned into a task.
 */
export async function startSesEventDestination(options: {
  target: string;
  now: () => Date;
  publish: (event: SesEventRecord) => Promise<void>;
  onError: (error: unknown) => void;
  /**
   * Addresses whose mail server confirms nothing at once (a delivery that takes days): no event
   * is published for mail to them, and a test publishes the late delivery itself.
   */
  slowMailboxes?: readonly string[];
}): Promise<{ url: string; stop(): Promise<void> }> {
  const slow = new Set((options.slowMailboxes ?? []).map((address) => address.toLowerCase()));
  return startInspectingProxy({
    name: 'SES event destination',
    target: options.target,
    inspect: (exchange) => {
      if (exchange.method !== 'POST' || !exchange.path.startsWith('/v2/email/outbound-emails')) return;
      if (exchange.status !== 200) return;
      const event = eventFor(exchange.requestBody, exchange.responseBody, options.now());
      if (event?.mail.destination.some((address) => slow.has(address.toLowerCase()))) return;
      // After the answer: SES publishes its events asynchronously too.
      if (event) setImmediate(() => options.publish(event).catch(options.onError));
    },
  });
}

function eventFor(requestBody: Buffer, answerBody: Buffer, now: Date): SesEventRecord | undefined {
  let sent: SendEmailRequest;
  let messageId: string | undefined;
  try {
    sent = JSON.parse(requestBody.toString('utf8')) as SendEmailRequest;
    messageId = (JSON.parse(answerBody.toString('utf8')) as { MessageId?: string }).MessageId;
  } catch {
    return undefined;
  }
  if (!messageId) return undefined;
  const destination = sent.Destination?.ToAddresses ?? [];
  const timestamp = now.toISOString();
  const mail = {
    messageId,
    timestamp,
    source: sent.FromEmailAddress ?? '',
    destination,
    tags: Object.fromEntries((sent.EmailTags ?? []).map((tag) => [tag.Name, [tag.Value]])),
  };
  const recipients = destination.map((address) => ({ emailAddress: address }));
  if (destination.some((address) => address.toLowerCase() === BOUNCE_SIMULATOR)) {
    return {
      eventType: 'Bounce',
      mail,
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', timestamp, bouncedRecipients: recipients },
    };
  }
  if (destination.some((address) => address.toLowerCase() === COMPLAINT_SIMULATOR)) {
    return { eventType: 'Complaint', mail, complaint: { timestamp, complainedRecipients: recipients } };
  }
  return { eventType: 'Delivery', mail, delivery: { timestamp, recipients: destination } };
}

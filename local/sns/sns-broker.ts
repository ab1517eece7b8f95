import { randomUUID } from 'node:crypto';
import { attributesSize, type MessageAttributes } from './message-attributes';
import { invalidParameter, topicNotFound } from './sns-error';

export interface Topic {
  topicArn: string;
  name: string;
}

export interface Subscription {
  subscriptionArn: string;
  topicArn: string;
  protocol: 'http' | 'https';
  endpoint: string;
}

/** A message as published, kept for the JSON view and the tests. */
export interface PublishedMessage {
  messageId: string;
  topicArn: string;
  topicName: string;
  subject?: string;
  message: string;
  messageAttributes: MessageAttributes;
  /** ISO 8601, from the server's clock (the local cloud's virtual clock). */
  publishedAt: string;
}

/** A text published to a phone number (SNS's SMS): kept for the JSON view and the tests, delivered nowhere. */
export interface PublishedText {
  messageId: string;
  phoneNumber: string;
  message: string;
  messageAttributes: MessageAttributes;
  publishedAt: string;
}

export interface PublishRequest {
  topicArn: string;
  message: string;
  subject?: string;
  messageAttributes: MessageAttributes;
}

export interface SnsBrokerOptions {
  region: string;
  accountId: string;
  now: () => Date;
  /** Called for every subscription of the topic a message was published to; must not throw. */
  deliver: (subscription: Subscription, message: PublishedMessage) => void;
}

const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
/** SNS texts only numbers in E.164. */
const E164 = /^\+[1-9]\d{7,14}$/;
/** SNS splits a text into at most ten parts: 1,600 characters. */
const MAX_TEXT_LENGTH = 1600;
const MAX_MESSAGE_BYTES = 262_144;
const MAX_SUBJECT_LENGTH = 100;
// SNS refuses subjects with control characters.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * The state of the local SNS: topics, http(s) subscriptions and every published message. It
 * enforces what AWS enforces and the code under test could get wrong: unknown topics, topic
 * names, message size and subject rules.
 */
export class SnsBroker {
  private readonly topics = new Map<string, Topic>();
  private readonly subscriptions: Subscription[] = [];
  private readonly published: PublishedMessage[] = [];
  private readonly texts: PublishedText[] = [];

  constructor(private readonly options: SnsBrokerOptions) {}

  /** Idempotent by name, as in AWS: creating an existing topic returns its ARN. */
  createTopic(name: string): Topic {
    if (name.endsWith('.fifo')) throw invalidParameter('Topic Name (FIFO topics are not supported locally)');
    if (!TOPIC_NAME.test(name)) throw invalidParameter('Topic Name');
    const topicArn = `arn:aws:sns:${this.options.region}:${this.options.accountId}:${name}`;
    const topic = this.topics.get(topicArn) ?? { topicArn, name };
    this.topics.set(topicArn, topic);
    return topic;
  }

  listTopics(): Topic[] {
    return [...this.topics.values()];
  }

  publish(request: PublishRequest): PublishedMessage {
    const topic = this.topic(request.topicArn);
    if (!request.message) throw invalidParameter('Empty message');
    if (Buffer.byteLength(request.message) + attributesSize(request.messageAttributes) > MAX_MESSAGE_BYTES) {
      throw invalidParameter('Message too long');
    }
    if (request.subject !== undefined) assertValidSubject(request.subject);

    const published: PublishedMessage = {
      messageId: randomUUID(),
      topicArn: topic.topicArn,
      topicName: topic.name,
      ...(request.subject === undefined ? {} : { subject: request.subject }),
      message: request.message,
      messageAttributes: request.messageAttributes,
      publishedAt: this.options.now().toISOString(),
    };
    this.published.push(published);
    for (const subscription of this.subscriptions) {
      if (subscription.topicArn === topic.topicArn) this.options.deliver(subscription, published);
    }
    return published;
  }

  /** A text to a phone number: refused as SNS refuses it (no E.164 number, empty or too long). */
  publishText(request: {
    phoneNumber: string;
    message: string;
    messageAttributes: MessageAttributes;
  }): PublishedText {
    if (!E164.test(request.phoneNumber)) {
      throw invalidParameter('PhoneNumber Reason: the number is not in E.164 form, such as +31612345678');
    }
    if (!request.message) throw invalidParameter('Empty message');
    if (request.message.length > MAX_TEXT_LENGTH) throw invalidParameter('Message too long');
    const text: PublishedText = {
      messageId: randomUUID(),
      phoneNumber: request.phoneNumber,
      message: request.message,
      messageAttributes: request.messageAttributes,
      publishedAt: this.options.now().toISOString(),
    };
    this.texts.push(text);
    return text;
  }

  /** Texts published to phone numbers, oldest first, optionally only those to one number. */
  textMessages(phoneNumber?: string): PublishedText[] {
    return this.texts.filter((t) => phoneNumber === undefined || t.phoneNumber === phoneNumber);
  }

  /**
   * Subscriptions are confirmed at once: there is no SubscriptionConfirmation round trip locally.
   * Subscribing the same endpoint twice returns the existing subscription, as AWS does.
   */
  subscribe(topicArn: string, protocol: string, endpoint: string): Subscription {
    this.topic(topicArn);
    if (protocol !== 'http' && protocol !== 'https') {
      throw invalidParameter(`Protocol ${protocol} (only http and https are supported locally)`);
    }
    if (!URL.canParse(endpoint) || new URL(endpoint).protocol !== `${protocol}:`) {
      throw invalidParameter(`Endpoint must be an ${protocol} URL`);
    }
    const existing = this.subscriptions.find(
      (s) => s.topicArn === topicArn && s.protocol === protocol && s.endpoint === endpoint,
    );
    if (existing) return existing;
    const subscription: Subscription = {
      subscriptionArn: `${topicArn}:${randomUUID()}`,
      topicArn,
      protocol,
      endpoint,
    };
    this.subscriptions.push(subscription);
    return subscription;
  }

  listSubscriptions(): Subscription[] {
    return [...this.subscriptions];
  }

  /** Published messages, oldest first, optionally only those of one topic (by name). */
  messages(topicName?: string): PublishedMessage[] {
    return this.published.filter((m) => topicName === undefined || m.topicName === topicName);
  }

  clearMessages(): void {
    this.published.length = 0;
    this.texts.length = 0;
  }

  private topic(topicArn: string): Topic {
    const topic = this.topics.get(topicArn);
    if (!topic) throw topicNotFound();
    return topic;
  }
}

function assertValidSubject(subject: string): void {
  if (!subject.trim() || subject.length > MAX_SUBJECT_LENGTH || CONTROL_CHARACTERS.test(subject)) {
    throw invalidParameter('Subject');
  }
}

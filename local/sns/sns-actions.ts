import { parseMessageAttributes } from './message-attributes';
import { element, members } from './query-xml';
import type { SnsBroker } from './sns-broker';
import { invalidParameter, SnsError } from './sns-error';

/** AWS pages ListTopics and ListSubscriptions by 100; the SDK's paginators follow NextToken. */
const PAGE_SIZE = 100;

/** Returns the XML inside `<ActionResult>`. */
type ActionHandler = (broker: SnsBroker, params: URLSearchParams) => string;

const ACTIONS: Record<string, ActionHandler> = {
  CreateTopic: (broker, params) => element('TopicArn', broker.createTopic(required(params, 'Name')).topicArn),

  ListTopics: (broker, params) => {
    const { items, nextToken } = page(broker.listTopics(), params.get('NextToken'));
    return (
      members(
        'Topics',
        items.map((t) => element('TopicArn', t.topicArn)),
      ) + element('NextToken', nextToken)
    );
  },

  Publish: (broker, params) => {
    if (params.has('TargetArn'))
      throw invalidParameter('only TopicArn and PhoneNumber are supported locally, not TargetArn');
    if (params.has('MessageStructure')) throw invalidParameter('MessageStructure is not supported locally');
    const phoneNumber = params.get('PhoneNumber');
    if (phoneNumber !== null) {
      if (params.has('TopicArn')) throw invalidParameter('TopicArn or PhoneNumber, not both');
      const text = broker.publishText({
        phoneNumber,
        message: params.get('Message') ?? '',
        messageAttributes: parseMessageAttributes(params),
      });
      return element('MessageId', text.messageId);
    }
    const subject = params.get('Subject');
    const published = broker.publish({
      topicArn: required(params, 'TopicArn'),
      message: params.get('Message') ?? '',
      ...(subject === null ? {} : { subject }),
      messageAttributes: parseMessageAttributes(params),
    });
    return element('MessageId', published.messageId);
  },

  Subscribe: (broker, params) => {
    const subscription = broker.subscribe(
      required(params, 'TopicArn'),
      required(params, 'Protocol'),
      required(params, 'Endpoint'),
    );
    return element('SubscriptionArn', subscription.subscriptionArn);
  },

  ListSubscriptions: (broker, params) => {
    const { items, nextToken } = page(broker.listSubscriptions(), params.get('NextToken'));
    const xml = items.map(
      (s) =>
        element('TopicArn', s.topicArn) +
        element('Protocol', s.protocol) +
        element('SubscriptionArn', s.subscriptionArn) +
        element('Endpoint', s.endpoint) +
        element('Owner', s.topicArn.split(':')[4]),
    );
    return members('Subscriptions', xml) + element('NextToken', nextToken);
  },
};

const SUPPORTED_ACTIONS = Object.keys(ACTIONS);

/** Runs one Query-protocol action and returns the XML for its Result element. */
export function runAction(broker: SnsBroker, action: string, params: URLSearchParams): string {
  // hasOwn: an Action such as "toString" must not reach Object.prototype.
  const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!handler) {
    throw new SnsError(
      'InvalidAction',
      400,
      `The action ${action} is not valid for this endpoint (the local SNS supports ${SUPPORTED_ACTIONS.join(', ')})`,
    );
  }
  return handler(broker, params);
}

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (!value) throw invalidParameter(`${name} is required`);
  return value;
}

function page<T>(all: T[], token: string | null): { items: T[]; nextToken?: string } {
  const start = token === null ? 0 : Number(token);
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('NextToken');
  const end = start + PAGE_SIZE;
  return { items: all.slice(start, end), ...(end < all.length ? { nextToken: String(end) } : {}) };
}

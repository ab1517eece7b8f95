import type { MessageAttributes } from './message-attributes';
import type { PublishedMessage, Subscription } from './sns-broker';

/** AWS gives an http(s) endpoint 15 seconds to answer a notification. */
const DELIVERY_TIMEOUT_MS = 15_000;

/**
 * The JSON body SNS posts to http(s) subscribers. The signature fields (Signature,
 * SigningCertURL, SignatureVersion) are left out: there is no AWS certificate to sign with, so a
 * subscriber must not verify signatures locally.
 */
function notificationEnvelope(message: PublishedMessage): Record<string, unknown> {
  return {
    Type: 'Notification',
    MessageId: message.messageId,
    TopicArn: message.topicArn,
    ...(message.subject === undefined ? {} : { Subject: message.subject }),
    Message: message.message,
    Timestamp: message.publishedAt,
    ...(Object.keys(message.messageAttributes).length === 0
      ? {}
      : { MessageAttributes: envelopeAttributes(message.messageAttributes) }),
  };
}

/** The envelope's attribute shape: `{ Type, Value }`, binary values in base64. */
function envelopeAttributes(attributes: MessageAttributes): Record<string, { Type: string; Value: string }> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, a]) => [
      name,
      { Type: a.dataType, Value: a.binaryValue ?? a.stringValue ?? '' },
    ]),
  );
}

/**
 * Posts one notification with the headers SNS sends. A failing subscriber is logged, never
 * thrown: in AWS the publisher does not learn about delivery failures either.
 */
export async function deliverOverHttp(
  subscription: Subscription,
  message: PublishedMessage,
  shutdown: AbortSignal,
): Promise<void> {
  try {
    const response = await fetch(subscription.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain; charset=UTF-8',
        'x-amz-sns-message-type': 'Notification',
        'x-amz-sns-message-id': message.messageId,
        'x-amz-sns-topic-arn': message.topicArn,
        'x-amz-sns-subscription-arn': subscription.subscriptionArn,
        'user-agent': 'Amazon Simple Notification Service Agent',
      },
      body: JSON.stringify(notificationEnvelope(message)),
      signal: AbortSignal.any([shutdown, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
    });
    await response.body?.cancel();
    if (!response.ok) {
      console.warn(
        `local SNS: ${subscription.endpoint} answered ${response.status} to message ${message.messageId}`,
      );
    }
  } catch (error) {
    if (shutdown.aborted) return;
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(
      `local SNS: delivery of message ${message.messageId} to ${subscription.endpoint} failed: ${reason}`,
    );
  }
}

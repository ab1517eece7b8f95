import type { SNSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject, vi } from 'vitest';
import { DynamoDbCreditStore } from '../../../functions/adapters/dynamodb/dynamodb-credit-store';
import type { Role } from '../../../functions/api/routes';
import type { TimelineEvent } from '../../../functions/core/ledger/timeline';
import { LOCAL_REGION } from '../../../local/cloud/environment';
import { type LocalCloud, startLocalCloud } from '../../../local/cloud/local-cloud';
import { InvoicingClient } from '../../../local/invoicing/invoicing-client';

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/**
 * The whole system on the local cloud with time frozen at `start`: real HTTP to the API shim
 * with tokens of the local issuer, events signed as the invoicing system signs them, and the
 * store on the same table for what a test must read or write underneath the API.
 */
export async function claimsCloud(start: string, options: { sesSlowMailboxes?: readonly string[] } = {}) {
  const tableName = `claims-${randomUUID()}`;
  const cloud: LocalCloud = await startLocalCloud({
    daySeconds: null,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName,
    start: new Date(start),
    ...options,
  });
  const client = new DynamoDBClient({
    endpoint: cloud.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const store = new DynamoDbCreditStore(client, tableName);
  const invoicing = new InvoicingClient({ apiUrl: cloud.endpoints.api, secret: cloud.webhookSecret });
  const tokens = new Map<Role, string>();
  const tokenOf = async (role: Role) => {
    const token = tokens.get(role) ?? (await cloud.issuer.issueToken({ group: role }));
    tokens.set(role, token);
    return token;
  };

  return {
    cloud,
    store,
    /** Calls the API as a user in `role`. */
    async call<T = Record<string, unknown>>(
      role: Role,
      method: 'GET' | 'PUT' | 'POST',
      path: string,
      body?: unknown,
    ): Promise<ApiAnswer<T>> {
      const response = await fetch(`${cloud.endpoints.api}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await tokenOf(role)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
    },
    /** Posts an event to the webhook, signed with the local secret (Standard Webhooks). */
    async deliver(event: unknown): Promise<ApiAnswer> {
      const { status, body } = await invoicing.post(event);
      return { status, body: body as Record<string, unknown> };
    },
    /** Waits until the invoice's timeline has an entry that `matches` (the workflow runs on its own). */
    async timelineEntry(
      invoiceId: string,
      matches: (event: TimelineEvent) => boolean,
    ): Promise<TimelineEvent> {
      return vi.waitFor(
        async () => {
          const found = (await store.timeline({ invoiceId })).find(matches);
          if (!found) throw new Error(`no matching timeline entry on invoice ${invoiceId}`);
          return found;
        },
        { timeout: 30_000, interval: 50 },
      );
    },
    async stop(): Promise<void> {
      client.destroy();
      await cloud.stop();
    },
  };
}

export type ClaimsCloud = Awaited<ReturnType<typeof claimsCloud>>;

/** What SES publishes to the configuration set's topic when the debtor's mail server took the email. */
export function sesDelivery(
  details: Record<string, unknown> | undefined,
  debtorId: string,
  at: string,
): SNSEvent {
  const letter = details?.letter as { slot: string; day: string };
  const message = {
    eventType: 'Delivery',
    mail: {
      messageId: details?.messageId,
      timestamp: at,
      tags: { debtor: [debtorId], slot: [letter.slot], letterDay: [letter.day] },
    },
    delivery: { timestamp: at },
  };
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-1:000000000000:email-events:local',
        Sns: {
          Type: 'Notification',
          MessageId: `sns-${String(details?.messageId)}`,
          TopicArn: 'arn:aws:sns:eu-west-1:000000000000:email-events',
          Subject: '',
          Message: JSON.stringify(message),
          Timestamp: at,
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  };
}

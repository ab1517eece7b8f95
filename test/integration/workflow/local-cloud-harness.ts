import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { inject, vi } from 'vitest';
import { DynamoDbCreditStore } from '../../../functions/adapters/dynamodb/dynamodb-credit-store';
import type { Role } from '../../../functions/api/routes';
import type { LocalCloud } from '../../../local/cloud/local-cloud';
import { startLocalCloud } from '../../../local/cloud/local-cloud';
import { InvoicingClient } from '../../../local/invoicing/invoicing-client';

/**
 * The whole system on the local cloud for one test file: the real webhook, handlers, state
 * machine and emulators on a frozen virtual clock that the test moves forward.
 */
export interface CloudHarness {
  cloud: LocalCloud;
  sfn: SFNClient;
  post(event: unknown, deliveryId?: string): Promise<{ status: number; body: unknown }>;
  get<T = unknown>(path: string, group?: Role): Promise<{ status: number; body: T }>;
  send<T = unknown>(
    method: string,
    path: string,
    body: unknown,
    group?: Role,
  ): Promise<{ status: number; body: T }>;
  /** Moves virtual time forward from timer to timer, letting the local cloud finish what each set off. */
  advanceDays(days: number): Promise<void>;
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;

export async function startCloudHarness(
  start: Date,
  options: {
    sesFaultProxy?: boolean;
    tableName?: string;
    dailySweep?: boolean;
    /** Another way to the tests' DynamoDB Local (a proxy a test can cut). */
    dynamodbEndpoint?: string;
  } = {},
): Promise<CloudHarness> {
  const cloud = await startLocalCloud({
    daySeconds: null,
    start,
    dynamodbEndpoint: options.dynamodbEndpoint ?? inject('dynamodbEndpoint'),
    tableName: options.tableName ?? `workflow-${randomUUID().slice(0, 8)}`,
    dailySweep: options.dailySweep ?? false,
    ...(options.sesFaultProxy ? { sesFaultProxy: true } : {}),
  });
  const invoicing = new InvoicingClient({ apiUrl: cloud.endpoints.api, secret: cloud.webhookSecret });
  const tokens = new Map<string, string>();
  const token = async (group: Role) => {
    let value = tokens.get(group);
    if (!value) {
      value = await cloud.issuer.issueToken({ group });
      tokens.set(group, value);
    }
    return value;
  };
  const send = async <T>(method: string, path: string, body: unknown, group: Role = 'controller') => {
    const response = await fetch(`${cloud.endpoints.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(group)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // A page or CSV comes back as its text.
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    return { status: response.status, body: (text ? (json ? JSON.parse(text) : text) : undefined) as T };
  };
  return {
    cloud,
    sfn: new SFNClient({
      endpoint: cloud.endpoints.sfn,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    async post(event, deliveryId) {
      const { status, body } = await invoicing.post(
        event,
        deliveryId === undefined ? {} : { id: deliveryId },
      );
      return { status, body };
    },
    get: (path, group) => send('GET', path, undefined, group),
    send,
    advanceDays: (days) => cloud.advance(days * DAY_MS),
    stop: () => cloud.stop(),
  };
}

/** Polls `check` until it stops throwing (the system is asynchronous, like AWS). */
export function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  return vi.waitFor(check, { timeout: timeoutMs, interval: 50 });
}

/**
 * The harness's table read and written directly, past the API: to seed hundreds of records without
 * the webhook's pace, or to see what an index holds.
 */
export function tableOf(h: CloudHarness): DynamoDbCreditStore {
  const client = new DynamoDBClient({
    endpoint: inject('dynamodbEndpoint'),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return new DynamoDbCreditStore(client, h.cloud.tableName);
}

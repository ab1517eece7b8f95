import { randomUUID } from 'node:crypto';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { inject } from 'vitest';
import { clock, installClock } from '../../../functions/adapters/clock/system-clock';
import { DynamoDbCreditStore } from '../../../functions/adapters/dynamodb/dynamodb-credit-store';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { keepingLatestPolicies } from '../../../functions/use-cases/intake/kept-policies';
import { lambdaContext } from '../../../local/api/lambda-context';
import { proxyEvent } from '../../../local/api/proxy-event';
import { VirtualClock } from '../../../local/clock/virtual-clock';
import { ensureTable } from '../../../local/dynamodb/create-table';
import {
  signedHeaders as signed,
  type SignOptions as ClientSignOptions,
} from '../../../local/invoicing/invoicing-client';
import { RecordingWorkflow } from '../../support/recording-workflow';

/** A test-only secret in the Standard Webhooks format (base64 after the prefix). */
const SECRET = `whsec_${Buffer.from('intake-integration-test-secret').toString('base64')}`;

/** The JSON the webhook answers: an outcome, or the shared error body. */
export interface Answer {
  status: number;
  body: {
    status?: 'applied' | 'parked';
    waitingFor?: string;
    error?: { code: string; message: string; issues: { path: string; message: string }[] };
  };
}

export interface SignOptions extends ClientSignOptions {
  /** Default: the secret the handler checks against. */
  secret?: string;
}

/**
 * One file's world: a fresh table in the shared DynamoDB Local with the seed policies, the real
 * handler of POST /webhooks/invoicing wired to it as the function wires it, a fake workflow, and business time frozen at
 * `today` (the manual clock is what the clock port reads; signatures use the wall clock).
 */
export async function intakeWorld(today: string) {
  const { webhookHandler } = await import('../../../functions/shared/http/signed-webhook-handler');

  const client = new DynamoDBClient({
    endpoint: inject('dynamodbEndpoint'),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  // Every call the store makes, by command, for the tests that count reads.
  const calls = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      calls.set(command, (calls.get(command) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countCallsByCommand' },
  );
  const tableName = `intake-${randomUUID()}`;
  await ensureTable(client, tableName);
  const store = new DynamoDbCreditStore(client, tableName);
  for (const policy of SEED_POLICIES) await store.putPolicy(policy);

  const manualClock = VirtualClock.manual(new Date(`${today}T10:00:00Z`));
  installClock(manualClock);
  const workflow = new RecordingWorkflow();
  const keptPolicies = keepingLatestPolicies(store, clock);
  const handler = webhookHandler({
    // As the webhook's function composes it: the latest policies kept for a minute.
    intake: () => ({ store: keptPolicies, workflow, clock, referenceScheme: 'rf' }),
    secret: async () => SECRET,
  });

  async function post(body: string, headers: Record<string, string>): Promise<Answer> {
    const result = await handler(webhookEvent(body, headers), lambdaContext('receive-invoicing-webhook'));
    return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : {} };
  }

  return {
    store,
    workflow,
    clock: manualClock,
    /** Signs the event as the invoicing system does and posts it. */
    deliver(event: unknown, options: SignOptions = {}): Promise<Answer> {
      const body = JSON.stringify(event);
      return post(body, signedHeaders(body, options));
    },
    post,
    /** The store's DynamoDB calls since `forgetCalls`, by command (`GetItemCommand`, `QueryCommand`…). */
    dynamodbCalls(): Record<string, number> {
      return Object.fromEntries(calls);
    },
    forgetCalls(): void {
      calls.clear();
    },
    /** Every item in the table: "nothing stored" means this does not move. */
    async itemCount(): Promise<number> {
      const out = await client.send(
        new ScanCommand({ TableName: tableName, Select: 'COUNT', ConsistentRead: true }),
      );
      return out.Count ?? 0;
    },
    close(): void {
      client.destroy();
    },
  };
}

export type IntakeWorld = Awaited<ReturnType<typeof intakeWorld>>;

/** The invoicing system's headers for `body`, signed with the test secret unless told otherwise. */
export function signedHeaders(
  body: string,
  { secret = SECRET, ...options }: SignOptions = {},
): Record<string, string> {
  return signed(body, secret, options);
}

/** The event API Gateway sends the webhook handler for this delivery, as the local API shim builds it. */
function webhookEvent(body: string, headers: Record<string, string>): APIGatewayProxyEvent {
  return proxyEvent({
    method: 'POST',
    path: '/webhooks/invoicing',
    query: [],
    headers: Object.entries(headers),
    body,
    resource: '/webhooks/invoicing',
    pathParameters: {},
    stage: 'test',
    requestId: randomUUID(),
    host: 'localhost',
    protocol: 'HTTP/1.1',
    sourceIp: '127.0.0.1',
    userAgent: 'invoicing-system',
  });
}

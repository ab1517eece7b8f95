import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Webhook } from 'standardwebhooks';
import { routeOf } from '../../functions/shared/http/http-handler';
import { requestSchemasOf } from '../../functions/api/route-request';

/** Time spent in one part of the webhook, summed over every request. */
export interface PartTime {
  calls: number;
  ms: number;
}

/** What the parts timed in-process came to, summed over every request of the run. */
export interface TimedParts {
  signature: PartTime;
  validation: PartTime;
  /** StartExecution as the handler awaits it (the local Step Functions server answers in-process). */
  startExecution: PartTime;
  /**
   * Each DynamoDB call as the handler awaits it, by operation and by what it reads or writes:
   * `GetItem DELIVERY`, `Query gsi3 DEBTOR`, `TransactWriteItems`. The names are the first part
   * of the key (functions/adapters/dynamodb/item-keys.ts), so a read made twice shows as twice.
   */
  dynamodb: Record<string, PartTime>;
}

type Send = (this: unknown, command: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * Times the parts of the webhook's handler in this process. The local cloud imports the handler
 * into the bench's process with the same modules (`local/api/handler-loader.ts`), whichever route
 * of its capability handler a request takes, so wrapping where each part is called measures it
 * without any change to the handler: `Webhook.prototype.verify` (standardwebhooks) for the
 * signature, the invoicing route's body schema's `safeParse` (functions/api/routes.ts) for the
 * validation, and the `send` of the DynamoDB document client and of the Step Functions client
 * for the calls the intake makes. The DynamoDB calls are also timed on the wire by the capacity
 * proxy, which is what the shares use: in-process, a call's time includes the wait for an event
 * loop that 50 requests share.
 */
export async function timeWebhookParts(): Promise<{ parts(): TimedParts; restore(): void }> {
  const signature: PartTime = { calls: 0, ms: 0 };
  const validation: PartTime = { calls: 0, ms: 0 };
  const startExecution: PartTime = { calls: 0, ms: 0 };
  const dynamodb: Record<string, PartTime> = {};
  const add = (part: PartTime, ms: number) => {
    part.calls += 1;
    part.ms += ms;
  };
  const timed = <A extends unknown[], R>(part: PartTime, fn: (...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      const start = performance.now();
      try {
        return fn.apply(this, args);
      } finally {
        add(part, performance.now() - start);
      }
    };
  const timedSend = (send: Send, partOf: (command: unknown) => PartTime | undefined): Send =>
    async function (this: unknown, command: unknown, ...rest: unknown[]) {
      const part = partOf(command);
      const start = performance.now();
      try {
        return await send.call(this, command, ...rest);
      } finally {
        if (part) add(part, performance.now() - start);
      }
    };

  const verify = Webhook.prototype.verify;
  Webhook.prototype.verify = timed(signature, verify);
  // The route table's first route of the webhook's function is POST /webhooks/invoicing. Its
  // schemas load once and are kept, so the handler validates with the very object timed here.
  const schemas = await requestSchemasOf(routeOf('receive-invoicing-webhook'));
  const body = 'body' in schemas ? schemas.body : undefined;
  if (!body) throw new Error('the webhook route has no body schema');
  const safeParse = body.safeParse;
  body.safeParse = timed(validation, safeParse.bind(body)) as typeof body.safeParse;
  // Own properties on the subclasses' prototypes shadow the SDK's shared Client.prototype.send.
  const unpatchDynamodb = patchSend(DynamoDBDocumentClient.prototype, (send) =>
    timedSend(send, (command) => (dynamodb[dynamodbLabel(command)] ??= { calls: 0, ms: 0 })),
  );
  const unpatchSfn = patchSend(SFNClient.prototype, (send) =>
    timedSend(send, (command) => (commandName(command) === 'StartExecution' ? startExecution : undefined)),
  );

  const copy = (part: PartTime): PartTime => ({ ...part });
  return {
    parts: () => ({
      signature: copy(signature),
      validation: copy(validation),
      startExecution: copy(startExecution),
      dynamodb: Object.fromEntries(Object.entries(dynamodb).map(([label, part]) => [label, copy(part)])),
    }),
    restore: () => {
      Webhook.prototype.verify = verify;
      body.safeParse = safeParse;
      unpatchDynamodb();
      unpatchSfn();
    },
  };
}

/** Gives a client class's prototype a `send` of its own; the returned function takes it away again. */
function patchSend(prototype: object, wrap: (send: Send) => Send): () => void {
  const own = Object.getOwnPropertyDescriptor(prototype, 'send');
  const send = (prototype as { send: Send }).send;
  Object.defineProperty(prototype, 'send', { value: wrap(send), configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(prototype, 'send', own);
    else delete (prototype as { send?: Send }).send;
  };
}

/** `GetCommand` → `Get`, `StartExecutionCommand` → `StartExecution`. */
function commandName(command: unknown): string {
  const name = (command as { constructor?: { name?: string } }).constructor?.name ?? 'Unknown';
  return name.replace(/Command$/, '');
}

const OPERATIONS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactWrite: 'TransactWriteItems',
  TransactGet: 'TransactGetItems',
};

/** A read named by operation, index and the first part of its key; a write by operation alone. */
function dynamodbLabel(command: unknown): string {
  const name = commandName(command);
  const operation = OPERATIONS[name] ?? name;
  const input = (command as { input?: Record<string, unknown> }).input ?? {};
  const kind = (value: unknown) => (typeof value === 'string' ? (value.split('#')[0] ?? value) : '?');
  if (operation === 'GetItem') return `GetItem ${kind((input.Key as { pk?: unknown } | undefined)?.pk)}`;
  if (operation === 'Query') {
    const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
    const index = typeof input.IndexName === 'string' ? `${input.IndexName} ` : '';
    return `Query ${index}${kind(values[':pk'])}`;
  }
  return operation;
}

/** Whether a call named by `dynamodbLabel` reads. */
export function isRead(label: string): boolean {
  return /^(GetItem|Query|Scan|BatchGetItem|TransactGetItems)\b/.test(label);
}

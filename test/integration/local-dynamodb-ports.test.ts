import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local';
import { boundPort, close, freePort, listen } from '../../local/ports';

/**
 * When set, the check before the JVM starts finds every port free: it stands for the moment in
 * which another process takes the chosen port before the JVM binds it.
 */
const portCheck = vi.hoisted(() => ({ blind: false }));
vi.mock('../../local/ports', async (importOriginal) => {
  const ports = await importOriginal<typeof import('../../local/ports')>();
  return { ...ports, portIsFree: async (port: number) => portCheck.blind || ports.portIsFree(port) };
});

/** DynamoDB Local in two clones at once: each must get a port, and each must answer for itself. */
describe('DynamoDB Local on a busy port', () => {
  const started: DynamoDbLocal[] = [];
  const blockers: Server[] = [];

  afterEach(async () => {
    portCheck.blind = false;
    await Promise.all(started.splice(0).map((db) => db.stop()));
    await Promise.all(blockers.splice(0).map((server) => close(server)));
  });

  async function start(port?: number): Promise<DynamoDbLocal> {
    const db = await startDynamoDbLocal({ port });
    started.push(db);
    return db;
  }

  function client(db: DynamoDbLocal): DynamoDBClient {
    return new DynamoDBClient({
      endpoint: db.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  async function tableNames(db: DynamoDbLocal): Promise<string[]> {
    const dynamodb = client(db);
    try {
      return (await dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
    } finally {
      dynamodb.destroy();
    }
  }

  async function createTable(db: DynamoDbLocal, name: string): Promise<void> {
    const dynamodb = client(db);
    try {
      await dynamodb.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
    } finally {
      dynamodb.destroy();
    }
  }

  it('starts two at once that prefer the same port, each on a port of its own and each answering', async () => {
    const preferred = await freePort();

    const [first, second] = await Promise.all([start(preferred), start(preferred)]);

    expect(first.port).not.toBe(second.port);
    expect([first.port, second.port]).toContain(preferred);
    // Each answers for itself: a table made in one is not in the other.
    const name = `only-in-first-${randomUUID()}`;
    await createTable(first, name);
    expect(await tableNames(first)).toContain(name);
    expect(await tableNames(second)).not.toContain(name);
  });

  it('tries another port when a DynamoDB Local takes the chosen one before the JVM binds it', async () => {
    const first = await start();
    portCheck.blind = true;

    const second = await start(first.port);

    // The first one answered on that port all along; the second must not have taken it for its own.
    expect(second.port).not.toBe(first.port);
    const name = `only-in-first-${randomUUID()}`;
    await createTable(first, name);
    expect(await tableNames(second)).not.toContain(name);
  });

  it('falls back to a free port when another program listens on the preferred one', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await listen(blocker, 0, '0.0.0.0');
    const taken = boundPort(blocker);

    const db = await start(taken);

    expect(db.port).not.toBe(taken);
    expect(await tableNames(db)).toEqual([]);
  });

  it('chooses a real port when asked for port 0, as a local cloud does when its preferred port is busy', async () => {
    const db = await start(0);

    expect(db.port).toBeGreaterThan(0);
    expect(db.endpoint).toBe(`http://127.0.0.1:${db.port}`);
    expect(await tableNames(db)).toEqual([]);
  });
});

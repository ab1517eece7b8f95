import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
// s3rver checks request signatures against the access keys of its one account; the local cloud
// signs with `local`/`local`, so that key pair is added to that account.
import account from 's3rver/lib/models/account.js';
import { localUrl } from '../ports';

/** What a put, copy or delete on the local S3 tells its listeners: the shape of an S3 event record. */
export interface LocalS3Event {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number } };
}

export interface LocalS3Server {
  url: string;
  /** Calls `listener` with each object event, as S3 calls a notification's target. */
  onEvent(listener: (event: LocalS3Event) => void): void;
  stop(): Promise<void>;
}

export interface LocalS3Options {
  port?: number;
  host?: string;
  /** The buckets to create at start (they are empty: the store lives in a temporary directory). */
  buckets: readonly string[];
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: { Records: LocalS3Event[] }) => void): void;
}

let keyAdded = false;

/**
 * An S3-compatible server (s3rver) for the local cloud: the same S3 client, with a path-style
 * endpoint, puts and gets objects in buckets kept in a temporary directory that goes at stop.
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3Server> {
  if (!keyAdded) {
    (
      account as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } }
    ).DUMMY_ACCOUNT.createKeyPair('local', 'local');
    keyAdded = true;
  }
  const host = options.host ?? '127.0.0.1';
  const directory = mkdtempSync(join(tmpdir(), 'credit-control-s3-'));
  const server = new (S3rver as unknown as new (options: object) => S3rverInstance)({
    port: options.port ?? 0,
    address: host,
    directory,
    silent: true,
    // Path-style only: a bucket as a host name would need DNS for *.127.0.0.1.
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const listeners: ((event: LocalS3Event) => void)[] = [];
  server.on('event', (event) => {
    for (const record of event.Records) for (const listener of listeners) listener(record);
  });
  return {
    url: localUrl(host, port),
    onEvent: (listener) => void listeners.push(listener),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

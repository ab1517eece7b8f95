import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Kills `childPid` if this Node process dies without running its 'exit' handlers (SIGKILL, an
 * unhandled signal, a crash), which would otherwise leave the JVM running and holding its port.
 * A tiny shell loop checks once a second whether the parent is still alive; it ends by itself when
 * the child ends. Not available on Windows, where there is no `sh`.
 */
export function watchForOrphan(childPid: number): ChildProcess | undefined {
  if (process.platform === 'win32') return undefined;
  const script =
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; kill "$2" 2>/dev/null';
  const watchdog = spawn(
    'sh',
    ['-c', script, 'dynamodb-local-watchdog', String(process.pid), String(childPid)],
    {
      stdio: 'ignore',
    },
  );
  // Without `sh` there is no watchdog, which must not take the local cloud down with it.
  watchdog.on('error', (error) =>
    console.warn(`DynamoDB Local orphan watchdog not running: ${error.message}`),
  );
  // The watchdog must never keep Node alive on its own.
  watchdog.unref();
  return watchdog;
}

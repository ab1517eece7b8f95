import { mkdirSync, rmSync } from 'node:fs';
import { ensureConsoleBuilt } from '../../console/build';
import { startLocalCloud } from '../../local/cloud/local-cloud';
import { playDemo } from '../../local/demo/play-demo';
import { IDLE_MARKER } from './local-memory';

/**
 * The local cloud as `npm start` runs it (the console's build, the cloud with its data on disk, the
 * demo loaded on a frozen clock and then played at two real seconds a virtual day), on any free
 * ports and a data directory of its own, so that a running `npm start` is not disturbed. Started by
 * local-memory.ts, which reads the memory of this process tree each time a line starting with
 * `LOCAL-MEMORY ` says the cloud is idle; it stops when its standard input closes.
 */

/** `npm start`'s default speed (LOCAL_DAY_SECONDS). */
const DAY_SECONDS = 2;
/** After the load, the demo plays this many virtual days before the second reading. */
const PLAYED_DAYS = 7;
const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: local-memory-cloud.ts <data directory>');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  await ensureConsoleBuilt((line) => console.log(line));
  const cloud = await startLocalCloud({ daySeconds: DAY_SECONDS, dataDir, log: () => {} });
  const stop = new AbortController();
  process.stdin.resume();
  process.stdin.once('end', () => {
    stop.abort();
    void cloud.stop().then(() => process.exit(0));
  });
  const report = async (phase: string) => {
    await cloud.idle(120_000);
    console.log(`${IDLE_MARKER}${JSON.stringify({ phase, virtualNow: cloud.clock.now().toISOString() })}`);
  };

  cloud.clock.setSpeed(null);
  await playDemo(cloud, { dataDir, log: (line) => console.log(line), signal: stop.signal });
  cloud.clock.setSpeed(DAY_SECONDS);
  await report('demo loaded');
  // The playback goes on: payments, the controller's mornings, the daily sweep.
  await cloud.clock.sleepUntil(cloud.clock.nowMs() + PLAYED_DAYS * DAY_MS, stop.signal);
  await report(`demo played ${PLAYED_DAYS} virtual days`);
}

main().catch((error: unknown) => {
  console.error(
    `local cloud failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});

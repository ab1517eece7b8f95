import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgressBar } from './progress-bar';
import { sum } from './statistics';
import { textTable } from './text-table';

/** What local-memory-cloud.ts prints, followed by JSON, each time the local cloud is idle. */
export const IDLE_MARKER = 'LOCAL-MEMORY ';
/** The goal: the local cloud runs beside a browser on a laptop. */
const LOCAL_MEMORY_GOAL_MB = 1_536;
/** Loading the demo's portfolio on a loaded 2-core machine takes minutes; this is the give-up point. */
const TIMEOUT_MS = 20 * 60_000;
const KB_PER_MB = 1024;

export interface ProcessMemory {
  pid: number;
  /** What runs: the executable and its first arguments, shortened. */
  command: string;
  /** VmRSS of /proc/<pid>/status. */
  rssMb: number;
  /** Proportional set size (shared pages divided among the processes that share them), when readable. */
  pssMb: number | null;
}

export interface LocalMemoryReading {
  /** When it was read: the demo loaded, or played some virtual days. */
  phase: string;
  virtualNow: string;
  processes: ProcessMemory[];
  rssMb: number;
  pssMb: number | null;
}

export interface LocalMemoryResult {
  goalMb: number;
  readings: LocalMemoryReading[];
  /** The largest total RSS of the readings. */
  peakRssMb: number;
  met: boolean;
}

/**
 * `--only local-memory`: starts the local cloud as `npm start` does (through npm and tsx, with the
 * demo; local-memory-cloud.ts) and, each time it reports that it is idle, sums the resident memory
 * of every process of its tree: npm, tsx's launcher, the cloud's Node process and DynamoDB Local's
 * JVM. Linux only (/proc).
 */
export async function measureLocalMemory(
  projectRoot: string,
  benchDir: string,
  progress: ProgressBar,
  log: (line: string) => void,
): Promise<LocalMemoryResult> {
  const script = join(projectRoot, 'scripts/bench/local-memory-cloud.ts');
  const dataDir = join(benchDir, 'local-memory-data');
  progress.start('local memory · npm start with the demo', 2, 'readings');
  const child = spawn('npm', ['exec', '--no', '--', 'tsx', script, dataDir], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const readings: LocalMemoryReading[] = [];
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    log(line);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the local cloud did not become idle in time')),
        TIMEOUT_MS,
      );
      let pending = '';
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.startsWith(IDLE_MARKER)) {
            remember(line);
            continue;
          }
          const { phase, virtualNow } = JSON.parse(line.slice(IDLE_MARKER.length)) as {
            phase: string;
            virtualNow: string;
          };
          readings.push({ phase, virtualNow, ...treeMemory(child.pid as number) });
          progress.advance();
          if (readings.length === 2) {
            clearTimeout(timer);
            resolve();
          }
        }
      });
      child.stderr.on('data', (chunk: Buffer) => remember(chunk.toString().trimEnd()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the local cloud exited (${code}) before it was idle:\n${tail.join('\n')}`));
      });
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Its standard input closing is the cloud's sign to stop, as Ctrl-C is `npm start`'s.
    child.stdin.end();
    await exited;
  }
  const peakRssMb = Math.max(...readings.map((reading) => reading.rssMb));
  progress.finish(`peak ${peakRssMb.toFixed(0)} MB resident in all`);
  return { goalMb: LOCAL_MEMORY_GOAL_MB, readings, peakRssMb, met: peakRssMb < LOCAL_MEMORY_GOAL_MB };
}

/** The memory of `root` and every process descended from it, from /proc. */
function treeMemory(root: number): Pick<LocalMemoryReading, 'processes' | 'rssMb' | 'pssMb'> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(Number(entry));
    if (ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const pids: number[] = [];
  for (const queue = [root]; queue.length > 0;) {
    const pid = queue.shift() as number;
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  const processes = pids.flatMap((pid) => {
    const memory = processMemory(pid);
    return memory ? [memory] : [];
  });
  const pss = processes.map((p) => p.pssMb);
  return {
    processes,
    rssMb: sum(processes.map((p) => p.rssMb)),
    pssMb: pss.every((value) => value !== null) ? sum(pss as number[]) : null,
  };
}

function parentOf(pid: number): number | undefined {
  try {
    // The command name in parentheses may hold spaces: the fields after its closing one are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // ended meanwhile
  }
}

function processMemory(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, command: shortCommand(args), rssMb: rssKb / KB_PER_MB, pssMb: pssOf(pid) };
  } catch {
    return undefined;
  }
}

function pssOf(pid: number): number | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    return kb === undefined ? null : Number(kb) / KB_PER_MB;
  } catch {
    return null;
  }
}

/** `node …/tsx/dist/cli.mjs …/local-memory-cloud.ts` reads better as `node tsx/dist/cli.mjs local-memory-cloud.ts`. */
function shortCommand(args: readonly string[]): string {
  // npm sets its title to the whole command line, one argument with spaces.
  const [executable = '?', ...rest] = args.length === 1 ? (args[0] ?? '').split(' ') : args;
  const name = (arg: string) => arg.split('/').slice(-1)[0] ?? arg;
  const shown = rest
    .filter((arg) => !arg.startsWith('-D') && !arg.startsWith('--require') && !arg.startsWith('--import'))
    .slice(0, 3)
    .map((arg) => (arg.includes('/') ? name(arg) : arg));
  return [name(executable), ...shown].join(' ').slice(0, 70);
}

/** The readings as a table: every process of the tree, its RSS and PSS, and the totals. */
export function localMemorySection(result: LocalMemoryResult | undefined): string {
  if (!result) return '';
  const mb = (value: number | null) => (value === null ? '—' : value.toFixed(0));
  const tables = result.readings.map((reading) =>
    [
      `${reading.phase} (virtual ${reading.virtualNow.slice(0, 16)}): ${mb(reading.rssMb)} MB resident in all${
        reading.pssMb === null ? '' : `, ${mb(reading.pssMb)} MB proportional (shared pages counted once)`
      }`,
      textTable(
        ['process', 'pid', 'RSS MB', 'PSS MB'],
        reading.processes.map((p) => [p.command, String(p.pid), mb(p.rssMb), mb(p.pssMb)]),
      ),
    ].join('\n'),
  );
  return [
    `The local cloud's memory — npm start with the demo, read from /proc when idle; goal under ${result.goalMb} MB: ${
      result.met ? 'met' : 'missed'
    } (peak ${mb(result.peakRssMb)} MB)`,
    ...tables,
  ].join('\n\n');
}

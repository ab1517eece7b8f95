import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { ProgressBar } from './progress-bar';
import { median } from './statistics';

/** A module to import in a fresh process, with the environment it sees there. */
export interface ImportSubject {
  entry: string;
  env: NodeJS.ProcessEnv;
}

export type ImportTime =
  | {
      /** Median wall time of the fresh process: Node's start, the import, the exit. */
      importMs: number;
      /** Median time of the `import()` alone, measured inside the process. */
      moduleLoadMs: number;
      /**
       * Median CPU time (user + system) of the process up to the end of the import: unlike wall
       * time, barely moved by other processes competing for the machine's cores.
       */
      cpuMs: number;
      /**
       * Sockets the module opened, or DNS look-ups it made, while it was imported (one extra
       * import after the timed rounds, with node:net and node:dns watched): a call to a service at
       * module scope would lengthen every cold start by a round trip. 0 is the only good answer.
       */
      connectionsAtLoad: number;
    }
  /** The module throws when imported: in Lambda, every cold start of it would fail. */
  | { error: string };

// Runs in the fresh process: imports the module named by the first argument and reports how long
// the import took, and the CPU time the process used up to then. process.exit, because a module may leave a handle open that would keep the
// process, and the measure, running.
const RUNNER = [
  'const started = performance.now();',
  'await import(process.argv[1]);',
  'const load = performance.now() - started;',
  'const cpu = process.cpuUsage();',
  'process.stdout.write(JSON.stringify({ load, cpu: (cpu.user + cpu.system) / 1000 }));',
  'process.exit(0);',
].join(' ');

// The same import once more, with every socket and DNS look-up counted. Kept out of the timed
// runner: loading node:net and node:dns first would add their cost to every subject.
const WATCHING_RUNNER = [
  "const net = await import('node:net');",
  "const dns = await import('node:dns');",
  'let opened = 0;',
  'const connect = net.Socket.prototype.connect;',
  'net.Socket.prototype.connect = function (...args) { opened += 1; return connect.apply(this, args); };',
  'const lookup = dns.lookup;',
  'dns.lookup = (...args) => { opened += 1; return lookup(...args); };',
  'await import(process.argv[1]);',
  // Whatever the module started without awaiting gets a turn of the event loop.
  'await new Promise((resolve) => setTimeout(resolve, 50));',
  'process.stdout.write(JSON.stringify({ load: 0, cpu: 0, opened }));',
  'process.exit(0);',
].join(' ');

/**
 * Imports each subject in a fresh Node process, `rounds` times. Every round goes through all the
 * subjects in turn, so that a machine that gets busier or quieter during the run affects them all
 * alike; a first round warms the file cache and is not counted.
 */
export async function timeFreshImports(
  subjects: readonly ImportSubject[],
  rounds: number,
  progress: ProgressBar,
): Promise<ImportTime[]> {
  const samples = subjects.map(() => [] as Sample[]);
  const errors = new Map<number, string>();
  progress.start('cold start · import timing', (rounds + 1) * subjects.length, 'imports');
  for (let round = 0; round <= rounds; round++) {
    for (const [i, subject] of subjects.entries()) {
      if (!errors.has(i)) {
        const sample = await importOnce(subject);
        if ('error' in sample) errors.set(i, sample.error);
        else if (round > 0) samples[i]?.push(sample);
      }
      progress.advance();
    }
  }
  const opened = await Promise.all(
    subjects.map(async (subject, i) => {
      if (errors.has(i)) return 0;
      const watched = await importOnce(subject, WATCHING_RUNNER);
      return 'error' in watched ? 0 : (watched.opened ?? 0);
    }),
  );
  return subjects.map((_, i): ImportTime => {
    const error = errors.get(i);
    const list = samples[i] ?? [];
    return error
      ? { error }
      : {
          importMs: median(list.map((s) => s.wall)),
          moduleLoadMs: median(list.map((s) => s.load)),
          cpuMs: median(list.map((s) => s.cpu)),
          connectionsAtLoad: opened[i] ?? 0,
        };
  });
}

interface Sample {
  wall: number;
  load: number;
  cpu: number;
  opened?: number;
}

function importOnce(subject: ImportSubject, runner = RUNNER): Promise<Sample | { error: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', runner, pathToFileURL(subject.entry).href],
      { env: subject.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const wall = performance.now() - started;
      const reported = parseReport(stdout);
      if (code === 0 && reported) resolve({ wall, ...reported });
      else resolve({ error: firstErrorLine(stderr) ?? `exit ${code}` });
    });
  });
}

function parseReport(stdout: string): { load: number; cpu: number; opened?: number } | undefined {
  try {
    const { load, cpu, opened } = JSON.parse(stdout) as { load: unknown; cpu: unknown; opened?: unknown };
    if (typeof load !== 'number' || typeof cpu !== 'number') return undefined;
    return typeof opened === 'number' ? { load, cpu, opened } : { load, cpu };
  } catch {
    return undefined;
  }
}

/** "Error: .partial() cannot be used …" out of a stack trace. */
function firstErrorLine(stderr: string): string | undefined {
  return stderr
    .split('\n')
    .find((line) => /^\w*Error\b/.test(line.trim()))
    ?.trim();
}

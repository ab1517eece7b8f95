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
    }
  /** The module throws when imported: in Lambda, every cold start of it would fail. */
  | { error: string };

// Runs in the fresh process: imports the module named by the first argument and reports how long
// the import took. process.exit, because a module may leave a handle open that would keep the
// process, and the measure, running.
const RUNNER = [
  'const started = performance.now();',
  'await import(process.argv[1]);',
  'process.stdout.write(String(performance.now() - started));',
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
  const samples = subjects.map(() => [] as { wall: number; load: number }[]);
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
  return subjects.map((_, i): ImportTime => {
    const error = errors.get(i);
    const list = samples[i] ?? [];
    return error
      ? { error }
      : { importMs: median(list.map((s) => s.wall)), moduleLoadMs: median(list.map((s) => s.load)) };
  });
}

function importOnce(subject: ImportSubject): Promise<{ wall: number; load: number } | { error: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', RUNNER, pathToFileURL(subject.entry).href],
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
      const load = Number(stdout);
      if (code === 0 && stdout !== '' && Number.isFinite(load)) resolve({ wall, load });
      else resolve({ error: firstErrorLine(stderr) ?? `exit ${code}` });
    });
  });
}

/** "Error: .partial() cannot be used …" out of a stack trace. */
function firstErrorLine(stderr: string): string | undefined {
  return stderr
    .split('\n')
    .find((line) => /^\w*Error\b/.test(line.trim()))
    ?.trim();
}

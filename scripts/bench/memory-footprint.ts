import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { SynthesizedBundle } from './synthesized-bundles';

// Runs in a fresh process: imports the bundle, collects what the import left for the collector,
// and reports the process's resident memory, which is what a function's size must hold before its
// first invocation. process.exit: a bundle may leave a handle open.
const RUNNER = [
  'await import(process.argv[1]);',
  'globalThis.gc?.();',
  'process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }));',
  'process.exit(0);',
].join(' ');

const MB = 1024 * 1024;

/**
 * Resident memory, in MB, of a fresh Node process that has imported the function's bundle as
 * Lambda would (its environment as deployed).
 */
export async function residentAfterImportMb(bundle: SynthesizedBundle): Promise<number> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--input-type=module', '-e', RUNNER, pathToFileURL(bundle.entry).href],
      {
        env: {
          PATH: process.env.PATH,
          ...bundle.environment,
          AWS_REGION: 'eu-west-1',
          AWS_DEFAULT_REGION: 'eu-west-1',
          AWS_LAMBDA_FUNCTION_NAME: bundle.name,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(bundle.memoryMb),
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${bundle.name} did not import: ${err.slice(-500)}`)),
    );
  });
  return (JSON.parse(output) as { rss: number }).rss / MB;
}

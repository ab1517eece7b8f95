import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeFirstAnswers } from './first-answer';
import { type ImportSubject, type ImportTime, timeFreshImports } from './import-timing';
import type { ProgressBar } from './progress-bar';
import type { BundleResult } from './results';
import { findBundles, type SynthesizedBundle, synthesize } from './synthesized-bundles';

/** Fresh processes per module: a stable median on a busy 2-core machine in under two minutes. */
const ROUNDS = 9;

const EMPTY_HANDLER = 'export const handler = async () => ({});\n';

/**
 * Synthesizes the app, then sizes every Lambda bundle and times a cold import of it in a fresh
 * Node process, next to an empty handler measured in the same rounds, so that the ratio holds on
 * any machine. The bundles hold the AWS SDK clients they use; they are imported where `cdk synth`
 * put them, inside the project, so that a package left external would be found in the project's
 * node_modules as the runtime finds its own. Importing a bundle's index.mjs loads the chunks it
 * imports statically, as a cold start does, and not those it loads through `import()`.
 */
export async function measureColdStart(
  projectRoot: string,
  benchDir: string,
  progress: ProgressBar,
): Promise<Record<string, BundleResult>> {
  const outDir = join(benchDir, 'cdk.out');
  progress.start('cold start · cdk synth', 1, 'synth');
  await synthesize(projectRoot, outDir);
  const bundles = findBundles(outDir);
  progress.finish(`${bundles.length} bundles`);

  const workDir = join(benchDir, 'cold-start');
  const first = bundles[0] as SynthesizedBundle;
  // The empty handler is deployed like the others: the same defaults.
  const defaults = lambdaEnvironment(first, 'empty-handler');
  const empty: ImportSubject = { entry: writeModule(workDir, 'empty-handler', EMPTY_HANDLER), env: defaults };
  const [baseline, ...times] = await timeFreshImports(
    [empty, ...bundles.map((b) => ({ entry: b.entry, env: lambdaEnvironment(b, b.name) }))],
    ROUNDS,
    progress,
  );
  if (!baseline || 'error' in baseline) throw new Error('the empty handler does not import');

  const results: Record<string, BundleResult> = {};
  for (const [i, bundle] of bundles.entries()) {
    const time = times[i] as ImportTime;
    results[bundle.name] = {
      bytes: bundle.bytes,
      entryBytes: bundle.entryBytes,
      importMs: 'error' in time ? null : time.importMs,
      baselineImportMs: baseline.importMs,
      importRatio: 'error' in time ? null : time.importMs / baseline.importMs,
      moduleLoadMs: 'error' in time ? null : time.moduleLoadMs,
      baselineModuleLoadMs: baseline.moduleLoadMs,
      cpuMs: 'error' in time ? null : time.cpuMs,
      baselineCpuMs: baseline.cpuMs,
      cpuRatio: 'error' in time ? null : time.cpuMs / baseline.cpuMs,
      connectionsAtLoad: 'error' in time ? null : time.connectionsAtLoad,
      ...('error' in time ? { importError: time.error } : {}),
      sdkPackages: bundle.sdkPackages,
      sdkClients: bundle.sdkClients,
      tracer: bundle.tracer,
      memoryMb: bundle.memoryMb,
      asset: bundle.asset,
    };
  }
  const ratios = Object.values(results).flatMap((r) => (r.cpuRatio === null ? [] : [r.cpuRatio]));
  const calling = Object.entries(results).filter(([, r]) => (r.connectionsAtLoad ?? 0) > 0);
  const failed = Object.values(results).filter((r) => r.importError).length;
  progress.finish(
    `empty handler ${baseline.importMs.toFixed(0)} ms (CPU ${baseline.cpuMs.toFixed(0)} ms); bundles ${Math.min(
      ...ratios,
    ).toFixed(
      1,
    )}–${Math.max(...ratios).toFixed(1)}× its CPU time${failed ? `; ${failed} failed to import` : ''}${
      calling.length ? `; network calls at load: ${calling.map(([name]) => name).join(', ')}` : ''
    }`,
  );
  const answers = await timeFirstAnswers(
    bundles,
    empty.entry,
    (bundle) => lambdaEnvironment(bundle, bundle.name),
    defaults,
    progress,
  );
  for (const [name, answer] of Object.entries(answers)) {
    const result = results[name];
    if (result) result.firstAnswer = answer;
  }
  return results;
}

function writeModule(workDir: string, name: string, source: string): string {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'index.mjs');
  writeFileSync(entry, source);
  return entry;
}

/** The environment the function has in Lambda, as far as an import can tell. */
function lambdaEnvironment(bundle: SynthesizedBundle, functionName: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    ...bundle.environment,
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(bundle.memoryMb),
    // Lambda runs Node 22; this machine's Node 20 would make the SDK print a notice on load.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

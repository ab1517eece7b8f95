import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local';
import { startCapacityProxy } from './capacity-proxy';
import { measureColdStart } from './cold-start';
import { measureIngestion } from './ingestion';
import { InvocationMeter } from './invocation-meter';
import { pathGroups } from './invoice-paths';
import { METHOD } from './method';
import { runPathGroup } from './path-run';
import { PRICES } from './prices';
import { ProgressBar } from './progress-bar';
import { renderReport } from './report';
import type { BenchResults, PathResult } from './results';
import { checkTargets } from './targets';

// Before any SDK client or handler exists: Lambda runs Node 22, so the SDK's notice about this
// machine's Node 20 is noise, and handler warnings would break the progress line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_DIR = join(PROJECT_ROOT, '.bench');
/** Invoices per path group: stable per-invoice figures within the ten-minute budget. */
const GROUP_SIZES = { perPath: 30, mix: 100 };

/**
 * `npm run bench`: cost per invoice per path on the local cloud, cold start of every Lambda
 * bundle, and webhook ingestion; prints tables and writes .bench/results.json.
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const progress = new ProgressBar();
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
  };
  mkdirSync(BENCH_DIR, { recursive: true });

  const bundles = await measureColdStart(PROJECT_ROOT, BENCH_DIR, progress);
  const memoryMb = (name: string) => {
    const bundle = bundles[name];
    if (!bundle) throw new Error(`cdk synth produced no function named ${name}`);
    return bundle.memoryMb;
  };

  const db = await startDynamoDbLocal();
  const dynamodb = await startCapacityProxy(db.endpoint);
  const paths: Record<string, PathResult> = {};
  let ingestion: BenchResults['ingestion'];
  try {
    const meter = new InvocationMeter();
    for (const group of pathGroups(GROUP_SIZES)) {
      paths[group.name] = await runPathGroup(group, {
        dynamodb,
        meter,
        memoryMb,
        progress,
        log: remember,
        warn,
      });
    }
    ingestion = await measureIngestion(db.endpoint, progress, remember);
  } finally {
    await dynamodb.stop();
    await db.stop();
  }

  const fullyEscalated = paths.fully_escalated;
  if (!fullyEscalated) throw new Error('the fully_escalated path did not run');
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
    },
    prices: PRICES,
    paths,
    bundles,
    ingestion,
    targets: checkTargets({
      fullyEscalated: {
        transitionsPerInvoice: fullyEscalated.transitionsPerInvoice,
        orchestrationUsdPer1000: fullyEscalated.costPer1000.orchestrationUsd,
      },
      bundles,
    }),
    warnings,
    method: METHOD,
  };
  const file = join(BENCH_DIR, 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(renderReport(results));
  console.log(`\nWritten to ${file} in ${results.durationSeconds} s.`);
  for (const warning of warnings) console.error(`warning: ${warning}`);
}

/** The last lines the local clouds logged, shown when the bench fails. */
const cloudLog: string[] = [];
function remember(line: string): void {
  cloudLog.push(line);
  if (cloudLog.length > 40) cloudLog.shift();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);

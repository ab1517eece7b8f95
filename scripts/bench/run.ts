import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTIONS } from '../../functions/catalogue';
import { startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local';
import { parseBenchOptions, type Section } from './bench-options';
import { startCapacityProxy } from './capacity-proxy';
import { measureColdStart } from './cold-start';
import { measureIngestion } from './ingestion';
import { InvocationMeter } from './invocation-meter';
import { type LocalMemoryResult, localMemorySection, measureLocalMemory } from './local-memory';
import { measureMemorySweep, memorySweepSection, type MemorySweepResult } from './memory-sweep';
import { pathGroups } from './invoice-paths';
import { METHOD } from './method';
import { runPathGroup } from './path-run';
import { PRICES } from './prices';
import { ProgressBar } from './progress-bar';
import { renderReport } from './report';
import type { BenchResults, BundleResult, PathResult } from './results';
import { measureSweep } from './sweep-scale';
import { measureReports } from './reports-scale';
import { checkTargets } from './targets';
import { measureWorklistReads } from './worklist-reads';

// Before any SDK client or handler exists: Lambda runs Node 22, so the SDK's notice about this
// machine's Node 20 is noise, and handler warnings would break the progress line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_DIR = join(PROJECT_ROOT, '.bench');
const RESULTS_FILE = join(BENCH_DIR, 'results.json');
/** Invoices per path group: stable per-invoice figures within the ten-minute budget. */
const GROUP_SIZES = { perPath: 30, mix: 100 };
/** The function construct's default (lib/constructs/lambda-function.ts), when no synth ran. */
const DEFAULT_MEMORY_MB = 512;
/** The portfolio reports must read as much at the smaller portfolio as at the larger. */
const REPORT_INVOICES = [1_000, 20_000];

/** The results with the memory sections, which report.ts does not print (this file does). */
type Results = BenchResults & { memory?: MemorySweepResult; localMemory?: LocalMemoryResult };
type Measured = Partial<Results> & { measuredAt: BenchResults['measuredAt'] };

/**
 * `npm run bench`: cost per invoice per path on the local cloud, cold start of every Lambda
 * bundle, webhook ingestion and the daily sweep at scale; prints tables and writes
 * .bench/results.json. `--only` measures some sections and keeps the others from the file.
 */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const measure = (section: Section) => options.sections.has(section);
  const startedAt = Date.now();
  const progress = new ProgressBar();
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
  };
  mkdirSync(BENCH_DIR, { recursive: true });
  const now = new Date().toISOString();
  const measured: Measured = { measuredAt: {} };

  const bundles = measure('bundles') ? await measureColdStart(PROJECT_ROOT, BENCH_DIR, progress) : undefined;
  if (bundles) Object.assign(measured, { bundles, measuredAt: { ...measured.measuredAt, bundles: now } });
  const memoryMb = (name: string) => {
    if (bundles) {
      const bundle = bundles[name];
      if (!bundle) throw new Error(`cdk synth produced no function named ${name}`);
      return bundle.memoryMb;
    }
    return FUNCTIONS.find((spec) => spec.name === name)?.memoryMb ?? DEFAULT_MEMORY_MB;
  };

  // First, before the bench's own DynamoDB Local starts: nothing else of the bench runs beside it.
  if (measure('local-memory')) {
    measured.localMemory = await measureLocalMemory(PROJECT_ROOT, BENCH_DIR, progress, remember);
    measured.measuredAt['local-memory'] = now;
  }

  const db = await startDynamoDbLocal();
  const dynamodb = await startCapacityProxy(db.endpoint);
  try {
    if (measure('paths')) {
      const paths: Record<string, PathResult> = {};
      const meter = new InvocationMeter();
      const groups = pathGroups(GROUP_SIZES).filter((g) => !options.paths || options.paths.includes(g.name));
      if (groups.length === 0) throw new Error(`no path group named ${options.paths?.join(', ')}`);
      for (const group of groups) {
        paths[group.name] = await runPathGroup(group, {
          dynamodb,
          meter,
          memoryMb,
          progress,
          log: remember,
          warn,
        });
      }
      measured.paths = paths;
      measured.measuredAt.paths = now;
    }
    if (measure('ingestion')) {
      measured.ingestion = await measureIngestion(dynamodb, options.ingestionCount, progress, remember);
      measured.measuredAt.ingestion = now;
    }
    if (measure('sweep')) {
      measured.sweep = {};
      for (const count of options.sweepInvoices) {
        measured.sweep[String(count)] = await measureSweep(count, dynamodb, progress);
      }
      measured.measuredAt.sweep = now;
    }
    if (measure('worklist')) {
      const largest = Math.max(...options.worklistDebtors);
      const smallest = Math.min(...options.worklistDebtors);
      measured.worklist = await measureWorklistReads(
        [
          ...options.worklistDebtors.map((ownerDebtors) => ({ ownerDebtors, otherDebtors: 0 })),
          // The smallest list in a book as large as the largest: what the reads grow with.
          ...(largest > smallest ? [{ ownerDebtors: smallest, otherDebtors: largest - smallest }] : []),
        ],
        dynamodb,
        progress,
      );
      measured.measuredAt.worklist = now;
    }
    if (measure('reports')) {
      measured.reports = {};
      for (const count of REPORT_INVOICES) {
        measured.reports[String(count)] = await measureReports(count, dynamodb, progress);
      }
      measured.measuredAt.reports = now;
    }
    if (measure('memory')) {
      measured.memory = await measureMemorySweep({
        projectRoot: PROJECT_ROOT,
        benchDir: BENCH_DIR,
        dynamodbEndpoint: db.endpoint,
        progress,
        log: remember,
        warn,
        synthesized: bundles !== undefined,
      });
      measured.measuredAt.memory = now;
    }
  } finally {
    await dynamodb.stop();
    await db.stop();
  }

  const results = merged(previousResults(), measured, {
    generatedAt: now,
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    warnings,
  });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(renderReport(results, options.sections));
  if (measure('memory')) console.log(`\n${memorySweepSection(results.memory)}`);
  if (measure('local-memory')) console.log(`\n${localMemorySection(results.localMemory)}`);
  console.log(`\nWritten to ${RESULTS_FILE} in ${results.durationSeconds} s.`);
  for (const warning of warnings) console.error(`warning: ${warning}`);
}

function previousResults(): Partial<Results> {
  if (!existsSync(RESULTS_FILE)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Partial<Results>;
  } catch {
    return {};
  }
}

/** This run's sections over the last file's: a path group or a sweep size replaces its own entry only. */
function merged(
  previous: Partial<Results>,
  measured: Measured,
  run: Pick<BenchResults, 'generatedAt' | 'durationSeconds' | 'warnings'>,
): Results {
  const paths = { ...previous.paths, ...measured.paths };
  const bundles: Record<string, BundleResult> | undefined = measured.bundles ?? previous.bundles;
  const fullyEscalated = paths.fully_escalated;
  const sweep = measured.sweep || previous.sweep ? { ...previous.sweep, ...measured.sweep } : undefined;
  const ingestion = measured.ingestion ?? previous.ingestion;
  const worklist =
    measured.worklist || previous.worklist ? { ...previous.worklist, ...measured.worklist } : undefined;
  const reports = measured.reports ?? previous.reports;
  const memory = measured.memory ?? previous.memory;
  const localMemory = measured.localMemory ?? previous.localMemory;
  return {
    ...run,
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
    },
    prices: PRICES,
    measuredAt: { ...previous.measuredAt, ...measured.measuredAt },
    paths,
    ...(bundles ? { bundles } : {}),
    ...(ingestion ? { ingestion } : {}),
    ...(sweep ? { sweep } : {}),
    ...(worklist ? { worklist } : {}),
    ...(reports ? { reports } : {}),
    ...(memory ? { memory } : {}),
    ...(localMemory ? { localMemory } : {}),
    targets:
      fullyEscalated && bundles
        ? checkTargets({
            fullyEscalated: {
              transitionsPerInvoice: fullyEscalated.transitionsPerInvoice,
              orchestrationUsdPer1000: fullyEscalated.costPer1000.orchestrationUsd,
            },
            bundles,
          })
        : (previous.targets ?? []),
    method: METHOD,
  };
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

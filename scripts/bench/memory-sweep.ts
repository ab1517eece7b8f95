import { join } from 'node:path';
import { FUNCTIONS } from '../../functions/catalogue';
import type { CapacityProxy } from './capacity-proxy';
import { residentAfterImportMb } from './memory-footprint';
import { MemoryMeter, type MeasuredInvocation } from './memory-meter';
import { measureReadRequests } from './memory-requests';
import { balancedSize, MEMORY_HEADROOM, type SizeEstimate, SWEPT_SIZES_MB, sweepSizes } from './memory-model';
import { pathGroups } from './invoice-paths';
import { runPathGroup } from './path-run';
import { PRICES } from './prices';
import type { ProgressBar } from './progress-bar';
import { median } from './statistics';
import { findBundles, synthesize } from './synthesized-bundles';
import { textTable } from './text-table';

/**
 * The path groups whose invocations are the sweep's representative events: between them every
 * dunning step, the SES events, the daily sweep, a promise and a payment plan with its checks.
 */
const GROUPS = ['fully_escalated', 'promise_broken', 'payment_plan'];
/** Invoices per group: each arrives on a day of its own, so that few invocations overlap. */
const INVOICES_PER_GROUP = 5;
/** The function construct's default (lib/constructs/lambda-function.ts). */
const DEFAULT_MEMORY_MB = 512;

export interface MemorySweepFunction {
  invocations: number;
  /** Invocations during which no other handler ran: their CPU times are the ones used. */
  aloneInvocations: number;
  /** Median CPU time and median wait (wall − CPU) per invocation, ms. */
  cpuMs: number;
  waitMs: number;
  /** A fresh Node process with the function's bundle imported. */
  residentAfterImportMb: number;
  /** The largest growth of the heap in use over one invocation. */
  heapGrowthMb: number;
  /** residentAfterImportMb + heapGrowthMb; a size must be at least this × the headroom. */
  memoryUsedMb: number;
  sizes: SizeEstimate[];
  /** The balanced size; null when no swept size holds the function. */
  chosenMb: number | null;
  /** The size the function had when measured. */
  configuredMb: number;
}

export interface MemorySweepResult {
  groups: string[];
  invoicesPerGroup: number;
  sizesMb: number[];
  headroom: number;
  functions: Record<string, MemorySweepFunction>;
  /** Catalogue functions neither the groups nor the reads invoke: no representative event, so not swept. */
  notInvoked: string[];
}

export interface MemorySweepContext {
  projectRoot: string;
  benchDir: string;
  /** DynamoDB Local itself: the capacity proxy's work would count as the handlers' CPU time. */
  dynamodbEndpoint: string;
  progress: ProgressBar;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** The bundles section synthesized into `<benchDir>/cdk.out` in this run: no second synth. */
  synthesized: boolean;
}

/**
 * `--only memory`: runs the representative path groups and the API's reads (memory-requests.ts) on
 * the local cloud with every invocation's CPU and wall time measured in-process, sizes each function's memory use from a fresh import of
 * its bundle plus an invocation's heap growth, and prices each swept size by the model of
 * memory-model.ts, as AWS Lambda Power Tuning would on Lambda itself.
 */
export async function measureMemorySweep(context: MemorySweepContext): Promise<MemorySweepResult> {
  const meter = new MemoryMeter();
  const dynamodb = directly(context.dynamodbEndpoint);
  const configured = (name: string) =>
    FUNCTIONS.find((spec) => spec.name === name)?.memoryMb ?? DEFAULT_MEMORY_MB;
  const groups = pathGroups({ perPath: INVOICES_PER_GROUP, mix: 0 }).filter((g) => GROUPS.includes(g.name));
  const measured = new Map<string, MeasuredInvocation[]>();
  // Each run resets the meter after its warm-up: keep every run's measures.
  const keep = () => {
    for (const [name, list] of meter.invocationsMeasured()) {
      measured.set(name, [...(measured.get(name) ?? []), ...list]);
    }
  };
  for (const group of groups) {
    await runPathGroup(
      { ...group, name: `memory-${group.name}` },
      {
        dynamodb,
        meter,
        memoryMb: configured,
        progress: context.progress,
        log: context.log,
        warn: context.warn,
      },
    );
    keep();
  }
  await measureReadRequests(dynamodb, meter, context.progress, context.warn);
  keep();

  const outDir = join(context.benchDir, 'cdk.out');
  if (!context.synthesized) {
    context.progress.start('memory · cdk synth', 1, 'synth');
    await synthesize(context.projectRoot, outDir);
    context.progress.finish('bundles synthesized');
  }
  const bundles = new Map(findBundles(outDir).map((bundle) => [bundle.name, bundle]));

  const functions: Record<string, MemorySweepFunction> = {};
  context.progress.start('memory · bundle footprints', measured.size, 'functions');
  for (const [name, list] of [...measured].sort(([a], [b]) => a.localeCompare(b))) {
    const bundle = bundles.get(name);
    if (!bundle) throw new Error(`cdk synth produced no function named ${name}`);
    const alone = list.filter((invocation) => invocation.alone);
    if (alone.length === 0)
      context.warn(`memory: every invocation of ${name} overlapped another; CPU from all`);
    const basis = alone.length > 0 ? alone : list;
    const resident = await residentAfterImportMb(bundle);
    const heapGrowthMb = Math.max(...list.map((invocation) => invocation.heapGrowthMb));
    const profile = {
      cpuMs: median(basis.map((invocation) => invocation.cpuMs)),
      waitMs: median(basis.map((invocation) => Math.max(0, invocation.wallMs - invocation.cpuMs))),
      memoryUsedMb: resident + heapGrowthMb,
    };
    const sizes = sweepSizes(profile, PRICES);
    functions[name] = {
      invocations: list.length,
      aloneInvocations: alone.length,
      ...profile,
      residentAfterImportMb: resident,
      heapGrowthMb,
      sizes,
      chosenMb: balancedSize(sizes)?.memoryMb ?? null,
      configuredMb: configured(name),
    };
    context.progress.advance();
  }
  context.progress.finish(`${Object.keys(functions).length} functions swept`);
  return {
    groups: groups.map((group) => group.name),
    invoicesPerGroup: INVOICES_PER_GROUP,
    sizesMb: [...SWEPT_SIZES_MB],
    headroom: MEMORY_HEADROOM,
    functions,
    notInvoked: FUNCTIONS.map((spec) => spec.name).filter((name) => !measured.has(name)),
  };
}

const PER_MILLION = 1_000_000;

/** The sweep as a table: per function its CPU and wait, duration and cost at each size, and the choice. */
export function memorySweepSection(sweep: MemorySweepResult | undefined): string {
  if (!sweep) return '';
  const rows = Object.entries(sweep.functions).map(([name, f]) => [
    name,
    String(f.invocations),
    f.cpuMs.toFixed(1),
    f.waitMs.toFixed(1),
    f.memoryUsedMb.toFixed(0),
    ...f.sizes.map((size) =>
      size.tooSmall
        ? '(too small)'
        : `${size.durationMs.toFixed(0)} ms $${(size.costUsd * PER_MILLION).toFixed(2)}`,
    ),
    f.chosenMb === null ? 'none fits' : `${f.chosenMb} MB`,
  ]);
  return [
    `Memory sizes from a sweep — duration = CPU × max(1, 1769 / MB) + wait; cost per 1M invocations, arm64, ${PRICES.region}; the balanced size: cheapest within 10% of the fastest, at least ${sweep.headroom}× the memory used`,
    textTable(
      [
        'function',
        'calls',
        'CPU ms',
        'wait ms',
        'used MB',
        ...sweep.sizesMb.map((mb) => `${mb} MB`),
        'chosen',
      ],
      rows,
    ),
    `Path groups: ${sweep.groups.join(', ')} (${sweep.invoicesPerGroup} invoices each), and the API's reads. Not invoked there, so not swept (the construct's default applies): ${sweep.notInvoked.join(', ')}.`,
  ].join('\n');
}

/**
 * DynamoDB Local without the capacity proxy, in the proxy's shape for runPathGroup: the proxy runs in
 * this process, so its parsing of every answer would count as CPU time of the handler that waits
 * for it. The sweep does not use the path figures, whose units then read zero.
 */
function directly(endpoint: string): CapacityProxy {
  return {
    url: endpoint,
    units: { read: 0, write: 0 },
    byOperation: {},
    timeByOperation: {},
    reset: () => {},
    stop: async () => {},
  };
}

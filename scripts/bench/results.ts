import type { FirstAnswer } from './first-answer';
import type { Section } from './bench-options';
import type { CapacityUnits } from './consumed-capacity';
import type { PriceTable } from './prices';
import type { CostPer1000 } from './pricing';
import type { SweepScaleResult } from './sweep-scale';
import type { WorklistReadsResult } from './worklist-reads';
import type { ReportsScaleResult } from './reports-scale';
import type { TargetCheck } from './targets';

/** One path group: totals divided by the group's invoices. */
export interface PathResult {
  description: string;
  invoices: number;
  /** How the group's executions ended, e.g. { SUCCEEDED: 30 }; any FAILED means a broken run. */
  executionEndStates: Record<string, number>;
  transitionsPerInvoice: number;
  lambdaInvocationsPerInvoice: number;
  dynamodbReadUnitsPerInvoice: number;
  dynamodbWriteUnitsPerInvoice: number;
  emailsPerInvoice: number;
  snsPublishesPerInvoice: number;
  apiRequestsPerInvoice: number;
  lambdaGbSecondsPerInvoice: number;
  emailAttachmentBytesPerInvoice: number;
  lambdaInvocationsPerInvoiceByFunction: Record<string, number>;
  /** Median wall time of the handler body in-process, the basis of the Lambda duration estimate. */
  handlerMedianMsByFunction: Record<string, number>;
  dynamodbUnitsPerInvoiceByOperation: Record<string, CapacityUnits>;
  costPer1000: CostPer1000;
}

export interface BundleResult {
  /**
   * Size of the bundle's code: index.mjs, which Lambda loads, and every chunk esbuild split off,
   * loaded with it or through `import()` (the .map files are read only for stack traces).
   */
  bytes: number;
  /** Size of index.mjs alone; absent in the results of runs before the bundles were split. */
  entryBytes?: number;
  /** Median wall time of a fresh `node` process that imports the bundle and exits; null when the import throws. */
  importMs: number | null;
  /** The same for an empty handler, measured in the same rounds. */
  baselineImportMs: number;
  importRatio: number | null;
  /** Median time of the `import()` alone, measured inside the fresh process. */
  moduleLoadMs: number | null;
  baselineModuleLoadMs: number;
  /** Median CPU time of the fresh process up to the end of the import; little moved by a busy machine. */
  cpuMs: number | null;
  baselineCpuMs: number;
  /** cpuMs ÷ the empty handler's: the work of the import, where importRatio also counts waiting. */
  cpuRatio: number | null;
  /** Sockets opened and DNS look-ups made while the bundle was imported: 0 unless module scope calls a service. */
  connectionsAtLoad: number | null;
  /** What the import threw: every cold start of this function would fail. */
  importError?: string;
  /** The AWS SDK packages the bundle imports statically from the runtime: none, as the SDK is bundled. */
  sdkPackages: string[];
  /** The service ids of the SDK clients bundled into it (credential clients included). */
  sdkClients: string[];
  /** Whether Powertools' tracer is in the bundle (functions/shared/tracing.ts). */
  tracer: boolean;
  /** A cold start up to the answer of one GET request, for the functions that serve one (first-answer.ts). */
  firstAnswer?: FirstAnswer;
  memoryMb: number;
  asset: string;
}

export interface IngestionResult {
  concurrency: number;
  requests: number;
  accepted: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  debtors: number;
  /** Executions of the accepted invoices divided by the accepted invoices: 1 when all is well. */
  executionsPerInvoice: number;
  invoicesWithExactlyOneExecution: number;
  everyInvoiceHasExactlyOneExecution: boolean;
  /** The webhook handler's time, summed over the requests (inside the Powertools middlewares). */
  handlerMs?: number;
  /** Calls and summed time of each part: DynamoDB's as answered on the wire, the others in-process. */
  parts?: Record<string, { calls: number; ms: number }>;
  /** Each part's time ÷ handlerMs; rest is the intake's own work and waiting for the event loop. */
  shareOfHandlerTime?: Record<string, number>;
  /** DynamoDB reads (GetItem, Query) per request, as the handler made them. */
  readsPerRequest?: number;
  /** Each DynamoDB call the handler made, by operation and the kind of item (`GetItem DELIVERY`). */
  dynamodbCalls?: Record<string, { calls: number; ms: number }>;
}

export interface BenchResults {
  generatedAt: string;
  durationSeconds: number;
  machine: { node: string; platform: string; cpus: number; cpuModel: string };
  prices: PriceTable;
  /** When each section was last measured: a run with --only keeps the other sections of the file. */
  measuredAt: Partial<Record<Section, string>>;
  paths: Record<string, PathResult>;
  bundles?: Record<string, BundleResult>;
  ingestion?: IngestionResult;
  /** The daily sweep, by the number of due invoices. */
  sweep?: Record<string, SweepScaleResult>;
  /** The worklist of one controller, by the number of their debtors (`200+1800`: among a colleague's). */
  worklist?: Record<string, WorklistReadsResult>;
  /** The portfolio reports' reads, by the number of invoices. */
  reports?: Record<string, ReportsScaleResult>;
  targets: TargetCheck[];
  /** Things that went wrong without stopping the bench, e.g. executions that failed. */
  warnings: string[];
  method: Record<string, string>;
}

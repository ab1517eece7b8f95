import type { Section } from './bench-options';
import type { BenchResults, PathResult } from './results';
import type { SweepPass } from './sweep-scale';
import { textTable } from './text-table';
import { worklistSection } from './worklist-reads';
import { ingestionSection } from './ingestion-report';

const fixed = (digits: number) => (value: number | null) => (value === null ? '—' : value.toFixed(digits));
const count = fixed(2);
const usd = fixed(4);
const ms = fixed(0);

/** The report on stdout: the sections this run measured, and the targets, as tables. */
export function renderReport(results: BenchResults, sections: ReadonlySet<Section>): string {
  return [
    sections.has('paths') ? pathsSection(results) : '',
    sections.has('bundles') ? bundlesSection(results) : '',
    sections.has('ingestion') ? ingestionSection(results.ingestion) : '',
    sections.has('sweep') ? sweepSection(results) : '',
    sections.has('worklist') ? worklistSection(results.worklist) : '',
    sections.has('reports') ? reportsSection(results) : '',
    results.targets.length ? targetsSection(results) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function pathsSection({ paths, prices }: BenchResults): string {
  const names = Object.keys(paths);
  const row = (label: string, value: (p: PathResult) => string) => [
    label,
    ...names.map((name) => value(paths[name] as PathResult)),
  ];
  const cost = (p: PathResult) => p.costPer1000;
  return [
    `1. Cost per invoice, per path — business-standard policy; ${prices.region} list prices read ${prices.readOn}, USD`,
    textTable(
      ['', ...names],
      [
        row('invoices', (p) => String(p.invoices)),
        row('state transitions / invoice', (p) => count(p.transitionsPerInvoice)),
        row('Lambda invocations / invoice', (p) => count(p.lambdaInvocationsPerInvoice)),
        row('DynamoDB read units / invoice', (p) => count(p.dynamodbReadUnitsPerInvoice)),
        row('DynamoDB write units / invoice', (p) => count(p.dynamodbWriteUnitsPerInvoice)),
        row('emails / invoice', (p) => count(p.emailsPerInvoice)),
        row('SNS publishes / invoice', (p) => count(p.snsPublishesPerInvoice)),
        row('per 1,000: orchestration', (p) => usd(cost(p).orchestrationUsd)),
        row('  Step Functions', (p) => usd(cost(p).breakdown.stepFunctionsUsd)),
        row('  Lambda requests', (p) => usd(cost(p).breakdown.lambdaRequestsUsd)),
        row('  Lambda duration (estimate)', (p) => usd(cost(p).breakdown.lambdaDurationUsd)),
        row('  DynamoDB', (p) => usd(cost(p).breakdown.dynamodbUsd)),
        row('per 1,000: messages', (p) => usd(cost(p).messagesUsd)),
        row('  SES', (p) => usd(cost(p).breakdown.sesUsd)),
        row('  SNS', (p) => usd(cost(p).breakdown.snsUsd)),
        row('per 1,000: total', (p) => usd(cost(p).totalUsd)),
        row('(API Gateway, not in total)', (p) => usd(cost(p).apiGatewayUsd)),
        row('executions ended', (p) =>
          Object.entries(p.executionEndStates)
            .map(([status, n]) => `${n} ${status.toLowerCase()}`)
            .join(', '),
        ),
      ],
    ),
  ].join('\n');
}

function bundlesSection({ bundles = {} }: BenchResults): string {
  const first = Object.values(bundles)[0];
  const baseline = first
    ? `${first.baselineImportMs.toFixed(0)} ms (CPU ${first.baselineCpuMs.toFixed(0)} ms)`
    : '—';
  return [
    `2. Cold start — fresh Node process importing the bundle, median; empty handler ${baseline}`,
    textTable(
      [
        'function',
        'KB',
        'entry KB',
        'CPU ms',
        'CPU × empty',
        'wall ms',
        'wall × empty',
        'calls at load',
        'first answer CPU ms',
        'first answer × empty',
        'tracer',
        'SDK clients bundled',
      ],
      Object.entries(bundles).map(([name, b]) => [
        name,
        (b.bytes / 1000).toFixed(0),
        b.entryBytes === undefined ? '—' : (b.entryBytes / 1000).toFixed(0),
        ms(b.cpuMs),
        b.cpuRatio === null ? `fails: ${b.importError ?? ''}` : b.cpuRatio.toFixed(1),
        ms(b.importMs),
        b.importRatio === null ? '—' : b.importRatio.toFixed(1),
        b.connectionsAtLoad === null || b.connectionsAtLoad === undefined ? '—' : String(b.connectionsAtLoad),
        b.firstAnswer ? `${ms(b.firstAnswer.cpuMs)} (${b.firstAnswer.status ?? '—'})` : '—',
        b.firstAnswer ? b.firstAnswer.cpuRatio.toFixed(1) : '—',
        b.tracer ? 'yes' : 'no',
        b.sdkPackages.length ? `runtime: ${b.sdkPackages.join(' ')}` : b.sdkClients.join(' '),
      ]),
    ),
  ].join('\n');
}

function sweepSection({ sweep = {} }: BenchResults): string {
  const rows = Object.values(sweep).flatMap((r) =>
    (
      [
        [`${(r.fallingDue ?? r.invoices).toLocaleString('en')} fell due`, r.fellDue],
        ['next day', r.nextDay],
      ] as const
    ).map(([day, p]: readonly [string, SweepPass]) => [
      r.invoices.toLocaleString('en'),
      day,
      p.ranges === undefined ? '—' : String(p.ranges),
      p.planSeconds === undefined ? '—' : p.planSeconds.toFixed(1),
      String(p.pages),
      String(p.started),
      p.wallSeconds.toFixed(1),
      p.cpuSeconds.toFixed(1),
      p.invoicesPerSecond.toFixed(0),
      p.startsPerSecond.toFixed(0),
      `${p.dynamodbPerInvoice.read.toFixed(2)} / ${p.dynamodbPerInvoice.write.toFixed(2)}`,
      `${p.dynamodb.read.toFixed(0)} / ${p.dynamodb.write.toFixed(0)}`,
    ]),
  );
  const first = Object.values(sweep)[0];
  return [
    `4. Daily sweep — DynamoDB Local, ranges of ${first?.rangeSize ?? '—'} swept ${first?.workers ?? '—'} at once, pages of ${first?.pageSize ?? '—'}, ${first?.concurrency ?? '—'} invoices at once per range; StartExecution answered at once`,
    textTable(
      [
        'due invoices',
        'day',
        'ranges',
        'plan s',
        'pages',
        'started',
        'wall s',
        'CPU s',
        'invoices/s',
        'starts/s',
        'RCU / WCU per invoice',
        'RCU / WCU',
      ],
      rows,
    ),
  ].join('\n');
}

function reportsSection({ reports = {} }: BenchResults): string {
  const rows = Object.values(reports).flatMap((r) =>
    (
      [
        ['GET /reports/portfolio', r.portfolio],
        ['GET /reports/portfolio/history (90 days)', r.history],
      ] as const
    ).map(([route, read]) => [
      route,
      r.invoices.toLocaleString('en'),
      String(read.calls),
      read.dynamodb.read.toFixed(1),
    ]),
  );
  return [
    '5. Portfolio reports — DynamoDB Local; the reads of one report, whatever the number of invoices',
    textTable(['report', 'invoices', 'DynamoDB calls', 'RCU'], rows),
  ].join('\n');
}

function targetsSection({ targets }: BenchResults): string {
  const met = targets.filter((t) => t.met).length;
  const names = [...new Set(targets.map((t) => t.target))];
  const rows = names.map((name) => {
    const checks = targets.filter((t) => t.target === name);
    // Per-bundle targets in one line: how many met, and the highest figure (among the misses, if any).
    const missed = checks.filter((t) => !t.met);
    const worst = (missed.length ? missed : checks).reduce((a, b) =>
      (b.measured ?? Number.POSITIVE_INFINITY) > (a.measured ?? Number.POSITIVE_INFINITY) ? b : a,
    );
    const perBundle = worst.subject !== undefined;
    return [
      perBundle ? `${checks.filter((t) => t.met).length}/${checks.length} met` : worst.met ? 'met' : 'MISSED',
      name,
      `${worst.limit} ${worst.unit}`,
      `${worst.measured === null || worst.measured === undefined ? '—' : `${round(worst.measured)} ${worst.unit}`}${perBundle ? ` (${missed.length ? 'worst' : 'highest'}: ${worst.subject})` : ''}`,
      worst.note ??
        (worst.missedBy
          ? `${round(worst.missedBy.amount)} ${worst.unit} (${worst.missedBy.percent.toFixed(0)}%)`
          : ''),
    ];
  });
  return [
    `Targets — ${met} of ${targets.length} checks met (every check in results.json)`,
    textTable(['', 'target', 'limit', 'measured', 'missed by'], rows, 2),
  ].join('\n');
}

/** Enough digits for the figure's size: 0.3412 USD, 13 transitions, 319590 bytes. */
function round(value: number): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(4);
}

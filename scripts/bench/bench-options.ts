/** What `npm run bench -- …` asks for. */
export type Section =
  'paths' | 'bundles' | 'ingestion' | 'sweep' | 'worklist' | 'reports' | 'memory' | 'local-memory';

const SECTIONS: readonly Section[] = [
  'paths',
  'bundles',
  'ingestion',
  'sweep',
  'worklist',
  'reports',
  'memory',
  'local-memory',
];

export interface BenchOptions {
  sections: ReadonlySet<Section>;
  /** Path groups to run (invoice-paths.ts names); all when absent. */
  paths?: readonly string[];
  /** Due invoices per sweep measure. */
  sweepInvoices: readonly number[];
  /** invoice.created events the ingestion measure posts. */
  ingestionCount: number;
  /** Debtors of the one controller per worklist measure. */
  worklistDebtors: readonly number[];
}

const USAGE = `npm run bench [-- options]
  --only <sections>       comma-separated: ${SECTIONS.join(', ')} (default: all); the figures of the
                          others stay in .bench/results.json from the last run that measured them
  --path <names>          path groups to run, e.g. fully_escalated (implies --only paths unless given)
  --sweep-invoices <n,…>  due invoices per sweep measure (default 20000,100000)
  --count <n>             events the ingestion measure posts (default 10000)
  --worklist-debtors <n,…> debtors of one controller per worklist measure (default 200,2000; and
                          200 among 2,000 of the book)`;

/** Parses the bench's arguments; throws with the usage on anything it does not know. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let only: Section[] | undefined;
  let paths: string[] | undefined;
  let sweepInvoices: number[] = [20_000, 100_000];
  let ingestionCount = 10_000;
  let worklistDebtors: number[] = [200, 2_000];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    i += 1;
    const list = value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    switch (flag) {
      case '--only':
        only = list.map((name) => {
          if (!SECTIONS.includes(name as Section)) throw new Error(`unknown section ${name}\n${USAGE}`);
          return name as Section;
        });
        break;
      case '--path':
        paths = list;
        break;
      case '--sweep-invoices':
        sweepInvoices = list.map((n) => positive(flag, n));
        break;
      case '--count':
        ingestionCount = positive(flag, value);
        break;
      case '--worklist-debtors':
        worklistDebtors = list.map((n) => positive(flag, n));
        break;
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  const sections = new Set<Section>(only ?? (paths ? ['paths'] : SECTIONS));
  return { sections, ...(paths ? { paths } : {}), sweepInvoices, ingestionCount, worklistDebtors };
}

function positive(flag: string, value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes whole numbers above 0, not ${value}`);
  return n;
}

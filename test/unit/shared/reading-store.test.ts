import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

/** What the writing store adds to the table at each commit: the reports' bookkeeping and the actors' names. */
const WRITE_DECORATORS = [
  'functions/use-cases/reports/report-counters.ts',
  'functions/use-cases/reports/portfolio-ledger.ts',
  'functions/use-cases/reports/overdue-movements.ts',
  'functions/shared/dependencies/actor-naming-store.ts',
  'functions/core/reports/fact-counters.ts',
];

describe('the store of a function that only reads its table', () => {
  // Three of the functions whose catalogue need is `table: 'read'`: a setting, a list, a timeline.
  it.each(['get-rates', 'list-tasks', 'get-debtor-timeline'])(
    'a function that only reads its table (%s) loads none of the store’s write decorators at cold start',
    async (name) => {
      const loaded = modulesLoadedAtStart(await bundleOf(name));

      expect(loaded).toContain('functions/adapters/dynamodb/dynamodb-credit-store.ts');
      expect(loaded.filter((input) => WRITE_DECORATORS.includes(input))).toEqual([]);
    },
    30_000,
  );

  it('a function whose route parses no request loads no zod at cold start', async () => {
    // GET /rates has no request schema; the table's name is checked without it.
    const metafile = await bundleOf('get-rates');

    expect(modulesLoadedAtStart(metafile).filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
  }, 30_000);

  it('leaves the write decorators in the functions that write', async () => {
    const loaded = modulesLoadedAtStart(await bundleOf('put-rates'));

    expect(WRITE_DECORATORS.filter((input) => !loaded.includes(input))).toEqual([]);
  }, 30_000);
});

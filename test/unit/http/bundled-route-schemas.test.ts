import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, loadedAtStart } from '../../support/cold-start-bundle';

describe('a function’s bundle', () => {
  let metafile: Metafile;
  beforeAll(async () => {
    metafile = await bundleOf('get-invoice');
  });

  it('puts the modules reached only through import(), a route’s request schemas among them, in chunks a cold start does not load', () => {
    const loaded = loadedAtStart(metafile);
    const outputOf = (input: string) =>
      Object.keys(metafile.outputs).find((file) => input in (metafile.outputs[file]?.inputs ?? {}));
    const schemaModules = Object.keys(metafile.inputs).filter((input) =>
      input.startsWith('functions/api/schemas/'),
    );

    expect(schemaModules).toContain('functions/api/schemas/id-path.ts');
    for (const input of schemaModules) {
      const output = outputOf(input);
      expect(output, input).toMatch(/\/chunks\/[^/]+\.mjs$/);
      expect(loaded.has(output as string), `${input} is loaded at the start`).toBe(false);
    }
    // What every invocation needs is loaded at the start: the handler and the route table.
    expect(loaded.has(outputOf('functions/handlers/get-invoice.ts') as string)).toBe(true);
    expect(loaded.has(outputOf('functions/api/routes.ts') as string)).toBe(true);
  });
});

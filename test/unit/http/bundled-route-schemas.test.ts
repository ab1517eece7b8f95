import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, tracesCalls } from '../../../functions/catalogue';
import { BUNDLE_ENTRY, bundleOptions } from '../../../lib/bundle-options';

/** The metafile of a function's bundle, built with the stack's own options; nothing is written. */
async function bundleOf(name: string): Promise<Metafile> {
  const spec = FUNCTIONS.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no function ${name} in the catalogue`);
  const { metafile } = await build({
    ...bundleOptions(name, { traced: tracesCalls(spec.needs) }),
    outdir: join(tmpdir(), 'bundled-route-schemas'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return metafile;
}

/** The output files a cold start loads: the entry and what it imports statically, chunk to chunk. */
function loadedAtStart(metafile: Metafile): Set<string> {
  const entry = Object.keys(metafile.outputs).find((file) => file.endsWith(`/${BUNDLE_ENTRY}`));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry as string);
  return seen;
}

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

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { FUNCTIONS, tracesCalls } from '../../functions/catalogue';
import { BUNDLE_ENTRY, bundleOptions } from '../../lib/bundle-options';

/** The metafile of a function's bundle, built with the stack's own options; nothing is written. */
export async function bundleOf(name: string): Promise<Metafile> {
  const spec = FUNCTIONS.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no function ${name} in the catalogue`);
  const { metafile } = await build({
    ...bundleOptions(name, { traced: tracesCalls(spec.needs) }),
    outdir: join(tmpdir(), 'cold-start-bundle', name),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return metafile;
}

/** The output files a cold start loads: the entry and what it imports statically, chunk to chunk. */
export function loadedAtStart(metafile: Metafile): Set<string> {
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

/** The source modules (project files and packages' files) in the outputs a cold start loads. */
export function modulesLoadedAtStart(metafile: Metafile): string[] {
  return [...loadedAtStart(metafile)].flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));
}

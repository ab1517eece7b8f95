import { build, type Metafile } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { lazyRequest, requestSchemasOf } from '../../../functions/api/route-request';
import { idPath } from '../../../functions/api/schemas/id-path';

/** Every file that loading `entry` runs at once: its static imports, followed from file to file. */
async function staticallyLoaded(entry: string): Promise<string[]> {
  const { metafile } = (await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  })) as { metafile: Metafile };
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(Object.keys(metafile.inputs).find((file) => file.endsWith(entry)) as string);
  return [...seen];
}

describe('the route table builds a route’s request schemas on its first use', () => {
  it('loads no schema module when the route table loads', async () => {
    const loaded = await staticallyLoaded('functions/api/routes.ts');

    expect(loaded.filter((file) => file.includes('functions/api/schemas/'))).toEqual([]);
    expect(loaded).toContain('functions/api/special-routes.ts');
  });

  it('loads the schemas of a route once, when they are first asked for', async () => {
    const load = vi.fn(async () => ({ path: idPath }));
    const request = lazyRequest(load);
    expect(load).not.toHaveBeenCalled();

    const [first, second] = await Promise.all([requestSchemasOf({ request }), requestSchemasOf({ request })]);

    expect(first.path).toBe(idPath);
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('takes the schemas a route declares in place as they are, and none where it declares none', async () => {
    expect((await requestSchemasOf({ request: { path: idPath } })).path).toBe(idPath);
    expect(await requestSchemasOf({})).toEqual({});
  });
});

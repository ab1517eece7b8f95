import type { BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from './project-root';

/** The file Lambda loads (handler `index.handler`); its chunks sit beside it in `chunks/`. */
export const BUNDLE_ENTRY = 'index.mjs';

/** The environment of a function that does not trace; its bundle is built with the same values. */
export const UNTRACED_ENVIRONMENT: Readonly<Record<string, string>> = { POWERTOOLS_TRACE_ENABLED: 'false' };

/** Relative to the project root, where esbuild runs. */
const LAMBDA_CREDENTIALS = './functions/shared/lambda-credentials.ts';

/** Everything but where the files go: the caller adds `outdir` (and, in a test, `metafile`). */
export type BundleOptions = Omit<BuildOptions, 'outdir' | 'outfile'>;

/**
 * How the bundle of functions/handlers/<name>.ts is built, by the stack (lib/constructs/lambda-function.ts),
 * the bench and the tests alike. esbuild's code splitting: `index.mjs` holds what the handler
 * imports statically, and each module it reaches only through `import()` goes into a chunk of
 * its own (code both share into a chunk `index.mjs` imports), so a cold start neither reads nor
 * runs what only some invocations load. In one output file esbuild would keep those modules in
 * the file, wrapped, and the SDK core they share could no longer be tree-shaken.
 */
export function bundleOptions(name: string, { traced }: { traced: boolean }): BundleOptions {
  return {
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { index: `functions/handlers/${name}.ts` },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    mainFields: ['module', 'main'],
    // Packages that still call require() need it in an ES module; every chunk is a module of its own.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    minify: true,
    sourcemap: true,
    // Stack traces need the mappings, not a copy of the sources: a smaller zip.
    sourcesContent: false,
    // The AWS SDK clients go into the bundle, tree-shaken and minified, instead of being loaded
    // from the runtime's copy: a cold start then reads a few files instead of resolving hundreds
    // of modules, which halved the import time of the functions (docs/benchmarks.md). The price
    // is a bundle of up to ~900 KB and an SDK version pinned by package-lock.json, updated with
    // the project's dependencies rather than patched by AWS. One package is left out: bowser, which
    // only the SDK's browser user agent imports, through an `import()` in code that no Lambda runs.
    // esbuild drops that code, but code splitting makes a 34 KB chunk of every `import()` first.
    external: ['bowser'],
    // Lambda gives the role's credentials in environment variables; the SDK's default chain of
    // providers would add four SDK clients that can never answer there.
    alias: { '@aws-sdk/credential-provider-node': LAMBDA_CREDENTIALS },
    // The same value as the environment, so that esbuild drops the tracer's import.
    define: traced
      ? {}
      : Object.fromEntries(
          Object.entries(UNTRACED_ENVIRONMENT).map(([variable, value]) => [
            `process.env.${variable}`,
            JSON.stringify(value),
          ]),
        ),
    logLevel: 'warning',
  };
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../functions/shared/observability';
import { withPowertools } from '../../../functions/shared/powertools-chain';
import { mapErrorStacks, sourceMappedStack } from '../../../functions/shared/source-mapped-stack';
import { StepDeferredError } from '../../../functions/use-cases/steps/step-deferred';
import { lambdaContext } from '../../../local/api/lambda-context';

/** Line 3 throws, line 7 calls it: what a mapped stack must name. */
const REFUSAL = `export function refuse(invoiceId: string): never {
  const reason: string = \`invoice \${invoiceId} is closed\`;
  throw new Error(reason);
}

export function collect(invoiceId: string): never {
  return refuse(invoiceId);
}

export function collectAgain(invoiceId: string): never {
  try {
    collect(invoiceId);
  } catch (cause) {
    throw new Error('collection failed', { cause });
  }
}
`;

/** An entry that loads the refusal on first use: with code splitting, the refusal is in a chunk. */
const LAZY_ENTRY = `export async function collectLater(invoiceId: string): Promise<never> {
  const { collect } = await import('./refusal');
  return collect(invoiceId);
}
`;

interface Refusal {
  collect(invoiceId: string): never;
  collectAgain(invoiceId: string): never;
}

let workspace: string;

/**
 * Node's own loader, as in Lambda (require() of an ES module): vitest's import would transform the
 * bundle and map its stacks itself.
 */
const nativeRequire = createRequire(import.meta.url);

/**
 * The module bundled as the functions are (one minified ES module, a map beside it without the
 * sources' text), under `out/<folder>/index.mjs`, and imported. Each folder is its own module, so
 * that a map written for one test is never the one another test has read.
 */
/** Minified, with a map that holds no sources: as the stack bundles the functions. */
const AS_THE_STACK_BUNDLES = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'error',
} as const;

async function bundled(folder: string, map: (path: string) => void = () => {}): Promise<Refusal> {
  const outfile = join(workspace, 'out', folder, 'index.mjs');
  await build({
    entryPoints: [join(workspace, 'functions', 'use-cases', 'refusal.ts')],
    outfile,
    ...AS_THE_STACK_BUNDLES,
  });
  map(`${outfile}.map`);
  return nativeRequire(outfile) as Refusal;
}

function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'source-mapped-stack-'));
  mkdirSync(join(workspace, 'functions', 'use-cases'), { recursive: true });
  writeFileSync(join(workspace, 'functions', 'use-cases', 'refusal.ts'), REFUSAL);
  writeFileSync(join(workspace, 'functions', 'use-cases', 'lazy-entry.ts'), LAZY_ENTRY);
});

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a stack trace mapped on demand', () => {
  it('names the TypeScript source, line and column of each frame of a bundle with a map beside it, and the function called from the same file', async () => {
    const refusal = await bundled('mapped');
    const error = thrownBy(() => refusal.collect('inv-1'));
    expect(error.stack).toContain('index.mjs:1:');

    const frames = sourceMappedStack(error.stack!).split('\n');

    expect(frames[0]).toBe('Error: invoice inv-1 is closed');
    expect(frames[1]).toBe('    at refuse (functions/use-cases/refusal.ts:3:9)');
    expect(frames[2]).toMatch(/^ {4}at \S+ \(functions\/use-cases\/refusal\.ts:7:10\)$/);
    expect(sourceMappedStack(error.stack!)).not.toContain('index.mjs');
  });

  it('maps a frame in a chunk of a split bundle by the map beside that chunk', async () => {
    const outdir = join(workspace, 'out', 'split');
    await build({
      entryPoints: { index: join(workspace, 'functions', 'use-cases', 'lazy-entry.ts') },
      outdir,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      splitting: true,
      ...AS_THE_STACK_BUNDLES,
    });
    const entry = nativeRequire(join(outdir, 'index.mjs')) as {
      collectLater(invoiceId: string): Promise<never>;
    };
    const error = (await entry.collectLater('inv-1').catch((thrown: unknown) => thrown)) as Error;
    expect(error.stack).toMatch(/\/chunks\/refusal-\w+\.mjs:1:/);

    const mapped = sourceMappedStack(error.stack!);

    expect(mapped).toMatch(/\(functions\/use-cases\/refusal\.ts:3:9\)/);
    expect(mapped).toMatch(/\(functions\/use-cases\/lazy-entry\.ts:3:10\)/);
    expect(mapped).not.toContain('.mjs:');
  });

  it('leaves a frame of a file without a map as it is', async () => {
    const refusal = await bundled('mapped-and-called');
    const error = thrownBy(() => refusal.collect('inv-1'));
    const caller = error.stack!.split('\n').find((frame) => frame.includes('source-mapped-stack.test.ts'));
    expect(caller).toBeDefined();

    const mapped = sourceMappedStack(error.stack!).split('\n');

    expect(mapped).toContain(caller);
    expect(mapped.some((frame) => frame.includes('refusal.ts:3:9'))).toBe(true);
  });

  it('leaves the stack unchanged when the map is broken or missing', async () => {
    const truncated = await bundled('truncated', (map) => writeFileSync(map, '{"version":3,"sources":["../'));
    const unreadable = await bundled('without-mappings', (map) => writeFileSync(map, '{"version":3}'));
    const missing = await bundled('missing', (map) => rmSync(map));

    for (const refusal of [truncated, unreadable, missing]) {
      const { stack } = thrownBy(() => refusal.collect('inv-1'));
      expect(sourceMappedStack(stack!)).toBe(stack);
    }
  });

  it('rewrites the stack of an error and of its causes in place', async () => {
    const refusal = await bundled('with-cause');
    const error = thrownBy(() => refusal.collectAgain('inv-1'));
    const cause = error.cause as Error;

    mapErrorStacks(error);

    expect(error.stack).toMatch(/\(functions\/use-cases\/refusal\.ts:14:11\)/);
    expect(cause.stack).toMatch(/\(functions\/use-cases\/refusal\.ts:3:9\)/);
    expect(error.message).toBe('collection failed');
  });
});

describe('errors reach a reader with their stacks mapped', () => {
  it('the logger prints a logged error with its mapped stack and location', async () => {
    const refusal = await bundled('logged');
    const error = thrownBy(() => refusal.collectAgain('inv-1'));
    const thrownStack = error.stack;
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    logger.setLogLevel('ERROR');
    try {
      logger.error('collection failed', error);
    } finally {
      logger.setLogLevel('SILENT');
    }

    const line = JSON.parse(String(printed.mock.calls[0]?.[0]));
    expect(line).toMatchObject({
      level: 'ERROR',
      message: 'collection failed',
      service: 'credit-control',
      stage: 'local',
      error: {
        name: 'Error',
        message: 'collection failed',
        location: 'functions/use-cases/refusal.ts:14',
        cause: { location: 'functions/use-cases/refusal.ts:3', message: 'invoice inv-1 is closed' },
      },
    });
    expect(line.timestamp).toEqual(expect.any(String));
    expect([line.error.stack].flat().join('\n')).toContain('(functions/use-cases/refusal.ts:14:11)');
    expect([line.error.cause.stack].flat().join('\n')).toContain('(functions/use-cases/refusal.ts:3:9)');
    // Only the printed line is mapped: the error itself is as it was thrown.
    expect(error.stack).toBe(thrownStack);
  });

  it('the logger still masks personal data in a logged error', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    logger.setLogLevel('ERROR');
    try {
      logger.error('refused', new Error('no reply from jan.jansen@example.com'));
    } finally {
      logger.setLogLevel('SILENT');
    }

    const text = String(printed.mock.calls[0]?.[0]);
    expect(text).not.toContain('jan.jansen@example.com');
    expect(JSON.parse(text).error.message).toContain('***');
  });

  it('an error thrown out of a handler leaves it the same error, with its stack and its causes’ mapped', async () => {
    const refusal = await bundled('thrown');
    let thrown: unknown;
    const handler = withPowertools(async () => {
      try {
        refusal.collectAgain('inv-1');
      } catch (error) {
        thrown = error;
        throw error;
      }
    });

    const rejected = await handler({}, lambdaContext('get-invoice')).catch((error: unknown) => error);

    expect(rejected).toBe(thrown);
    expect((rejected as Error).message).toBe('collection failed');
    expect((rejected as Error).stack).toMatch(/\(functions\/use-cases\/refusal\.ts:14:11\)/);
    expect(((rejected as Error).cause as Error).stack).toMatch(/\(functions\/use-cases\/refusal\.ts:3:9\)/);
  });

  it('leaves the stack of a step that defers on purpose unmapped: a branch of the workflow, not a fault', async () => {
    const refusal = await bundled('deferred');
    let stack: string | undefined;
    const handler = withPowertools(async () => {
      try {
        refusal.collectAgain('inv-1');
      } catch (error) {
        const deferral = new StepDeferredError('the letter of the day went out');
        deferral.stack = (error as Error).stack;
        stack = deferral.stack;
        throw deferral;
      }
    });

    const rejected = await handler({}, lambdaContext('send-dunning-letter')).catch((error: unknown) => error);

    expect(rejected).toBeInstanceOf(StepDeferredError);
    expect((rejected as Error).stack).toBe(stack);
    expect(stack).not.toMatch(/refusal\.ts/);
  });
});

/**
 * Stack traces that name the TypeScript sources, mapped only when an error is logged or thrown.
 *
 * The functions are minified bundles with a `.map` file beside each output file (the entry and,
 * with code splitting, every chunk). Node's `--enable-source-maps` would read and parse the map of
 * every file at load, on every cold start, though errors are rare; here a map is read and parsed
 * the first time a stack names its file, and kept for the life of the process.
 *
 * A frame keeps its function name and gets the original position in place of the bundle's, with
 * the source relative to the project (`functions/use-cases/x.ts:12:5`): the map names the sources
 * relative to the bundle's folder (`../../../functions/…`), and that folder is gone once deployed.
 * Frames of a file without a map (Node's own, the tests' TypeScript) stay as they are, and so does
 * a stack whose map cannot be read or parsed: this runs while an error is being reported, so it
 * never throws.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { isAbsolute, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `    at name (file:12:5)` or `    at file:12:5`; an eval frame, with nested parentheses, does not match. */
const FRAME = /^(\s+at (?:[^()]*? \()?)([^()]+):(\d+):(\d+)(\)?)$/;

/** The parsed map of each file a stack has named; null when it has none that can be read. */
const sourceMaps = new Map<string, SourceMap | null>();

/** The stack with each frame of a mapped file at its original source, line and column. */
export function sourceMappedStack(stack: string): string {
  try {
    return stack
      .split('\n')
      .map((line) => mappedFrame(line) ?? line)
      .join('\n');
  } catch {
    return stack;
  }
}

/**
 * Rewrites the stack of the error and of each error in its chain of causes, in place, so that
 * whoever prints it next (the Lambda runtime, the tracer) shows the sources. Nothing else of the
 * error changes.
 */
export function mapErrorStacks(error: unknown): void {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    try {
      if (typeof current.stack === 'string') current.stack = sourceMappedStack(current.stack);
    } catch {
      // A frozen error, or a stack without a setter: reported as it was thrown.
    }
  }
}

function mappedFrame(line: string): string | undefined {
  const frame = FRAME.exec(line);
  if (!frame) return undefined;
  const [, head, location, lineNumber, columnNumber, tail] = frame;
  const file = filePath(location!);
  const map = file && sourceMapOf(file);
  if (!map) return undefined;
  const entry = map.findEntry(Number(lineNumber) - 1, Number(columnNumber) - 1) as Partial<{
    originalSource: string;
    originalLine: number;
    originalColumn: number;
  }>;
  if (typeof entry.originalSource !== 'string' || typeof entry.originalLine !== 'number') return undefined;
  const source = projectRelative(entry.originalSource);
  return `${head}${source}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}${tail}`;
}

/** The file a frame names, as a path; undefined for Node's own modules and anything else without a file. */
function filePath(location: string): string | undefined {
  if (location.startsWith('file://')) return fileURLToPath(location);
  return isAbsolute(location) ? location : undefined;
}

function sourceMapOf(file: string): SourceMap | null {
  let map = sourceMaps.get(file);
  if (map === undefined) {
    map = readSourceMap(`${file}.map`);
    sourceMaps.set(file, map);
  }
  return map;
}

function readSourceMap(path: string): SourceMap | null {
  try {
    const payload = JSON.parse(readFileSync(path, 'utf8')) as SourceMapPayload;
    // Node's SourceMap leaves sourceRoot aside; esbuild writes none, but a map may.
    if (payload.sourceRoot) {
      const root = payload.sourceRoot;
      payload.sources = payload.sources.map((source) => posix.join(root, source));
    }
    const map = new SourceMap(payload);
    // A map whose mappings cannot be decoded fails here, once, rather than at every frame.
    map.findEntry(0, 0);
    return map;
  } catch {
    return null;
  }
}

/** `../../../functions/x.ts` (relative to the bundle's folder at build time) as `functions/x.ts`. */
function projectRelative(source: string): string {
  if (source.startsWith('file://')) return fileURLToPath(source);
  return source.replace(/^(?:\.\.?\/)+/, '');
}

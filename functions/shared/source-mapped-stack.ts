/**
 * Stack traces that name the TypeScript sources, mapped only when an error is logged or thrown.
 *
 * The functions are minified bundles with a `.map` file beside each output file (the entry and,
 * with code splitting, every chunk). Node's `--enable-source-maps` would read and parse the map of
 * every file at load, on every cold start, though errors are rare; here a map is read and parsed
 * the first time a stack names its file, and kept for the life of the process.
 *
 * A frame gets the original position in place of the bundle's, with the source relative to the
 * project (`functions/use-cases/x.ts:12:5`): the map names the sources relative to the bundle's
 * folder at build time (`../../../functions/…`), which means nothing where the function runs.
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

interface Frame {
  /** `    at name (` or `    at `. */
  head: string;
  file: string;
  line: number;
  column: number;
  /** `)` or nothing. */
  tail: string;
}

interface OriginalPosition {
  originalSource: string;
  originalLine: number;
  originalColumn: number;
  name?: string;
}

/** The stack with each frame of a mapped file at its original source, line and column. */
export function sourceMappedStack(stack: string): string {
  try {
    const lines = stack.split('\n');
    const frames = lines.map(parsedFrame);
    return lines.map((line, index) => mappedFrame(frames[index], frames[index + 1]) ?? line).join('\n');
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

function parsedFrame(line: string): Frame | undefined {
  const match = FRAME.exec(line);
  const file = match && filePath(match[2]!);
  if (!match || !file) return undefined;
  return { head: match[1]!, file, line: Number(match[3]), column: Number(match[4]), tail: match[5]! };
}

/**
 * The frame at its original position; and, as Node's --enable-source-maps does when the caller is
 * in the same file, with the original name of the function, which the map gives at the call site
 * (the bundle's names are minified).
 */
function mappedFrame(frame: Frame | undefined, caller: Frame | undefined): string | undefined {
  const map = frame && sourceMapOf(frame.file);
  if (!frame || !map) return undefined;
  const position = originalPosition(map, frame);
  if (!position) return undefined;
  const name = caller?.file === frame.file ? originalPosition(map, caller)?.name : undefined;
  const head = name
    ? frame.head.replace(/^(\s+at (?:async |new )?)[^()]*? \($/, (_, at: string) => `${at}${name} (`)
    : frame.head;
  const source = projectRelative(position.originalSource);
  return `${head}${source}:${position.originalLine + 1}:${position.originalColumn + 1}${frame.tail}`;
}

function originalPosition(map: SourceMap, frame: Frame): OriginalPosition | undefined {
  const entry = map.findEntry(frame.line - 1, frame.column - 1) as Partial<OriginalPosition>;
  if (typeof entry.originalSource !== 'string' || typeof entry.originalLine !== 'number') return undefined;
  return {
    originalSource: entry.originalSource,
    originalLine: entry.originalLine,
    originalColumn: entry.originalColumn ?? 0,
    ...(entry.name ? { name: entry.name } : {}),
  };
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

/**
 * Matches request paths against API Gateway path templates (`/invoices/{id}`). Like API
 * Gateway, a literal segment wins over a parameter at the same position, so
 * `/invoices/overdue` is not taken for the invoice "overdue".
 */

export interface Template {
  method: string;
  path: string;
}

export type Match<T> =
  | { kind: 'found'; target: T; pathParameters: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'not-found' };

export function matchRoute<T extends Template>(
  targets: readonly T[],
  method: string,
  path: string,
): Match<T> {
  const segments = splitPath(path);
  const candidates = targets
    .map((target) => ({ target, pathParameters: bind(splitPath(target.path), segments) }))
    .filter((c): c is { target: T; pathParameters: Record<string, string> } => c.pathParameters !== null);
  if (candidates.length === 0) return { kind: 'not-found' };

  const forMethod = candidates.filter((c) => c.target.method === method);
  if (forMethod.length === 0)
    return { kind: 'wrong-method', allowed: [...new Set(candidates.map((c) => c.target.method))] };
  const best = forMethod.reduce((a, b) => (moreSpecific(b.target.path, a.target.path) ? b : a));
  return { kind: 'found', target: best.target, pathParameters: best.pathParameters };
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function isParameter(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function bind(template: string[], segments: string[]): Record<string, string> | null {
  if (template.length !== segments.length) return null;
  const parameters: Record<string, string> = {};
  for (const [i, part] of template.entries()) {
    const segment = segments[i]!;
    if (isParameter(part)) {
      parameters[part.slice(1, -1)] = decodeSegment(segment);
    } else if (part !== segment) {
      return null;
    }
  }
  return parameters;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is passed on as sent; the handler's schema judges it
  }
}

/** Whether template `a` has a literal where `b` first has a parameter. */
function moreSpecific(a: string, b: string): boolean {
  const as = splitPath(a);
  const bs = splitPath(b);
  for (const [i, part] of as.entries()) {
    const literalA = !isParameter(part);
    const literalB = !isParameter(bs[i] ?? '{}');
    if (literalA !== literalB) return literalA;
  }
  return false;
}

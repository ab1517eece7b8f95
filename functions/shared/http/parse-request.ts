import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import type { FieldIssue } from '../../use-cases/refusal';
import { InvalidJsonError, ValidationError } from './errors';

type Schema = z.ZodType | undefined;
/** What a schema parses to; `undefined` where the handler declared no schema. */
export type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RequestSchemas<B extends Schema, Q extends Schema, P extends Schema> {
  body?: B;
  query?: Q;
  path?: P;
  bodyEncoding?: 'json' | 'form';
}

export interface ParsedRequest<B extends Schema, Q extends Schema, P extends Schema> {
  body: Parsed<B>;
  query: Parsed<Q>;
  path: Parsed<P>;
}

/**
 * Checks body, query string and path parameters against their schemas in one go, so that one
 * 400 names every bad field instead of making the caller fix them one round trip at a time.
 * Body fields are named as they are in the body (`data.dueDate`); query and path parameters
 * carry a `query.` / `path.` prefix so the caller knows where to look.
 */
export function parseRequest<B extends Schema, Q extends Schema, P extends Schema>(
  event: APIGatewayProxyEvent,
  schemas: RequestSchemas<B, Q, P>,
): ParsedRequest<B, Q, P> {
  const issues: FieldIssue[] = [];
  const check = (schema: Schema, input: unknown, prefix: string[]): unknown => {
    if (!schema) return undefined;
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      issues.push({ path: [...prefix, ...issue.path.map(String)].join('.'), message: issue.message });
    }
    return undefined;
  };

  const body = check(
    schemas.body,
    schemas.body ? (schemas.bodyEncoding === 'form' ? readFormBody(event) : readJsonBody(event)) : undefined,
    [],
  );
  const query = check(schemas.query, event.queryStringParameters ?? {}, ['query']);
  const path = check(schemas.path, event.pathParameters ?? {}, ['path']);
  if (issues.length > 0) throw new ValidationError(issues);
  return { body, query, path } as ParsedRequest<B, Q, P>;
}

function bodyText(event: APIGatewayProxyEvent): string {
  const body = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
}

/** A form post's fields; a field given twice keeps its first value. */
function readFormBody(event: APIGatewayProxyEvent): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(bodyText(event))) fields[name] ??= value;
  return fields;
}

function readJsonBody(event: APIGatewayProxyEvent): unknown {
  if (event.body === null || event.body === '') return undefined;
  const text = bodyText(event);
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidJsonError();
  }
}

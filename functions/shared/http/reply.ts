import type { APIGatewayProxyResult } from 'aws-lambda';
import { type FieldIssue, Refusal, type RefusalKind } from '../../use-cases/refusal';
import { HttpError } from './errors';

/**
 * What a use case returns when a plain 200 with its result as JSON is not the right answer,
 * e.g. `new Reply(201, invoice, { location: `/invoices/${invoice.id}` })`.
 */
export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** The body of every error the API answers, whatever the status. */
export interface ErrorBody {
  error: { code: string; message: string; issues: FieldIssue[]; correlationId: string };
}

const JSON_CONTENT = { 'content-type': 'application/json; charset=utf-8' };

/** A use case's result as an API Gateway proxy result: 200 JSON, 204 for nothing, or its Reply. */
export function toProxyResult(result: unknown): APIGatewayProxyResult {
  const reply =
    result instanceof Reply ? result : result === undefined ? new Reply(204) : new Reply(200, result);
  if (reply.body === undefined) return { statusCode: reply.status, headers: reply.headers, body: '' };
  // A page (a printable statement) or CSV (a report for a spreadsheet) goes as it is; everything else is JSON.
  const type = reply.headers['content-type'] ?? '';
  if (typeof reply.body === 'string' && (type.startsWith('text/html') || type.startsWith('text/csv'))) {
    return { statusCode: reply.status, headers: reply.headers, body: reply.body };
  }
  return {
    statusCode: reply.status,
    headers: { ...JSON_CONTENT, ...reply.headers },
    body: JSON.stringify(reply.body),
  };
}

/**
 * The error reply for anything thrown while serving a request. Only HttpErrors speak to the
 * caller; anything else is answered with a generic message and the correlation id, which the
 * caller quotes and operations look up in the logs.
 */
export function toErrorResult(error: unknown, correlationId: string): APIGatewayProxyResult {
  const known = error instanceof HttpError || error instanceof Refusal;
  const body: ErrorBody = {
    error: {
      code: known ? error.code : 'internal_error',
      message: known
        ? error.message
        : 'Something went wrong on our side. Quote the correlation id if you report it.',
      issues: known ? [...error.issues] : [],
      correlationId,
    },
  };
  return { statusCode: statusOf(error), headers: JSON_CONTENT, body: JSON.stringify(body) };
}

/** The one place where a use case's refusal becomes an HTTP status code. */
const REFUSAL_STATUS: Record<RefusalKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};

export function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (error instanceof Refusal) return REFUSAL_STATUS[error.kind];
  return 500;
}

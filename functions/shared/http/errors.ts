import type { FieldIssue } from '../../use-cases/refusal';

/**
 * The HTTP wrapper's own refusals: a request that cannot be served before any use case runs (not
 * JSON, invalid fields, no identity, a role that may not call the route), and the few a handler
 * throws itself. Use cases refuse with a Refusal (use-cases/refusal.ts) instead. The wrapper
 * turns both into their status and the shared error body; anything else thrown is a fault of ours
 * and becomes a 500 that reveals nothing.
 */

export abstract class HttpError extends Error {
  abstract readonly status: number;
  readonly code: string;
  readonly issues: readonly FieldIssue[];

  constructor(code: string, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.issues = issues;
  }
}

/** The request is well-formed JSON but its content is not acceptable. */
export class ValidationError extends HttpError {
  readonly status = 400;
  constructor(issues: readonly FieldIssue[], message = 'The request has invalid fields.') {
    super('validation_failed', message, issues);
  }
}

/** The body is not JSON at all. */
export class InvalidJsonError extends HttpError {
  readonly status = 400;
  constructor() {
    super('invalid_json', 'The request body is not valid JSON.');
  }
}

/** No identity reached the handler. In AWS the Cognito authorizer refuses such calls first. */
export class UnauthorizedError extends HttpError {
  readonly status = 401;
  constructor(message = 'The request carries no valid identity.') {
    super('unauthorized', message);
  }
}

/** The caller is known but none of their roles may do this. */
export class ForbiddenError extends HttpError {
  readonly status = 403;
  constructor(message = 'Your role does not allow this action.') {
    super('forbidden', message);
  }
}

export class NotFoundError extends HttpError {
  readonly status = 404;
  constructor(message: string, code = 'not_found') {
    super(code, message);
  }
}

/** The request contradicts the current state, e.g. a promise to pay on an invoice already paid. */
export class ConflictError extends HttpError {
  readonly status = 409;
  constructor(message: string, code = 'conflict') {
    super(code, message);
  }
}

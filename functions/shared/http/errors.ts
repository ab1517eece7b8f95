/**
 * Errors that use cases throw to say "this request cannot be served, and here is why". The
 * HTTP handler turns each into its status and the shared error body; anything else thrown is
 * a fault of ours and becomes a 500 that reveals nothing.
 */

export interface FieldIssue {
  /** Where the problem is, dot-separated: `data.dueDate`, `lines.0.amount`, `query.limit`. */
  path: string;
  message: string;
}

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

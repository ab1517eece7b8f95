/**
 * Named refusals: how a use case says "this cannot be done, and here is why" without knowing
 * which trigger asked. The HTTP wrapper maps each kind to its status code (invalid 400,
 * forbidden 403, not_found 404, conflict 409, unprocessable 422); a step or SNS wrapper would
 * record it as an outcome. Anything else a use case throws is a fault of ours.
 */

export interface FieldIssue {
  /** Where the problem is, dot-separated: `data.dueDate`, `lines.0.amount`, `query.limit`. */
  path: string;
  message: string;
}

export type RefusalKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable';

export class Refusal extends Error {
  readonly kind: RefusalKind;
  /** A stable, machine-readable code for the caller: `validation_failed`, `invoice_not_found`… */
  readonly code: string;
  readonly issues: readonly FieldIssue[];

  constructor(kind: RefusalKind, code: string, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'Refusal';
    this.kind = kind;
    this.code = code;
    this.issues = issues;
  }
}

export function invalid(issues: readonly FieldIssue[], message = 'The request has invalid fields.'): Refusal {
  return new Refusal('invalid', 'validation_failed', message, issues);
}

export function forbidden(message = 'Your role does not allow this action.'): Refusal {
  return new Refusal('forbidden', 'forbidden', message);
}

export function notFound(message: string, code = 'not_found'): Refusal {
  return new Refusal('not_found', code, message);
}

export function conflict(message: string, code = 'conflict'): Refusal {
  return new Refusal('conflict', code, message);
}

/** The request is valid, but what it asks cannot be worked out yet (say, a rate not yet entered). */
export function unprocessable(message: string, code: string): Refusal {
  return new Refusal('unprocessable', code, message);
}

import { StepFunctionsError, validationError } from './protocol';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of `items`. The token names the first item of the next page rather than an offset, so
 * that pages stay right while executions start and histories grow between two calls.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  maxResults: number | undefined,
  nextToken: string | undefined,
): Page<T> {
  if (
    maxResults !== undefined &&
    !(Number.isInteger(maxResults) && maxResults >= 0 && maxResults <= MAX_PAGE_SIZE)
  ) {
    throw validationError(`maxResults must be an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  const size = maxResults || DEFAULT_PAGE_SIZE;
  let start = 0;
  if (nextToken !== undefined) {
    const key = Buffer.from(nextToken, 'base64url').toString('utf8');
    start = items.findIndex((item) => keyOf(item) === key);
    if (start < 0) throw new StepFunctionsError('InvalidToken', `Invalid Token: '${nextToken}'`);
  }
  const page = items.slice(start, start + size);
  const next = items[start + size];
  return next === undefined
    ? { items: page }
    : { items: page, nextToken: Buffer.from(keyOf(next), 'utf8').toString('base64url') };
}

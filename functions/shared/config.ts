import * as z from 'zod';

/**
 * Reads and checks a Lambda's environment. Call it once at module scope, so that a missing or
 * malformed variable fails the cold start with a message naming every bad variable, instead of
 * failing the first request that happens to need it.
 *
 * Values are not echoed in the message: some variables hold secrets or their ARNs.
 */
export function readConfig<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv = process.env): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.') || '(environment)';
    const value = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
    return value === undefined ? `${name} is not set` : `${name} is invalid: ${issue.message}`;
  });
  throw new Error(`Invalid configuration: ${problems.join('; ')}`);
}

/** The CDK function construct may pass an unset optional variable as ''; that means "not set". */
export const optionalVariable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

import { createHash } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/** An API Lambda entry point as the local shim calls it: async, no callback. */
export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const HANDLERS_DIR = new URL('../../functions/handlers/', import.meta.url);

/**
 * Imports `functions/handlers/<name>.ts`, the same file CDK bundles as that Lambda, the way Lambda
 * starts a container: in the environment as it is now, which the handler reads and checks at
 * module load. A module is loaded once per environment: one local cloud's handlers keep theirs,
 * and a later cloud in the same process (another table, other ports) gets a cold start of its own.
 * Call it only after the local cloud has set the environment.
 */
export async function importHandler(name: string): Promise<{ handler?: unknown }> {
  // Names come from the route table and the catalogue, but a path outside the handlers folder is never imported.
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid handler name "${name}"`);
  const url = new URL(`${name}.ts`, HANDLERS_DIR);
  url.searchParams.set('environment', environmentFingerprint());
  return import(url.href);
}

/** Imports an API handler (see importHandler). */
export async function loadHandlerFromFunctions(name: string): Promise<ApiHandler> {
  const module = await importHandler(name);
  if (typeof module.handler !== 'function') {
    throw new Error(`functions/handlers/${name}.ts does not export a function named handler`);
  }
  return module.handler as ApiHandler;
}

/** Variables that the Lambda runtime changes per invocation (the trace id) are not configuration. */
function environmentFingerprint(): string {
  const entries = Object.entries(process.env)
    .filter(([name]) => !name.startsWith('_'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
}

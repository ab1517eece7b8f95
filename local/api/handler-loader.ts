import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/** An API Lambda entry point as the local shim calls it: async, no callback. */
export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const HANDLERS_DIR = new URL('../../functions/handlers/', import.meta.url);

/**
 * Imports `functions/handlers/<name>.ts`, the same file CDK bundles as that Lambda, the way Lambda
 * starts a container: in the environment as it is now, which the handler reads and checks at
 * module load. A module is loaded once per environment: one local cloud's handlers keep theirs,
 * and a later cloud in the same process (another table, other ports) gets a cold start of its own.
 * Call it only after the local cloud has set the environment (and `newHandlerEnvironment`).
 */
export async function importHandler(name: string): Promise<{ handler?: unknown }> {
  // Names come from the route table and the catalogue, but a path outside the handlers folder is never imported.
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid handler name "${name}"`);
  const url = new URL(`${name}.ts`, HANDLERS_DIR);
  url.searchParams.set('environment', String(environment));
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

/**
 * Which environment handlers are loaded in. A counter, not a hash of process.env: loading a handler
 * changes process.env itself (Powertools sets AWS_SDK_UA_APP_ID and AWS_XRAY_CONTEXT_MISSING), and
 * a hash would then load every later handler a second time.
 */
let environment = 0;

/** The local cloud has set a new environment: handlers imported from now on start cold in it. */
export function newHandlerEnvironment(): void {
  environment += 1;
}

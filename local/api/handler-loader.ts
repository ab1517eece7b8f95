import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/** An API Lambda entry point as the local shim calls it: async, no callback. */
export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const HANDLERS_DIR = new URL('../../functions/handlers/', import.meta.url);

/** Imports `functions/handlers/<name>.ts`, the same file CDK bundles as that Lambda. */
export async function loadHandlerFromFunctions(name: string): Promise<ApiHandler> {
  // Names come from the route table, but a path outside the handlers folder is never imported.
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid handler name "${name}"`);
  const module = await import(new URL(`${name}.ts`, HANDLERS_DIR).href);
  if (typeof module.handler !== 'function') {
    throw new Error(`functions/handlers/${name}.ts does not export a function named handler`);
  }
  return module.handler as ApiHandler;
}

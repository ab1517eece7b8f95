import * as z from 'zod';
import { dunningPolicySchema } from '../core/dunning/dunning-policy';
import { ROUTES, type RouteSpec } from './routes';
import { idPath, taskListQuery, taskOutcomeBody } from './schemas/api-schemas';
import { claimQuery, rateTableBody } from './schemas/claim-schemas';
import { webhookEvent } from './schemas/webhook-events';

/** The request schemas of each route's handler: the very objects its handler validates with. */
export interface RouteSchemas {
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Fields the schema requires that the route fills in itself when the body leaves them out. */
  optionalBodyFields?: readonly string[];
}

export const ROUTE_SCHEMAS: Record<string, RouteSchemas> = {
  'receive-invoicing-webhook': { body: webhookEvent },
  'get-invoice': { path: idPath },
  'get-debtor': { path: idPath },
  'list-tasks': { query: taskListQuery },
  'record-task-outcome': { path: idPath, body: taskOutcomeBody },
  'get-policy': { path: idPath, query: z.object({ version: z.number().int().min(1).optional() }) },
  // id comes from the path and version is the one edited: both may be left out of the body.
  'put-policy': { path: idPath, body: dunningPolicySchema, optionalBodyFields: ['id', 'version'] },
  'get-invoice-claim': { path: idPath, query: claimQuery },
  'put-rates': { body: rateTableBody },
};

const errorBody = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code, e.g. validation_failed'),
    message: z.string(),
    issues: z.array(z.object({ path: z.string().describe('e.g. data.dueDate'), message: z.string() })),
    correlationId: z.string().optional(),
  }),
});

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function bodySchema(schema: z.ZodType, optional: readonly string[]): unknown {
  const json = jsonSchema(schema) as { required?: string[] };
  if (optional.length === 0 || !json.required) return json;
  return { ...json, required: json.required.filter((field) => !optional.includes(field)) };
}

function parameters(schemas: RouteSchemas) {
  const list: unknown[] = [];
  for (const [where, schema] of [
    ['path', schemas.path],
    ['query', schemas.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      const fieldSchema = field as z.ZodType;
      list.push({
        name,
        in: where,
        required: where === 'path' || !fieldSchema.safeParse(undefined).success,
        description: fieldSchema.description,
        schema: jsonSchema(fieldSchema),
      });
    }
  }
  return list;
}

function operation(route: RouteSpec, extra: Record<string, RouteSchemas>) {
  const schemas = extra[route.handler] ?? ROUTE_SCHEMAS[route.handler] ?? {};
  const security = route.auth.kind === 'jwt' ? [{ cognito: [] }] : [{ standardWebhooksSignature: [] }];
  const errors: Record<string, unknown> = {
    '400': {
      description: 'Invalid request: every bad field is named',
      content: { 'application/json': { schema: jsonSchema(errorBody) } },
    },
    '401': { description: route.auth.kind === 'jwt' ? 'No valid token' : 'Bad or stale signature' },
  };
  if (route.auth.kind === 'jwt')
    errors['403'] = { description: `Needs one of the roles: ${route.auth.roles.join(', ')}` };
  return {
    operationId: route.handler,
    summary: route.summary,
    security,
    ...(route.auth.kind === 'jwt' ? { 'x-roles': route.auth.roles } : {}),
    parameters: parameters(schemas),
    ...(schemas.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: bodySchema(schemas.body, schemas.optionalBodyFields ?? []) },
            },
          },
        }
      : {}),
    responses: { '200': { description: 'OK' }, ...errors, '404': { description: 'Not found' } },
  };
}

/**
 * The OpenAPI 3.1 document of the API, built from the route table and the zod schemas the
 * handlers validate with, so that it cannot drift from what the API accepts. `extra` lets routes
 * whose schemas live beside their handlers (the webhook) add theirs.
 */
export function openApiDocument(extra: Record<string, RouteSchemas> = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route, extra);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Credit control API',
      version: '1.0.0',
      description:
        'Invoices, debtors, tasks and dunning policies for credit controllers; the invoicing webhook.',
    },
    paths,
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token; roles from cognito:groups',
        },
        standardWebhooksSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'webhook-signature',
          description: 'Standard Webhooks HMAC-SHA256 over webhook-id, webhook-timestamp and the raw body',
        },
      },
    },
  };
}

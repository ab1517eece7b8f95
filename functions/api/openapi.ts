import * as z from 'zod';
import { requestSchemasOf } from './route-request';
import { ORDER_SYSTEM_SCOPE, type RouteRequest, ROUTES, type RouteSpec } from './routes';

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

function parameters(schemas: RouteRequest) {
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

/**
 * The operation's id from its method and path (`GET /debtors/{id}/payment-plans` →
 * `getDebtorsByIdPaymentPlans`): unique as the routes are, where a handler is not (one Lambda
 * serves several routes of its capability). The handler is kept as `x-handler`.
 */
function operationIdOf(route: Pick<RouteSpec, 'method' | 'path'>): string {
  const words = route.path
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      return parameter ? ['by', ...(parameter[1] ?? '').split(/(?=[A-Z])/)] : segment.split(/[-_.]/);
    });
  return [
    route.method.toLowerCase(),
    ...words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)),
  ].join('');
}

function operation(route: RouteSpec, schemas: RouteRequest) {
  const security =
    route.auth.kind === 'jwt'
      ? [{ cognito: [] }]
      : route.auth.kind === 'client-credentials'
        ? [{ appClient: [route.auth.scope] }]
        : route.auth.kind === 'signed-link' || route.auth.kind === 'none'
          ? [] // a signed token in the path, or the sender looked up by the id it sent
          : [{ standardWebhooksSignature: [] }];
  const errors: Record<string, unknown> = {
    '400': {
      description: 'Invalid request: every bad field is named',
      content: { 'application/json': { schema: jsonSchema(errorBody) } },
    },
    '401': {
      description:
        route.auth.kind === 'webhook-signature'
          ? 'Bad or stale signature'
          : route.auth.kind === 'client-credentials'
            ? `No valid access token with the scope ${route.auth.scope}`
            : 'No valid token',
    },
  };
  if (route.auth.kind === 'none') delete errors['401'];
  if (route.auth.kind === 'jwt')
    errors['403'] = { description: `Needs one of the roles: ${route.auth.roles.join(', ')}` };
  if (schemas.body) errors['413'] = { description: 'Body over 10 MB (API Gateway’s limit)' };
  if (route.auth.kind === 'webhook-signature') {
    errors['409'] = { description: 'webhook_id_reused: a webhook-id seen before with another body' };
    errors['422'] = { description: 'balance_out_of_range: a credit would pass 10^15 cents' };
  }
  return {
    operationId: operationIdOf(route),
    'x-handler': route.handler,
    summary: route.summary,
    security,
    ...(route.auth.kind === 'jwt' ? { 'x-roles': route.auth.roles } : {}),
    parameters: parameters(schemas),
    ...(schemas.body
      ? {
          requestBody: {
            required: true,
            content: {
              [schemas.bodyEncoding === 'form' || route.auth.kind === 'signed-link'
                ? 'application/x-www-form-urlencoded'
                : 'application/json']: {
                schema: jsonSchema(schemas.body),
              },
            },
          },
        }
      : {}),
    responses: { '200': { description: 'OK' }, ...errors, '404': { description: 'Not found' } },
  };
}

/**
 * The OpenAPI 3.1 document of the API, built from the route table: each route's request schemas
 * are the ones its handler validates with, so the document cannot drift from what the API accepts.
 * Async, as the route table loads each route's schemas on first use.
 */
export async function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES as readonly RouteSpec[]) {
    const schemas: RouteRequest = await requestSchemasOf(route);
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route, schemas);
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
        appClient: {
          type: 'oauth2',
          description:
            "A machine's Cognito app client: an access token from the user pool domain's /oauth2/token (client-credentials grant)",
          flows: {
            clientCredentials: {
              tokenUrl: 'https://<user pool domain>/oauth2/token',
              scopes: { [ORDER_SYSTEM_SCOPE]: 'The credit check of an order' },
            },
          },
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

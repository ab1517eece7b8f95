import type { Role, RouteSpec } from './routes';
import { lazyRequest } from './route-request';

// Each route's request schemas are loaded on its first request (./route-request.ts).
const templateSchemas = () => import('./schemas/template-schemas');

const everyone: readonly Role[] = ['controller', 'manager', 'admin', 'special'];
const admins: readonly Role[] = ['admin'];

/**
 * The routes of the letter templates, part of the one route table. They add no Lambda: the
 * policies' functions serve them (capability-handler.ts), reads beside the policies' reads and the
 * changes, the preview and the test send beside the policy's change.
 */
export const TEMPLATE_ROUTES = [
  {
    method: 'GET',
    path: '/templates',
    handler: 'list-policies',
    auth: { kind: 'jwt', roles: everyone },
    summary:
      'Every letter template at its current version (who changed it, when), and the placeholders a version may use',
  },
  {
    method: 'GET',
    path: '/templates/{id}',
    handler: 'get-policy',
    auth: { kind: 'jwt', roles: everyone },
    summary:
      "A letter template's words per language, for one invoice and several (current version, or ?version=N)",
    request: lazyRequest(async () => ({
      path: (await templateSchemas()).templatePath,
      query: (await templateSchemas()).templateQuery,
    })),
  },
  {
    method: 'PUT',
    path: '/templates/{id}',
    handler: 'put-policy',
    auth: { kind: 'jwt', roles: admins },
    summary:
      'Stores a new version of a letter template (admins only); refused with 400 naming each unknown placeholder, malformed link or required element left out',
    request: lazyRequest(async () => ({
      path: (await templateSchemas()).templatePath,
      body: (await templateSchemas()).templateBody,
    })),
  },
  {
    method: 'POST',
    path: '/templates/{id}/preview',
    handler: 'put-policy',
    auth: { kind: 'jwt', roles: admins },
    summary: 'Renders the template for an invoice as HTML and text; sends nothing',
    request: lazyRequest(async () => ({
      path: (await templateSchemas()).templatePath,
      body: (await templateSchemas()).templatePreviewBody,
    })),
  },
  {
    method: 'POST',
    path: '/templates/{id}/test-send',
    handler: 'put-policy',
    auth: { kind: 'jwt', roles: admins },
    summary: "Emails the preview to the caller's own address from their token, and to nobody else",
    request: lazyRequest(async () => ({
      path: (await templateSchemas()).templatePath,
      body: (await templateSchemas()).templatePreviewBody,
    })),
  },
] as const satisfies readonly RouteSpec[];

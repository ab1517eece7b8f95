import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CONSOLE_DIST } from '../../console/dist-location';
import type { LocalReply, LocalRoute } from '../api/local-routes';
import type { LocalIssuer } from '../auth/local-issuer';
import { localConsoleConfig, localOidcRoutes } from './local-oidc';

/**
 * The console on the local API: the same build as in AWS at /console/ (same origin as the API, so
 * no CORS is involved), its config.json naming the local sign-in, and that sign-in itself.
 */
export const CONSOLE_PATH = '/console/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function file(relativePath: string): LocalReply {
  const path = join(CONSOLE_DIST, relativePath);
  // Only the build's own text files, by a name without a way out of it.
  if (relativePath.includes('..') || !TYPES[extname(path)] || !existsSync(path))
    return { status: 404, body: { message: 'Not Found' } };
  return { status: 200, body: readFileSync(path, 'utf8'), contentType: TYPES[extname(path)]! };
}

function index(): LocalReply {
  const path = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(path))
    return {
      status: 503,
      body: 'The console is not built yet: `npm start` builds it, or `npx tsx console/build.ts`.',
      contentType: 'text/plain; charset=utf-8',
    };
  // The build's asset paths are relative; /console and /console/ both find them through the base.
  const html = readFileSync(path, 'utf8').replace('<head>', `<head><base href="${CONSOLE_PATH}">`);
  return { status: 200, body: html, contentType: TYPES['.html']! };
}

export function consoleRoutes(issuer: LocalIssuer): LocalRoute[] {
  return [
    { method: 'GET', path: '/console', handle: index },
    {
      method: 'GET',
      path: '/console/config.json',
      handle: () => ({ status: 200, body: localConsoleConfig() }),
    },
    {
      method: 'GET',
      path: '/console/{file}',
      handle: ({ pathParameters }) => file(pathParameters.file ?? ''),
    },
    {
      method: 'GET',
      path: '/console/assets/{file}',
      handle: ({ pathParameters }) => file(join('assets', pathParameters.file ?? '')),
    },
    ...localOidcRoutes(issuer),
  ];
}

import { ROLES } from '../../../functions/api/routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../../local/invoicing/invoicing-client';
import { LOCAL_AGENCY_WEBHOOK_SECRET } from '../../../local/cloud/environment';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { type BadRequest, badRequests, operationsOf } from './openapi-mutations';
import { itemCount } from './table-count';

interface Answer {
  status: number;
  json: { error?: { code?: string; issues?: { path: string; message: string }[] } } | undefined;
}

/** Whether an issue at `issuePath` is about `field`: the field itself, inside it, or a field that holds it. */
function names(issuePath: string, field: string): boolean {
  return (
    issuePath === field ||
    issuePath.startsWith(`${field}.`) ||
    (issuePath !== '' && field.startsWith(`${issuePath}.`))
  );
}

/**
 * Bad requests derived from GET /openapi.json for every route, sent through the local API on the
 * local cloud with a token of a role the route allows (the webhook: a valid signature). None may
 * be answered with a 5xx; each gets a 4xx JSON body, a 400 naming the field that is wrong; and the
 * table holds exactly what it held before.
 */
describe('every route refuses bad requests derived from its OpenAPI description', () => {
  let h: CloudHarness;
  let requests: BadRequest[];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    h = await startCloudHarness(new Date('2026-03-02T05:00:00Z'));
    for (const group of ROLES) {
      tokens.set(group, await h.cloud.issuer.issueToken({ group }));
    }
    tokens.set('order-system', await h.cloud.issuer.issueClientToken());
    const document = await h.get<Parameters<typeof operationsOf>[0]>('/openapi.json');
    // The debtor's self-service page answers a person's browser with HTML pages, not JSON; its own
    // tests cover bad links and forms (test/integration/self-service).
    requests = operationsOf(document.body)
      .filter((operation) => !operation.path.startsWith('/self-service/'))
      .flatMap((operation) => badRequests(operation, 'fuzz-unknown-id'));
  });

  afterAll(async () => {
    await h.stop();
  });

  async function send(request: BadRequest): Promise<Answer> {
    const { operation } = request;
    let path = request.rawPath ?? operation.path;
    for (const [name, value] of Object.entries(request.pathParameters)) {
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    }
    const query = new URLSearchParams(request.query).toString();
    const url = `${h.cloud.endpoints.api}${path}${query ? `?${query}` : ''}`;
    // The order system's routes take its app client's access token.
    const role =
      operation.roles?.[0] ?? (operation.path.startsWith('/order-system/') ? 'order-system' : undefined);
    const headers: Record<string, string> = role
      ? { authorization: `Bearer ${tokens.get(role)}`, 'content-type': 'application/json' }
      : signedHeaders(
          request.body ?? '',
          // Each webhook is signed with its sender's own secret.
          operation.path === '/webhooks/collection-agency'
            ? LOCAL_AGENCY_WEBHOOK_SECRET
            : h.cloud.webhookSecret,
        );
    const response = await fetch(url, {
      method: operation.method,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const text = await response.text();
    let json: Answer['json'];
    try {
      json = text ? (JSON.parse(text) as Answer['json']) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
  }

  it('answers each with a 4xx JSON body naming the wrong field, never a 5xx, and stores nothing', async () => {
    expect(requests.length).toBeGreaterThan(300);
    const before = await itemCount(h.cloud);
    const problems: string[] = [];
    const describe = (request: BadRequest, answer: Answer, problem: string) =>
      `${request.operation.method} ${request.operation.path} — ${request.what}: ${problem} ` +
      `(${answer.status} ${JSON.stringify(answer.json).slice(0, 300)})`;

    // A few at a time, as clients would send them; bounded so the whole run takes seconds.
    const queue = [...requests];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let request = queue.shift(); request; request = queue.shift()) {
          const answer = await send(request);
          if (answer.status < 400 || answer.status >= 500) {
            problems.push(describe(request, answer, 'not a 4xx'));
          } else if (!answer.json?.error && answer.status !== 413) {
            problems.push(describe(request, answer, 'no JSON error body'));
          } else if (request.field !== undefined) {
            const issues = answer.json?.error?.issues ?? [];
            const field = request.field;
            const broken = request.what.includes('broken escape');
            if (answer.status === 404 && broken) continue;
            if (answer.status !== 400 || !issues.some((issue) => names(issue.path, field))) {
              problems.push(describe(request, answer, `does not name ${field}`));
            }
          }
        }
      }),
    );

    expect(problems).toEqual([]);
    expect(await itemCount(h.cloud)).toBe(before);
  });
});

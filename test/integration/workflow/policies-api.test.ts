import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudHarness, startCloudHarness } from './local-cloud-harness';

interface Policy {
  id: string;
  version: number;
  steps: { slot: string; dayOffset: number; tone: string; template: string }[];
}
interface ErrorBody {
  error: { code: string; issues: { path: string; message: string }[] };
}

describe('dunning policies are data that admins edit in versions', () => {
  let h: CloudHarness;
  beforeAll(async () => {
    h = await startCloudHarness(new Date('2026-03-02T05:00:00Z'));
  });
  afterAll(async () => {
    await h.stop();
  });

  it('lists the seed policy of every segment', async () => {
    const answer = await h.get<{ policies: Policy[] }>('/policies');
    expect(answer.status).toBe(200);
    expect(answer.body.policies.map((p) => p.id)).toEqual([
      'business-chronic-late',
      'business-good-payer',
      'business-key-account',
      'business-standard',
      'consumer-standard',
    ]);
    const standard = answer.body.policies.find((p) => p.id === 'business-standard');
    expect(standard?.steps[0]?.dayOffset).toBeLessThanOrEqual(7);
  });

  it('lets only admins change a policy', async () => {
    const current = (await h.get<Policy>('/policies/business-standard')).body;
    const answer = await h.send<ErrorBody>('PUT', '/policies/business-standard', current, 'controller');
    expect(answer.status).toBe(403);
  });

  it('refuses an invalid policy and names every bad field', async () => {
    const current = (await h.get<Policy>('/policies/business-standard')).body;
    const steps = current.steps.map((s, i) =>
      i === 1 ? { ...s, dayOffset: 1, template: 'no-such-letter' } : s,
    );
    const answer = await h.send<ErrorBody>(
      'PUT',
      '/policies/business-standard',
      { ...current, steps },
      'admin',
    );
    expect(answer.status).toBe(400);
    const paths = answer.body.error.issues.map((i) => i.path);
    expect(paths).toContain('steps[1].template');
    expect(paths).toContain('steps[1].dayOffset');
    expect((await h.get<Policy>('/policies/business-standard')).body.version).toBe(current.version);
  });

  it('stores a valid change as the next version and keeps the old one readable', async () => {
    const current = (await h.get<Policy>('/policies/business-standard')).body;
    const steps = current.steps.map((s, i) => (i === 0 ? { ...s, dayOffset: 2 } : s));
    const answer = await h.send<Policy>('PUT', '/policies/business-standard', { ...current, steps }, 'admin');
    expect(answer.status).toBe(200);
    expect(answer.body.version).toBe(current.version + 1);
    expect((await h.get<Policy>('/policies/business-standard')).body.steps[0]?.dayOffset).toBe(2);
    const old = await h.get<Policy>(`/policies/business-standard?version=${current.version}`);
    expect(old.body.steps[0]?.dayOffset).toBe(current.steps[0]?.dayOffset);
  });

  it('refuses an edit of a version that is no longer the latest', async () => {
    const stale = (await h.get<Policy>('/policies/business-standard?version=1')).body;
    const answer = await h.send<ErrorBody>('PUT', '/policies/business-standard', stale, 'admin');
    expect(answer.status).toBe(409);
  });

  it('describes every route in the OpenAPI document', async () => {
    const answer = await h.get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/openapi.json',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining([
        '/webhooks/invoicing',
        '/invoices/{id}',
        '/tasks/{id}/outcome',
        '/policies/{id}',
        '/invoices/{id}/promises',
        '/debtors/{id}/promises',
        '/invoices/{id}/hold',
        '/debtors/{id}/hold',
        '/invoices/{id}/disputes',
        '/disputes/{id}/resolution',
        '/disputes',
      ]),
    );
    const outcome = answer.body.paths['/tasks/{id}/outcome']?.post as {
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
    };
    expect(Object.keys(outcome.requestBody.content['application/json'].schema.properties)).toEqual([
      'outcome',
      'note',
      'promisedDate',
      'amount',
      'cause',
    ]);
  });
});

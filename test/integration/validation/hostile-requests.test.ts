import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CENTS, MAX_BALANCE_CENTS } from '../../../functions/core/money';
import { SEED_STATUTORY_RATES } from '../../../functions/core/legal/statutory-rates';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { itemCount } from './table-count';

const START = new Date('2026-03-02T05:00:00Z');

interface ErrorBody {
  error?: { code: string; issues: { path: string; message: string }[] };
}

const pathsOf = (body: unknown) => ((body as ErrorBody).error?.issues ?? []).map((issue) => issue.path);

/**
 * What a hostile test and a careless invoicing system sent, through the local API on the local
 * cloud: every one is answered with a 4xx that names the field, never a 500, and nothing is kept.
 */
describe('requests no step could handle are refused at the door, naming the field', () => {
  let h: CloudHarness;
  let debtorId: string;
  let consumerId: string;
  let token: string;

  beforeAll(async () => {
    h = await startCloudHarness(START);
    token = await h.cloud.issuer.issueToken({ group: 'admin' });
    debtorId = newId('deb');
    consumerId = newId('deb');
    expect((await h.post(debtorUpserted({ id: debtorId }))).status).toBe(200);
    expect((await h.post(debtorUpserted({ id: consumerId, kind: 'consumer' }))).status).toBe(200);
  });

  afterAll(async () => {
    await h.stop();
  });

  /** Sends `request` and checks the answer is `status` naming `paths`, with the table unchanged. */
  async function refused(
    request: () => Promise<{ status: number; body: unknown }>,
    status: number,
    paths: string[],
  ) {
    const before = await itemCount(h.cloud);
    const answer = await request();
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(pathsOf(answer.body)).toEqual(paths);
    expect(await itemCount(h.cloud)).toBe(before);
    return answer;
  }

  it('refuses a claim day of 0000-01-01 or 9999-12-31 with 400 instead of 500', async () => {
    const invoiceId = newId('inv');
    await h.post(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2026-02-15', issueDate: '2026-02-01' }));
    for (const asOf of ['0000-01-01', '9999-12-31']) {
      await refused(() => h.get(`/invoices/${invoiceId}/claim?asOf=${asOf}`), 400, ['query.asOf']);
    }
  });

  it('refuses a policy with a name of 1 MiB with 400 instead of 500', async () => {
    const policy = (await h.get<Record<string, unknown>>('/policies/business-standard')).body;
    await refused(
      () =>
        h.send('PUT', '/policies/business-standard', { ...policy, name: 'x'.repeat(1024 * 1024) }, 'admin'),
      400,
      ['name'],
    );
  });

  it('refuses a rate table of 20,000 rows, and an empty one, with 400', async () => {
    const row = SEED_STATUTORY_RATES[0];
    await refused(
      () => h.send('PUT', '/rates', { rates: Array(20_000).fill(row), version: 1 }, 'admin'),
      400,
      ['rates'],
    );
    await refused(() => h.send('PUT', '/rates', { rates: [], version: 1 }, 'admin'), 400, ['rates']);
  });

  it('refuses a debtor-level payment that would take the credit past the bound with 422, once', async () => {
    const rich = newId('deb');
    await h.post(debtorUpserted({ id: rich }));
    // Credit builds up from payments that no open invoice takes, each at the largest amount.
    const payments = Math.floor(MAX_BALANCE_CENTS / MAX_AMOUNT_CENTS);
    for (let i = 0; i < payments; i++) {
      const answer = await h.post(
        paymentReceived({ debtorId: rich }, { amount: MAX_AMOUNT_CENTS, receivedAt: START.toISOString() }),
      );
      expect(answer.status).toBe(200);
    }
    await refused(
      () =>
        h.post(
          paymentReceived({ debtorId: rich }, { amount: MAX_AMOUNT_CENTS, receivedAt: START.toISOString() }),
        ),
      422,
      ['data.amount'],
    );
  });

  it('refuses a body over 10 MB with 413, as API Gateway does', async () => {
    const before = await itemCount(h.cloud);
    const response = await fetch(`${h.cloud.endpoints.api}/rates`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"rates":[],"version":1,"padding":"${'x'.repeat(10 * 1024 * 1024)}"}`,
    });
    expect(response.status).toBe(413);
    expect(await itemCount(h.cloud)).toBe(before);
  });

  it('refuses currencies that are no ISO 4217 currency, such as XXX and ZZZ', async () => {
    for (const currency of ['XXX', 'ZZZ']) {
      await refused(
        () => h.post(invoiceCreated({ id: newId('inv'), debtorId, dueDate: '2026-03-01', currency })),
        400,
        ['data.currency'],
      );
    }
  });

  it('refuses dates in the years 1000 and 9999', async () => {
    await refused(
      () =>
        h.post(
          invoiceCreated({ id: newId('inv'), debtorId, issueDate: '1000-01-01', dueDate: '9999-12-31' }),
        ),
      400,
      ['data.issueDate', 'data.dueDate'],
    );
  });

  it('refuses a payment received in 2099: money cannot arrive from the future', async () => {
    const invoiceId = newId('inv');
    await h.post(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2026-04-01' }));
    await refused(
      () => h.post(paymentReceived({ invoiceId }, { amount: 100, receivedAt: '2099-01-01T00:00:00Z' })),
      400,
      ['data.receivedAt'],
    );
  });

  it('refuses a language letters are not written in, and ids with lone surrogates', async () => {
    await refused(() => h.post(debtorUpserted({ id: newId('deb'), language: 'es' })), 400, ['data.language']);
    await refused(() => h.post(debtorUpserted({ id: 'deb-\uD800' })), 400, ['data.id']);
  });

  it('answers 409 to a webhook-id reused with another body instead of applied', async () => {
    const deliveryId = `msg_${newId('reuse')}`;
    expect((await h.post(debtorUpserted({ id: newId('deb') }), deliveryId)).status).toBe(200);
    const invoiceId = newId('inv');

    const answer = await refused(
      () => h.post(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2026-03-01' }), deliveryId),
      409,
      ['webhook-id'],
    );

    expect((answer.body as ErrorBody).error?.code).toBe('webhook_id_reused');
  });

  it('refuses a change of a policy’s debtorKind while debtors use it with 409 naming debtorKind', async () => {
    const policy = (await h.get<Record<string, unknown>>('/policies/business-standard')).body;
    await refused(
      () => h.send('PUT', '/policies/business-standard', { ...policy, debtorKind: 'consumer' }, 'admin'),
      409,
      ['debtorKind'],
    );
  });

  it('refuses a policy version sent as a string instead of letting it skip the lock', async () => {
    const policy = (await h.get<Record<string, unknown>>('/policies/business-key-account')).body;
    await refused(
      () => h.send('PUT', '/policies/business-key-account', { ...policy, version: '1' }, 'admin'),
      400,
      ['version'],
    );
  });

  it('refuses a consumer invoice in GBP and one of 2^53 − 1 cents, which no step could dun', async () => {
    await refused(
      () =>
        h.post(
          invoiceCreated({ id: newId('inv'), debtorId: consumerId, dueDate: '2026-03-01', currency: 'GBP' }),
        ),
      400,
      ['data.currency'],
    );
    await refused(
      () =>
        h.post(
          invoiceCreated({
            id: newId('inv'),
            debtorId,
            dueDate: '2026-03-01',
            totalAmount: Number.MAX_SAFE_INTEGER,
          }),
        ),
      400,
      ['data.totalAmount'],
    );
  });

  it('puts a parked consumer invoice in GBP on the task list when its debtor arrives and refuses it', async () => {
    const lateConsumer = newId('deb');
    const invoiceId = newId('inv');
    expect(
      (
        await h.post(
          invoiceCreated({ id: invoiceId, debtorId: lateConsumer, dueDate: '2026-03-01', currency: 'GBP' }),
        )
      ).status,
    ).toBe(202);

    expect((await h.post(debtorUpserted({ id: lateConsumer, kind: 'consumer' }))).status).toBe(200);

    expect((await h.get(`/invoices/${invoiceId}`)).status).toBe(404);
    const tasks = await h.get<{ tasks: { kind: string; invoiceId: string; summary: string }[] }>('/tasks');
    expect(tasks.body.tasks).toContainEqual(
      expect.objectContaining({
        kind: 'refused_event',
        invoiceId,
        summary: expect.stringContaining('data.currency'),
      }),
    );
  });
});

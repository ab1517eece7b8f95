import { afterEach, describe, expect, inject, it } from 'vitest';
import { startInspectingProxy } from '../../../local/http/inspecting-proxy';
import { type CloudHarness, eventually, startCloudHarness, tableOf } from '../workflow/local-cloud-harness';
import {
  businessDebtor,
  invoice,
  MARCH_DUE as DUE,
  MARCH_START as START,
  tasksOf,
} from '../workflow/scenario';
import { entriesOf, type WorklistBody } from './worklist-world';

const ME = { sub: '5f1d2c3b-0000-4a1e-8c2d-6b7a8c9d0e11', email: 'eerste@example.com' };
const COLLEAGUE = { sub: 'b7e0c1d2-0000-4c57-9a43-2f0c6e1b7a09', email: 'tweede@example.com' };

/** One DynamoDB request as the proxy saw it: the operation, the index, the partition it asked for. */
interface Request {
  target: string;
  indexName?: string;
  partition?: string;
}

/** GET /worklist as a controller with its own sub. */
async function worklistAs(h: CloudHarness, sub: string): Promise<WorklistBody> {
  const token = await h.cloud.issuer.issueToken({ group: 'controller', sub });
  const response = await fetch(`${h.cloud.endpoints.api}/worklist`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`GET /worklist: ${response.status} ${await response.text()}`);
  return (await response.json()) as WorklistBody;
}

async function assign(h: CloudHarness, debtorId: string, owner: { sub: string; email: string }) {
  const answer = await h.send('PUT', `/debtors/${debtorId}/owner`, { owner }, 'manager');
  expect(answer.status).toBe(200);
}

describe("the worklist's reads", () => {
  let h: CloudHarness;
  let stopProxy: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await h.stop();
    await stopProxy?.();
    stopProxy = undefined;
  });

  it("reads only the owner's and the unowned accounts, not a colleague's", async () => {
    const requests: Request[] = [];
    const proxy = await startInspectingProxy({
      name: 'dynamodb recorder',
      target: inject('dynamodbEndpoint'),
      inspect: (exchange) => {
        const target = String(exchange.requestHeaders['x-amz-target'] ?? '').replace(
          'DynamoDB_20120810.',
          '',
        );
        const body = (exchange.requestBody.length > 0 ? JSON.parse(exchange.requestBody.toString()) : {}) as {
          IndexName?: string;
          ExpressionAttributeValues?: { ':pk'?: { S?: string } };
        };
        const partition = body.ExpressionAttributeValues?.[':pk']?.S;
        requests.push({
          target,
          ...(body.IndexName ? { indexName: body.IndexName } : {}),
          ...(partition ? { partition } : {}),
        });
      },
    });
    stopProxy = proxy.stop;
    h = await startCloudHarness(START, { dynamodbEndpoint: proxy.url });
    // Mine from before its invoice came; the colleague's handed over after; one nobody owns. No
    // email address: the first reminder becomes a task on the owner's list.
    const mine = await businessDebtor(h, { email: undefined });
    await assign(h, mine.id, ME);
    const myInvoice = await invoice(h, mine.id, { dueDate: DUE, totalAmount: 2_000_00 });
    const theirs = await businessDebtor(h, { email: undefined });
    await invoice(h, theirs.id, { dueDate: DUE, totalAmount: 9_000_00 });
    await assign(h, theirs.id, COLLEAGUE);
    const unowned = await businessDebtor(h);
    await invoice(h, unowned.id, { dueDate: DUE, totalAmount: 500_00 });
    await h.advanceDays(3);
    await eventually(async () => expect(await tasksOf(h, myInvoice.id)).toHaveLength(1));

    requests.length = 0;
    const list = await worklistAs(h, ME.sub);

    expect(entriesOf(list, [mine.id, theirs.id, unowned.id]).map((e) => e.debtorId)).toEqual([
      mine.id,
      unowned.id,
    ]);
    expect(entriesOf(list, [mine.id])[0]?.tasks.map((t) => t.kind)).toEqual(['unreachable_by_email']);
    const queries = requests.filter((r) => r.target === 'Query');
    expect(requests.filter((r) => r.target === 'Scan')).toEqual([]);
    // Not the open invoices (gsi1) nor the open tasks (gsi2) of the whole book.
    expect(queries.filter((q) => q.indexName !== 'gsi4' && q.indexName !== 'gsi6')).toEqual([]);
    expect(new Set(queries.map((q) => `${q.indexName} ${q.partition}`))).toEqual(
      new Set(['gsi4 OWNER#none', `gsi4 OWNER#${ME.sub}`, 'gsi6 OWNER#none', `gsi6 OWNER#${ME.sub}`]),
    );
    expect(JSON.stringify(requests)).not.toContain(COLLEAGUE.sub);
  });

  it("moves the open invoices and tasks of a handed-over account to the new owner's part of the index", async () => {
    h = await startCloudHarness(START);
    const store = tableOf(h);
    const debtor = await businessDebtor(h, { email: undefined });
    await assign(h, debtor.id, ME);
    const open = await invoice(h, debtor.id, { dueDate: DUE });
    await h.advanceDays(3);
    const [task] = await eventually(async () => {
      const tasks = await tasksOf(h, open.id);
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    const idsOf = async (owner: string) => {
      const work = await store.listAccountWork(owner, debtor.id);
      return { invoices: work.invoices.map((i) => i.id), tasks: work.tasks.map((t) => t.id) };
    };
    expect(await idsOf(ME.sub)).toEqual({ invoices: [open.id], tasks: [task!.id] });

    await assign(h, debtor.id, COLLEAGUE);

    expect(await idsOf(COLLEAGUE.sub)).toEqual({ invoices: [open.id], tasks: [task!.id] });
    expect(await idsOf(ME.sub)).toEqual({ invoices: [], tasks: [] });
    expect(entriesOf(await worklistAs(h, ME.sub), [debtor.id])).toEqual([]);
    expect(entriesOf(await worklistAs(h, COLLEAGUE.sub), [debtor.id])[0]?.tasks.map((t) => t.id)).toEqual([
      task!.id,
    ]);
  });
});

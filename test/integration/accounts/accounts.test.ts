import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEFAULT_WORKLIST_RULES } from '../../../functions/core/worklist/worklist-rules';
import { startInspectingProxy } from '../../../local/http/inspecting-proxy';
import { debtorRecord, invoiceRecord } from '../../support/credit-records';
import { type CloudHarness, startCloudHarness, tableOf } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, MARCH_DUE as DUE, MARCH_START as START } from '../workflow/scenario';
import { entriesOf, type WorklistBody } from '../worklist/worklist-world';

const OTHER_CONTROLLER = { sub: 'b7e0c1d2-0000-4c57-9a43-2f0c6e1b7a09', email: 'tweede@example.com' };

/** GET /worklist as a controller with its own sub. */
async function worklistAs(h: CloudHarness, sub: string): Promise<WorklistBody> {
  const token = await h.cloud.issuer.issueToken({ group: 'controller', sub });
  const response = await fetch(`${h.cloud.endpoints.api}/worklist`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as WorklistBody;
}

describe('ownership, notes and search', () => {
  let h: CloudHarness;
  let stopProxy: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await h.stop();
    await stopProxy?.();
    stopProxy = undefined;
  });

  it("moves a handed-over account to the new owner's worklist with its notes", async () => {
    h = await startCloudHarness(START);
    const me = (await h.get<{ sub: string }>('/me')).body.sub;
    const debtor = await businessDebtor(h);
    await invoice(h, debtor.id, { dueDate: DUE });
    expect(
      (await h.send('PUT', `/debtors/${debtor.id}/owner`, { owner: { sub: me } }, 'manager')).status,
    ).toBe(200);
    // A minute between the entries: entries of the same instant have no order among them.
    await h.cloud.advance(60_000);
    const note = await h.send('POST', `/debtors/${debtor.id}/notes`, { text: 'Betaalt altijd na de 25e' });
    expect(note.status).toBe(201);
    expect(entriesOf(await worklistAs(h, me), [debtor.id])).toHaveLength(1);

    await h.cloud.advance(60_000);
    const handed = await h.send('PUT', `/debtors/${debtor.id}/owner`, { owner: OTHER_CONTROLLER }, 'manager');
    expect(handed.status).toBe(200);

    expect(entriesOf(await worklistAs(h, me), [debtor.id])).toEqual([]);
    const theirs = entriesOf(await worklistAs(h, OTHER_CONTROLLER.sub), [debtor.id]);
    expect(theirs).toEqual([
      expect.objectContaining({ owner: { sub: OTHER_CONTROLLER.sub, email: OTHER_CONTROLLER.email } }),
    ]);
    const timeline = await h.get<{ events: { type: string; summary: string }[] }>(
      `/debtors/${debtor.id}/timeline`,
    );
    const ofTheAccount = timeline.body.events.filter((e) => ['owner_changed', 'note_added'].includes(e.type));
    expect(ofTheAccount.map((e) => e.type)).toEqual(['owner_changed', 'note_added', 'owner_changed']);
    expect(timeline.body.events).toContainEqual(
      expect.objectContaining({ summary: 'Betaalt altijd na de 25e' }),
    );
  });

  it('gives a new debtor the owner that the assignment rule of its segment names', async () => {
    h = await startCloudHarness(START);
    const stored = await h.send(
      'PUT',
      '/worklist/rules',
      { weights: DEFAULT_WORKLIST_RULES.weights, assignment: { 'business-standard': OTHER_CONTROLLER } },
      'manager',
    );
    expect(stored.status).toBe(200);
    const business = await businessDebtor(h);
    const consumer = await businessDebtor(h, { kind: 'consumer' });

    const owned = await h.get<{ debtors: { id: string }[] }>(`/debtors?owner=${OTHER_CONTROLLER.sub}`);
    expect(owned.body.debtors.map((d) => d.id)).toEqual([business.id]);
    const unowned = await h.get<{ debtors: { id: string }[] }>('/debtors?owner=none');
    expect(unowned.body.debtors.map((d) => d.id)).toEqual([consumer.id]);
  });

  it('shows the contact history of a debtor across its invoices, newest first, a page at a time', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const first = await invoice(h, debtor.id, { dueDate: '2026-04-01' });
    await h.advanceDays(1);
    await h.send('POST', `/debtors/${debtor.id}/notes`, { text: 'Eerste notitie' });
    await h.advanceDays(1);
    const second = await invoice(h, debtor.id, { dueDate: '2026-04-02' });

    const page1 = await h.get<{ events: { type: string; invoiceId?: string }[]; cursor?: string }>(
      `/debtors/${debtor.id}/timeline?limit=2`,
    );
    expect(page1.body.events).toEqual([
      expect.objectContaining({ type: 'invoice_received', invoiceId: second.id }),
      expect.objectContaining({ type: 'note_added' }),
    ]);
    const page2 = await h.get<{ events: { type: string; invoiceId?: string }[]; cursor?: string }>(
      `/debtors/${debtor.id}/timeline?limit=2&cursor=${page1.body.cursor}`,
    );
    expect(page2.body.events).toEqual([
      expect.objectContaining({ type: 'invoice_received', invoiceId: first.id }),
    ]);
    expect(page2.body.cursor).toBeUndefined();
  });

  it('finds an invoice by the number or the payment reference a debtor quotes', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-04-01', number: 'F2026-00412' });
    const byNumber = await h.get<{ invoices: { id: string; paymentReference: string }[] }>(
      '/invoices?number=F2026-00412',
    );
    expect(byNumber.body.invoices.map((i) => i.id)).toEqual([inv.id]);
    const reference = byNumber.body.invoices[0]!.paymentReference;
    const spaced = reference
      .replace(/(.{4})/g, '$1 ')
      .trim()
      .toLowerCase();
    const byReference = await h.get<{ invoices: { id: string }[] }>(
      `/invoices?reference=${encodeURIComponent(spaced)}`,
    );
    expect(byReference.body.invoices.map((i) => i.id)).toEqual([inv.id]);
    const unknown = await h.get<{ error: { message: string } }>('/invoices/F2026-00412');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('GET /invoices?number=');
  });

  it('finds a debtor by the start of its name with accents and case ignored', async () => {
    h = await startCloudHarness(START);
    const cafe = await businessDebtor(h, { name: 'Café De Wit' });
    await businessDebtor(h, { name: 'Bakkerij Jansen' });
    const found = await h.get<{ debtors: { id: string; name: string }[] }>('/debtors?q=CAFE%20de');
    expect(found.body.debtors.map((d) => d.id)).toEqual([cafe.id]);
    const byId = await h.get<{ debtors: { id: string }[] }>(`/debtors?q=${cafe.id}`);
    expect(byId.body.debtors.map((d) => d.id)).toEqual([cafe.id]);
  });

  it('lists every debtor by name when no filter is given', async () => {
    h = await startCloudHarness(START);
    const cafe = await businessDebtor(h, { name: 'Café De Wit' });
    const bakery = await businessDebtor(h, { name: 'Bakkerij Jansen' });
    const all = await h.get<{ debtors: { id: string }[] }>('/debtors');
    expect(all.status).toBe(200);
    expect(all.body.debtors.map((d) => d.id)).toEqual([bakery.id, cafe.id]);
  });

  it('pages through 500 invoices with a cursor by an index query, never a scan', async () => {
    const operations: { target: string; indexName?: string }[] = [];
    const proxy = await startInspectingProxy({
      name: 'dynamodb recorder',
      target: inject('dynamodbEndpoint'),
      inspect: (exchange) => {
        const target = String(exchange.requestHeaders['x-amz-target'] ?? '').replace(
          'DynamoDB_20120810.',
          '',
        );
        const body =
          exchange.requestBody.length > 0
            ? (JSON.parse(exchange.requestBody.toString()) as { IndexName?: string })
            : {};
        operations.push({ target, ...(body.IndexName ? { indexName: body.IndexName } : {}) });
      },
    });
    stopProxy = proxy.stop;
    h = await startCloudHarness(START, { dynamodbEndpoint: proxy.url });
    const store = tableOf(h);
    const debtor = debtorRecord();
    await store.commit([{ kind: 'putDebtor', debtor, expectedVersion: null }]);
    const invoices = Array.from({ length: 500 }, (_, i) =>
      invoiceRecord({
        debtorId: debtor.id,
        status: 'overdue',
        dueDate: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
      }),
    );
    // 99 a commit: the debtor's overdue amount is one more write of each transaction of 100.
    for (let i = 0; i < invoices.length; i += 99) {
      await store.commit(
        invoices
          .slice(i, i + 99)
          .map((invoice) => ({ kind: 'putInvoice' as const, invoice, expectedVersion: null })),
      );
    }

    operations.length = 0;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.get<{ invoices: { id: string }[]; cursor?: string }>(
        `/invoices?status=overdue&minDaysOverdue=30&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.invoices.map((i) => i.id));
      cursor = page.body.cursor;
    } while (cursor);

    expect(new Set(seen).size).toBe(500);
    expect(operations.filter((op) => op.target === 'Scan')).toEqual([]);
    // The index projects the keys only: each page's invoices are read whole by their keys.
    expect(new Set(operations.map((op) => `${op.target} ${op.indexName ?? ''}`))).toEqual(
      new Set(['Query gsi4', 'BatchGetItem ']),
    );
  });
});

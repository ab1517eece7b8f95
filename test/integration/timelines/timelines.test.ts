import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  businessDebtor,
  invoice,
  invoiceView,
  MARCH_DUE,
  MARCH_START,
  payment,
  type InvoiceBody,
  type TimelineEntryBody,
} from '../workflow/scenario';

describe('timelines a person reads', () => {
  let h: CloudHarness;
  let debtor: { id: string };
  let inv: { id: string; number: string };

  /** GET with the controller's token and the headers a browser sends. */
  async function read<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    const token = await h.cloud.issuer.issueToken({ group: 'controller' });
    const response = await fetch(`${h.cloud.endpoints.api}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    h = await startCloudHarness(MARCH_START);
    debtor = await businessDebtor(h);
    inv = await invoice(h, debtor.id, { dueDate: MARCH_DUE, totalAmount: 1_250_00 });
    // The friendly reminder of Wednesday 4 March, and SES's delivery of it.
    await h.advanceDays(3);
    await eventually(async () =>
      expect((await invoiceView(h, inv.id)).timeline.map((e) => e.type)).toContain('email_delivered'),
    );
    expect(
      (await h.send('POST', `/debtors/${debtor.id}/notes`, { text: 'Belt terug na de 10e' })).status,
    ).toBe(201);
    expect((await h.post(payment(inv.id, 500_00, '2026-03-05T10:00:00+01:00'))).status).toBe(200);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('lists the entries in the order they happened, numbered, an email sent before its delivery', async () => {
    const { timeline } = await read<InvoiceBody>(`/invoices/${inv.id}?lang=en`);
    expect(timeline.map((e) => e.sequence)).toEqual(timeline.map((_, i) => i + 1));
    const types = timeline.map((e) => e.type);
    expect(types.indexOf('email_sent')).toBeLessThan(types.indexOf('email_delivered'));
    expect(types.indexOf('invoice_received')).toBe(0);
  });

  it("names the steps and kinds of entry in the reader's language, from lang or Accept-Language", async () => {
    const sentIn = async (path: string, headers?: Record<string, string>) =>
      (await read<InvoiceBody>(path, headers)).timeline.find((e) => e.type === 'email_sent');

    expect(await sentIn(`/invoices/${inv.id}?lang=en`)).toMatchObject({
      title: 'Email sent',
      step: { slot: 'firstReminder', name: 'first reminder' },
      atLocal: expect.stringMatching(/^4 March 2026/),
      actor: { kind: 'system', id: 'workflow', name: 'Dunning workflow' },
    });
    expect(
      await sentIn(`/invoices/${inv.id}`, { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' }),
    ).toMatchObject({
      title: 'E-mail verstuurd',
      step: { slot: 'firstReminder', name: 'eerste herinnering' },
      atLocal: expect.stringMatching(/^4 maart 2026/),
      actor: { name: 'Aanmaanproces' },
    });
    expect(await sentIn(`/invoices/${inv.id}`, { 'accept-language': 'de-DE, en;q=0.5' })).toMatchObject({
      title: 'Email sent',
    });
    const refused = await h.get<{ error: { details?: unknown } }>(`/invoices/${inv.id}?lang=fr`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('lang');
  });

  it('shows every amount of money as amount, currency and the amount formatted', async () => {
    const { timeline } = await read<InvoiceBody>(`/invoices/${inv.id}?lang=nl`);
    const paid = timeline.find((e) => e.type === 'payment_received');
    expect(paid?.details).toMatchObject({
      amount: { amount: 500_00, currency: 'EUR', formatted: '€\u00a0500,00' },
      openAmount: { amount: 750_00, currency: 'EUR', formatted: '€\u00a0750,00' },
    });
  });

  it("shows who acted by name and email, and the debtor's history newest first with the same numbers", async () => {
    const page = await read<{ events: TimelineEntryBody[] }>(`/debtors/${debtor.id}/timeline?lang=en`);
    const note = page.events.find((e) => e.type === 'note_added');
    expect(note?.actor).toEqual({
      kind: 'user',
      id: expect.stringMatching(/^user:/),
      name: 'Carla Jansen',
      email: 'controller@example.com',
    });
    const sequences = page.events.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it("a Dutch reader reads every entry of a paid invoice's timeline in Dutch", async () => {
    expect((await h.post(payment(inv.id, 750_00, '2026-03-05T11:00:00+01:00'))).status).toBe(200);
    await eventually(async () =>
      expect((await invoiceView(h, inv.id)).timeline.map((e) => e.type)).toContain('invoice_paid'),
    );
    const dutch = (await read<InvoiceBody>(`/invoices/${inv.id}`, { 'accept-language': 'nl' })).timeline;
    const english = (await read<InvoiceBody>(`/invoices/${inv.id}?lang=en`)).timeline;
    expect(dutch.map((e) => e.type)).toEqual(english.map((e) => e.type));
    expect(dutch.map((e) => e.type)).toEqual(
      expect.arrayContaining(['invoice_received', 'email_sent', 'email_delivered', 'payment_received']),
    );
    dutch.forEach((entry, i) => expect(entry.summary, entry.type).not.toBe(english[i]?.summary));
    expect(dutch.find((e) => e.type === 'invoice_paid')?.summary).toBe('De factuur is volledig betaald');
    // Both payments are booked at the same virtual instant: their order is not the point here.
    expect(
      dutch
        .filter((e) => e.type === 'payment_received')
        .map((e) => e.summary)
        .sort(),
    ).toEqual([
      'Betaling van €\u00a0500,00 ontvangen: nog open: €\u00a0750,00',
      'Betaling van €\u00a0750,00 ontvangen: nog open: €\u00a00,00',
    ]);
    expect(dutch.find((e) => e.type === 'email_sent')?.summary).toMatch(
      /^De eerste herinnering per e-mail verstuurd aan \S+@\S+: „.+”$/,
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiryAfter, signingKey, signToken } from '../../../functions/core/self-service/self-service-token';
import { LOCAL_SELF_SERVICE_KEY } from '../../../local/cloud/environment';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
} from '../workflow/scenario';
import { formGuard, linkInLetter, open, post, resultOf } from './self-service-page';

interface WorklistBody {
  entries: { debtorId: string; tasks: { kind: string; summary: string }[] }[];
}

/**
 * The debtor's own page, opened from the link in a real reminder on the local cloud: its forms
 * go through the same promise, dispute and task use cases a controller uses, as done by the debtor.
 */
describe("the debtor's self-service page", () => {
  let h: CloudHarness;
  const debtors: { id: string; email: string; invoiceId: string; number: string }[] = [];
  const planDebtors: { id: string; email: string; invoiceId: string; number: string }[] = [];

  /** The debtor's link as a letter would carry it, signed with the local key. */
  const linkOf = (debtorId: string) =>
    `${h.cloud.endpoints.api}/self-service/${signToken(
      { debtorId, expiresAt: expiryAfter(START, 60) },
      signingKey(LOCAL_SELF_SERVICE_KEY),
    )}`;

  beforeAll(async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    for (let i = 0; i < 5; i++) {
      const debtor = await businessDebtor(h, { phone: '+31 20 555 0101' });
      const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
      debtors.push({ ...debtor, invoiceId: inv.id, number: inv.number });
    }
    // Key accounts may start a plan from the page; the other segments leave it to the owner.
    const keyAccounts = (await h.get<Record<string, unknown>>('/policies/business-key-account', 'admin'))
      .body;
    const put = await h.send(
      'PUT',
      '/policies/business-key-account',
      { ...keyAccounts, selfServicePlans: true },
      'admin',
    );
    expect(put.status).toBe(200);
    for (const segment of [undefined, 'business-key-account']) {
      const debtor = await businessDebtor(h, segment ? { segment } : {});
      const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_200_00 });
      planDebtors.push({ ...debtor, invoiceId: inv.id, number: inv.number });
    }
    // Friday the 6th: the friendly reminder goes out, with the link.
    await advanceTo(h, '2026-03-06T05:30:00Z');
  });

  afterAll(async () => {
    await h.stop();
  });

  it('shows the open invoices in the debtor’s language from the link in the reminder', async () => {
    const [debtor] = debtors;
    const link = await linkInLetter(h, debtor!.email);
    const page = await open(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="nl">');
    expect(page.html).toContain(debtor!.number);
    expect(page.html).toContain('€ 1.250,00');
    expect(page.html).toMatch(/data:image\/png;base64,/);
    expect(page.html).toContain('https://pay.example/i/');
    const statement = await open(`${link}/statement?format=csv`);
    expect(statement.status).toBe(200);
    expect(statement.html).toContain(`${debtor!.number},2026-02-01,2026-03-01,EUR,1250.00,1250.00,0.00,5,`);
  });

  it('a tampered token shows the error page, never data', async () => {
    const [debtor] = debtors;
    const link = await linkInLetter(h, debtor!.email);
    const [debtorPart, ...rest] = link.slice(link.lastIndexOf('/') + 1).split('.');
    const other = Buffer.from(debtors[1]!.id).toString('base64url');
    for (const token of [
      [other, ...rest].join('.'),
      `${link.slice(link.lastIndexOf('/') + 1, -2)}xx`,
      'not-a-token',
    ]) {
      const page = await open(`${link.slice(0, link.lastIndexOf('/') + 1)}${token}`);
      expect(page.status).toBe(404);
      expect(page.html).toContain('Deze link werkt niet');
      for (const secret of [debtor!.number, debtors[1]!.number, 'Korenschoof', '1.250,00']) {
        expect(page.html).not.toContain(secret);
      }
    }
    expect(debtorPart).toBeTruthy();
  });

  it('an expired token shows the error page', async () => {
    const [debtor] = debtors;
    const link = await linkInLetter(h, debtor!.email);
    const expired = signToken(
      { debtorId: debtor!.id, expiresAt: expiryAfter(new Date('2025-12-01T00:00:00Z'), 60) },
      signingKey(LOCAL_SELF_SERVICE_KEY),
    );
    const page = await open(`${link.slice(0, link.lastIndexOf('/') + 1)}${expired}`);
    expect(page.status).toBe(410);
    expect(page.html).toContain('Deze link is verlopen');
    expect(page.html).not.toContain(debtor!.number);
  });

  it('a promise from the page is on the invoice and the timeline as done by the debtor', async () => {
    const debtor = debtors[0]!;
    const link = await linkInLetter(h, debtor.email);
    const page = await open(link);
    const answer = await post(link, {
      ...formGuard(page.html, 'promise'),
      invoiceId: debtor.invoiceId,
      promisedDate: '2026-03-20',
    });
    const result = await resultOf(link, answer);
    expect(result.status).toBe(200);
    expect(result.html).toContain('20 maart 2026');

    const view = await invoiceView(h, debtor.invoiceId);
    expect(view.dunning).toMatchObject({ status: 'paused', pausedFor: 'promise' });
    expect(view.timeline.find((entry) => entry.type === 'promise_taken')).toMatchObject({
      actor: { kind: 'debtor', id: 'debtor' },
    });
    await eventually(async () =>
      expect((await emailsTo(h, debtor.email)).map((email) => email.subject)).toContainEqual(
        expect.stringContaining('Bevestiging'),
      ),
    );

    // The debtor moves it once; a second move is refused on the page.
    const again = await open(link);
    const moved = await post(link, {
      ...formGuard(again.html, 'promise'),
      invoiceId: debtor.invoiceId,
      promisedDate: '2026-03-27',
    });
    expect((await resultOf(link, moved)).html).toContain('27 maart 2026');
    const third = await open(link);
    const refused = await post(link, {
      ...formGuard(third.html, 'promise'),
      invoiceId: debtor.invoiceId,
      promisedDate: '2026-03-30',
    });
    expect(refused.status).toBe(409);
    expect(
      (await invoiceView(h, debtor.invoiceId)).timeline.filter((e) => e.type === 'promise_moved'),
    ).toHaveLength(1);
  });

  it('a partial dispute from the page', async () => {
    const debtor = debtors[1]!;
    const link = await linkInLetter(h, debtor.email);
    const page = await open(link);
    const answer = await post(link, {
      ...formGuard(page.html, 'dispute'),
      invoiceId: debtor.invoiceId,
      cause: 'quantity',
      explanation: 'Twee dozen ontbraken bij de levering.',
      amount: '250,00',
    });
    const result = await resultOf(link, answer);
    expect(result.html).toContain('€ 250,00');

    const view = await invoiceView(h, debtor.invoiceId);
    expect(view.timeline.find((entry) => entry.type === 'dispute_raised')).toMatchObject({
      actor: { kind: 'debtor', id: 'debtor' },
      details: { amount: { amount: 250_00, currency: 'EUR' }, partial: true, cause: 'quantity' },
    });
    // The dunning goes on for the undisputed € 1.000,00, which the page now asks for.
    expect(result.html).toContain('€ 1.000,00');
  });

  it('a call-back request becomes a task on the worklist', async () => {
    const debtor = debtors[2]!;
    const link = await linkInLetter(h, debtor.email);
    const page = await open(link);
    const answer = await post(link, {
      ...formGuard(page.html, 'call_back'),
      phone: '020 555 0199',
      preferredTime: 'dinsdagochtend',
    });
    expect((await resultOf(link, answer)).html).toContain('020 555 0199');

    const worklist = await h.get<WorklistBody>('/worklist');
    const entry = worklist.body.entries.find((candidate) => candidate.debtorId === debtor.id);
    expect(entry?.tasks).toContainEqual(
      expect.objectContaining({
        kind: 'call_back_requested',
        summary: expect.stringContaining('020 555 0199, preferably dinsdagochtend'),
      }),
    );
  });

  it('the same form submitted twice is recorded once', async () => {
    const debtor = debtors[3]!;
    const link = await linkInLetter(h, debtor.email);
    const page = await open(link);
    const form = { ...formGuard(page.html, 'call_back'), phone: '020 555 0123', preferredTime: 'morgen' };
    const [first, second] = await Promise.all([post(link, form), post(link, form)]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(first.location).toBe(second.location);
    const third = await post(link, form);
    expect(third.location).toBe(first.location);

    const worklist = await h.get<WorklistBody>('/worklist');
    const tasks = worklist.body.entries
      .find((candidate) => candidate.debtorId === debtor.id)
      ?.tasks.filter((task) => task.kind === 'call_back_requested');
    expect(tasks).toHaveLength(1);
  });

  it('a payment plan from the page is a task for the owner, and starts at once where the policy allows it', async () => {
    const [asked, started] = planDebtors as [(typeof planDebtors)[0], (typeof planDebtors)[0]];
    const askedLink = linkOf(asked.id);
    const askedPage = await open(askedLink);
    const request = await post(askedLink, { ...formGuard(askedPage.html, 'plan'), instalments: '3' });
    expect((await resultOf(askedLink, request)).html).toContain('verzoek om een regeling in 3 termijnen');
    const worklist = await h.get<WorklistBody>('/worklist');
    expect(worklist.body.entries.find((entry) => entry.debtorId === asked.id)?.tasks).toContainEqual(
      expect.objectContaining({ kind: 'set_up_payment_plan' }),
    );

    const startedLink = linkOf(started.id);
    const startedPage = await open(startedLink);
    const answer = await post(startedLink, { ...formGuard(startedPage.html, 'plan'), instalments: '3' });
    expect((await resultOf(startedLink, answer)).html).toContain('gaat direct in');
    const plans = await h.get<{
      plans: { status: string; createdBy: string; instalments: { amount: number }[] }[];
    }>(`/debtors/${started.id}/payment-plans`);
    expect(plans.body.plans).toEqual([
      expect.objectContaining({
        status: 'active',
        createdBy: 'debtor',
        instalments: [
          expect.objectContaining({ amount: 400_00 }),
          expect.objectContaining({ amount: 400_00 }),
          expect.objectContaining({ amount: 400_00 }),
        ],
      }),
    ]);
    const timeline = await h.get<{ events: { type: string; details?: Record<string, unknown> }[] }>(
      `/debtors/${started.id}/timeline`,
    );
    expect(timeline.body.events.find((event) => event.type === 'debtor_request')?.details).toMatchObject({
      acceptedAt: expect.any(String),
      requestId: expect.any(String),
    });
  });

  it('a link used beyond its hourly limit gets the 429 page', async () => {
    // A link of its own: the limit (30 an hour by default) is counted per link.
    const link = linkOf(debtors[4]!.id);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await open(link)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const refused = await open(link);
    expect(refused.status).toBe(429);
    expect(refused.html).toContain('Even geduld');
    expect(refused.html).not.toContain(debtors[4]!.number);
  });

  it('refuses a form posted without the page’s CSRF token, and records nothing', async () => {
    const debtor = debtors[4]!;
    const link = await linkInLetter(h, debtor.email);
    const answer = await post(link, {
      action: 'promise',
      nonce: 'abc-0123456789abcdef',
      csrf: 'forged',
      invoiceId: debtor.invoiceId,
      promisedDate: '2026-03-20',
    });
    expect(answer.status).toBe(403);
    expect((await invoiceView(h, debtor.invoiceId)).dunning?.status).not.toBe('paused');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  businessDebtor,
  invoice,
  MARCH_DUE as DUE,
  MARCH_START as START,
  payment,
} from '../workflow/scenario';

interface CreditStatus {
  debtorId: string;
  creditHold: boolean;
  hold?: { since: string; reason: string; invoiceIds: string[]; setBy: string };
  reason: string;
}

function creditStatusOf(h: CloudHarness, debtorId: string): CreditStatus[] {
  return h.cloud
    .notifications()
    .filter((m) => m.topicName === 'credit-status')
    .map((m) => JSON.parse(m.message) as CreditStatus)
    .filter((m) => m.debtorId === debtorId);
}

interface CreditCheckBody {
  decision: string;
  reasons: { code: string; detail: string }[];
  exposure: number;
  creditLimit: number | null;
  available: number | null;
  currency: string;
}

const REPORT = {
  provider: 'Graydon',
  score: 72,
  riskClass: 'low',
  recommendedLimit: { amount: 20_000_00, currency: 'EUR' },
  reportDate: '2026-02-15',
};

describe('credit control', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('lifts the credit hold when the last overdue invoice is paid, and a credit-status message says so', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 2_400_00 });

    // business-standard escalates to the account manager 30 days after the due date.
    await h.advanceDays(31);
    const held = await eventually(() => {
      const messages = creditStatusOf(h, debtor.id);
      expect(messages).toHaveLength(1);
      return messages[0]!;
    });
    expect(held).toMatchObject({
      creditHold: true,
      hold: { invoiceIds: [inv.id], setBy: 'workflow' },
    });
    const view = await h.get<{
      debtor: { creditHold: boolean; creditHoldDetail?: { invoiceIds: string[] } };
    }>(`/debtors/${debtor.id}`);
    expect(view.body.debtor).toMatchObject({ creditHold: true, creditHoldDetail: { invoiceIds: [inv.id] } });

    expect((await h.post(payment(inv.id, 2_400_00, '2026-04-01T10:00:00+02:00'))).status).toBe(200);

    const released = await eventually(() => {
      const messages = creditStatusOf(h, debtor.id);
      expect(messages).toHaveLength(2);
      return messages[1]!;
    });
    expect(released).toMatchObject({ creditHold: false });
    const after = await h.get<{ debtor: { creditHold: boolean } }>(`/debtors/${debtor.id}`);
    expect(after.body.debtor.creditHold).toBe(false);
    const timeline = await h.get<{ events: { type: string }[] }>(`/debtors/${debtor.id}/timeline`);
    expect(timeline.body.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['credit_hold_set', 'credit_hold_lifted']),
    );
  });

  it('keeps a hold a manager set by hand after the invoices are paid, until a manager lifts it', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    const set = await h.send(
      'PUT',
      `/debtors/${debtor.id}/credit-hold`,
      { hold: true, reason: 'curator appointed' },
      'manager',
    );
    expect(set.status).toBe(200);
    expect(
      (await h.send('PUT', `/debtors/${debtor.id}/credit-hold`, { hold: false, reason: 'x' })).status,
    ).toBe(403);
    expect((await h.post(payment(inv.id, 1_250_00, '2026-03-02T08:00:00+01:00'))).status).toBe(200);
    expect(
      (await h.get<{ debtor: { creditHold: boolean } }>(`/debtors/${debtor.id}`)).body.debtor.creditHold,
    ).toBe(true);
    const lifted = await h.send<{ creditHold: boolean }>(
      'PUT',
      `/debtors/${debtor.id}/credit-hold`,
      { hold: false, reason: 'trading again' },
      'manager',
    );
    expect(lifted.body.creditHold).toBe(false);
    expect(creditStatusOf(h, debtor.id).map((m) => m.creditHold)).toEqual([true, false]);
  });

  it('declines on hold, refers over the limit and without a recent report, and approves otherwise', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, { creditLimit: { amount: 10_000_00, currency: 'EUR' } });
    await invoice(h, debtor.id, { dueDate: '2026-03-31', totalAmount: 4_000_00 });
    const check = (orderAmount: number) =>
      h.get<CreditCheckBody>(`/debtors/${debtor.id}/credit-check?orderAmount=${orderAmount}`);

    const withoutReport = await check(1_000_00);
    expect(withoutReport.status).toBe(200);
    expect(withoutReport.body).toMatchObject({ decision: 'refer', reasons: [{ code: 'no_credit_report' }] });

    const old = await h.send('POST', `/debtors/${debtor.id}/credit-reports`, {
      ...REPORT,
      reportDate: '2025-01-10',
    });
    expect(old.status).toBe(201);
    expect((await check(1_000_00)).body).toMatchObject({
      decision: 'refer',
      reasons: [{ code: 'credit_report_outdated' }],
    });

    expect((await h.send('POST', `/debtors/${debtor.id}/credit-reports`, REPORT)).status).toBe(201);
    const approved = await check(1_000_00);
    expect(approved.body).toEqual({
      decision: 'approve',
      reasons: [expect.objectContaining({ code: 'within_limit' })],
      exposure: 4_000_00,
      creditLimit: 10_000_00,
      available: 6_000_00,
      currency: 'EUR',
    });

    expect((await check(7_000_00)).body).toMatchObject({
      decision: 'refer',
      reasons: [{ code: 'over_credit_limit' }],
    });

    await h.send(
      'PUT',
      `/debtors/${debtor.id}/credit-hold`,
      { hold: true, reason: 'bounced direct debit' },
      'manager',
    );
    expect((await check(1_000_00)).body).toMatchObject({
      decision: 'decline',
      reasons: [{ code: 'credit_hold' }],
    });

    const view = await h.get<{
      debtor: { creditReport?: { reportDate: string; recommendedLimit: unknown } };
    }>(`/debtors/${debtor.id}`);
    expect(view.body.debtor.creditReport).toMatchObject({
      reportDate: REPORT.reportDate,
      recommendedLimit: REPORT.recommendedLimit,
    });
    const timeline = await h.get<{ events: { type: string; details?: { decision?: string } }[] }>(
      `/debtors/${debtor.id}/timeline`,
    );
    // Entries of the same (frozen) instant have no order among them.
    expect(
      timeline.body.events
        .filter((e) => e.type === 'credit_checked')
        .map((e) => e.details?.decision)
        .sort(),
    ).toEqual(['approve', 'decline', 'refer', 'refer', 'refer']);
  });

  it("answers the order system's app client by its scope, within the order system's own authority", async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, { creditLimit: { amount: 50_000_00, currency: 'EUR' } });
    expect((await h.send('POST', `/debtors/${debtor.id}/credit-reports`, REPORT)).status).toBe(201);
    const orderSystem = await h.cloud.issuer.issueClientToken();
    const ask = (path: string, token: string) =>
      fetch(`${h.cloud.endpoints.api}${path}`, { headers: { authorization: `Bearer ${token}` } });

    const small = await ask(`/order-system/debtors/${debtor.id}/credit-check?orderAmount=5000`, orderSystem);
    expect(small.status).toBe(200);
    expect(await small.json()).toMatchObject({ decision: 'approve' });
    const large = await ask(
      `/order-system/debtors/${debtor.id}/credit-check?orderAmount=2000000`,
      orderSystem,
    );
    expect(await large.json()).toMatchObject({
      decision: 'refer',
      reasons: [{ code: 'above_order_authority' }],
    });

    // A person's ID token does not open the order system's route, nor its access token a person's.
    const person = await h.cloud.issuer.issueToken({ group: 'manager' });
    expect(
      (await ask(`/order-system/debtors/${debtor.id}/credit-check?orderAmount=5000`, person)).status,
    ).toBe(401);
    expect((await ask(`/debtors/${debtor.id}/credit-check?orderAmount=5000`, orderSystem)).status).toBe(401);
    const withoutScope = await h.cloud.issuer.issueClientToken({ clientId: 'other', scopes: ['other/read'] });
    expect(
      (await ask(`/order-system/debtors/${debtor.id}/credit-check?orderAmount=5000`, withoutScope)).status,
    ).toBe(401);
  });

  it('tells the account manager at once of a signal of financial trouble', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, {
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    });
    const signal = await h.send('POST', `/debtors/${debtor.id}/signals`, {
      kind: 'financial_trouble',
      note: 'de bank heeft het krediet opgezegd',
    });
    expect(signal.status).toBe(201);
    const told = h.cloud
      .notifications()
      .filter((m) => m.topicName === 'account-managers' && m.message.includes(debtor.id));
    expect(told).toHaveLength(1);
    expect(told[0]?.message).toContain('de bank heeft het krediet opgezegd');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../functions/core/legal/claim';
import { SEED_STATUTORY_RATES, type StatutoryRate } from '../../../functions/core/legal/statutory-rates';
import { formatRfCreditorReference } from '../../../functions/core/payments/rf-creditor-reference';
import { warnOfLapsingClaim } from '../../../functions/use-cases/claims/limitation-warnings';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type ClaimsCloud, claimsCloud, sesDelivery } from './claims-cloud';

type ErrorAnswer = { error: { code: string; message: string; issues: { path: string; message: string }[] } };

/** Business time on the local cloud: Monday 10 March 2025, 08:00 in Amsterdam. */
const START = '2025-03-10T07:00:00Z';

describe('claims: interest, collection costs and payment references on the local cloud', () => {
  let world: ClaimsCloud;

  beforeAll(async () => {
    world = await claimsCloud(START);
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function debtor(kind: 'business' | 'consumer', language = 'en'): Promise<string> {
    const id = newId('deb');
    const answer = await world.deliver(debtorUpserted({ id, kind, language, name: `Debtor ${id}` }));
    expect(answer.status).toBe(200);
    return id;
  }

  async function invoice(debtorId: string, dueDate: string, issueDate = '2025-01-31'): Promise<string> {
    const id = newId('inv');
    const answer = await world.deliver(
      invoiceCreated({ id, debtorId, dueDate, issueDate, totalAmount: 1_000_00 }),
    );
    expect(answer.status).toBe(200);
    return id;
  }

  const claimOf = (invoiceId: string, query = '') =>
    world.call<Claim>('controller', 'GET', `/invoices/${invoiceId}/claim${query}`);

  it('charges a business statutory commercial interest from the day after the due date and EUR 40', async () => {
    const invoiceId = await invoice(await debtor('business'), '2025-02-28');

    const { status, body: claim } = await claimOf(invoiceId);

    expect(status).toBe(200);
    expect(claim).toMatchObject({ asOf: '2025-03-10', currency: 'EUR', principal: 1_000_00 });
    expect(claim.interest.periods[0]).toMatchObject({ from: '2025-03-01', ratePercent: 11.15 });
    expect(claim.interest.amount).toBeGreaterThan(0);
    expect(claim.costs).toEqual({ amount: 40_00, vat: 0, rule: 'fixed-compensation', dueFrom: '2025-03-01' });
    expect(claim.total).toBe(1_000_00 + claim.interest.amount + 40_00);
    expect(claim.explanation).toContain(
      'Statutory commercial interest (art. 6:119a BW) runs from 2025-03-01, the day after the due date 2025-02-28, without a reminder.',
    );
  });

  it('charges a consumer no costs before the 14-day letter, and says why in the debtor’s language', async () => {
    const invoiceId = await invoice(await debtor('consumer', 'nl'), '2025-03-09');

    const { status, body: claim } = await claimOf(invoiceId);

    expect(status).toBe(200);
    expect(claim.costs).toEqual({ amount: 0, vat: 0, rule: 'wik-scale', dueFrom: null });
    expect(claim.interest.amount).toBe(0);
    expect(claim.total).toBe(1_000_00);
    expect(claim.explanation).toContain(
      'Incassokosten nog niet verschuldigd: er is geen veertiendagenbrief (art. 6:96 lid 6 BW) verstuurd.',
    );
  });

  it('matches a payment that carries only the RF reference of an invoice to that invoice', async () => {
    const invoiceId = await invoice(await debtor('business'), '2025-04-30');
    const { body: before } = await world.call<{ invoice: { paymentReference: string } }>(
      'controller',
      'GET',
      `/invoices/${invoiceId}`,
    );
    const printed = formatRfCreditorReference(before.invoice.paymentReference);

    const answer = await world.deliver(
      paymentReceived({ reference: printed }, { amount: 400_00, receivedAt: '2025-03-10T07:30:00Z' }),
    );

    expect(answer).toMatchObject({ status: 200, body: { status: 'applied' } });
    const { body: after } = await world.call<{ openAmount: number; timeline: { type: string }[] }>(
      'controller',
      'GET',
      `/invoices/${invoiceId}`,
    );
    expect(after.openAmount).toBe(600_00);
    expect(after.timeline.map((event) => event.type)).toContain('payment_received');
  });

  it('puts a limitation warning on the task list when a claim lapses within 90 days', async () => {
    // A consumer invoice due on 1 May 2023 lapses on 2 May 2025 (art. 7:28 BW), 53 days from today.
    const invoiceId = await invoice(await debtor('consumer'), '2023-05-01', '2023-04-01');
    const record = await world.store.getInvoice(invoiceId);
    if (!record) throw new Error('the invoice should be stored');

    await warnOfLapsingClaim({ store: world.store, clock: world.cloud.clock }, record);

    const { body } = await world.call<{ tasks: { kind: string; invoiceId: string; summary: string }[] }>(
      'controller',
      'GET',
      '/tasks',
    );
    expect(
      body.tasks.filter((task) => task.invoiceId === invoiceId && task.kind === 'limitation_warning'),
    ).toEqual([
      expect.objectContaining({ summary: expect.stringContaining('lapses on 2025-05-02 (art. 7:28 BW') }),
    ]);
  });

  describe('the rate table', () => {
    const commercialFirstHalf2027: StatutoryRate = {
      kind: 'commercial',
      effectiveFrom: '2027-01-01',
      effectiveThrough: '2027-06-30',
      ratePercent: 10.4,
      verified: false,
    };

    it('is shown to every role, starting from the seed rates', async () => {
      const { status, body } = await world.call('manager', 'GET', '/rates');

      expect(status).toBe(200);
      expect(body).toEqual({ rates: SEED_STATUTORY_RATES, version: 1 });
    });

    it('refuses a claim over days whose rate is not known, naming the day and the kind', async () => {
      const invoiceId = await invoice(await debtor('business'), '2025-02-28');

      const { status, body } = await claimOf(invoiceId, '?asOf=2027-01-15');

      expect(status).toBe(422);
      expect((body as unknown as ErrorAnswer).error).toMatchObject({
        code: 'rate_not_known',
        message: expect.stringContaining(
          'The statutory commercial interest rate (art. 6:119a BW) for 2027-01-01 is not known',
        ),
      });
    });

    it('computes a claim on a B2B invoice due in 2021 with the rates of 2021', async () => {
      const invoiceId = await invoice(await debtor('business'), '2021-03-31', '2021-03-01');

      const { status, body: claim } = await claimOf(invoiceId, '?asOf=2021-12-31');

      expect(status).toBe(200);
      expect(claim.interest.periods.map((period) => [period.from, period.to, period.ratePercent])).toEqual([
        ['2021-04-01', '2021-06-30', 8],
        ['2021-07-01', '2021-12-31', 8],
      ]);
      // 275 days at 8% (the ECB rate of 0% + 8 points) on EUR 1,000.
      expect(claim.interest.amount).toBe(60_27);
      expect(claim.explanation).toContain(
        'The commercial rate of 8% from 2021-01-01 is the ECB main refinancing rate of 0% on that day plus 8 points (art. 6:120 lid 2 BW).',
      );
    });

    it('may not be changed by a credit controller', async () => {
      const { status } = await world.call('controller', 'PUT', '/rates', {
        rates: SEED_STATUTORY_RATES,
        version: 1,
      });

      expect(status).toBe(403);
    });

    it('refuses a bad rate from an admin, naming the field', async () => {
      const rates = SEED_STATUTORY_RATES.map((rate, index) =>
        index === 3 ? { ...rate, ratePercent: 1225 } : rate,
      );

      const { status, body } = await world.call<ErrorAnswer>('admin', 'PUT', '/rates', { rates, version: 1 });

      expect(status).toBe(400);
      expect(body.error.issues).toEqual([
        { path: 'rates.3.ratePercent', message: 'must be between 0 and 100' },
      ]);
    });

    it('stores a good table from an admin as the next version, which claims use at once', async () => {
      const rates = [...SEED_STATUTORY_RATES, commercialFirstHalf2027];
      const invoiceId = await invoice(await debtor('business'), '2025-02-28');

      const put = await world.call('admin', 'PUT', '/rates', { rates, version: 1 });
      const shown = await world.call('controller', 'GET', '/rates');
      const claim = await claimOf(invoiceId, '?asOf=2027-01-15');

      expect(put).toMatchObject({ status: 200, body: { version: 2, rates } });
      expect(shown.body).toMatchObject({ version: 2, rates });
      expect(claim.status).toBe(200);
      expect(claim.body.interest.periods.at(-1)).toMatchObject({ from: '2027-01-01', ratePercent: 10.4 });
    });
  });

  // Last: it moves business time three weeks on, through the consumer's dunning.
  it('charges a consumer WIK costs once the delivered 14-day letter’s term has passed', async () => {
    const debtorId = await debtor('consumer');
    const invoiceId = await invoice(debtorId, '2025-03-09');

    // The consumer policy's 14-day letter of day 21, Sunday 30 March, goes out on the next working
    // day: Monday 31 March, 09:00. It prints 15 April as the last day to pay (a day's delivery
    // margin): received that day, its term runs to that printed date.
    await world.cloud.advanceTo(new Date('2025-03-31T08:00:00Z'));
    const sent = await world.timelineEntry(
      invoiceId,
      (event) => event.type === 'email_sent' && event.details?.template === 'fourteen-day-letter',
    );
    expect(sent.details?.fourteenDayTerm).toEqual({
      endsOn: '2025-04-15',
      costs: { amount: 150_00, currency: 'EUR' },
    });
    // The local SES emulator publishes no events: SES's delivery notification goes to the real recorder.
    await world.cloud.invoke(
      'record-email-event',
      sesDelivery(sent.details, debtorId, '2025-03-31T07:00:02Z'),
    );

    const during = await claimOf(invoiceId, '?asOf=2025-04-15');
    const after = await claimOf(invoiceId, '?asOf=2025-04-16');

    expect(during.body.costs).toEqual({ amount: 0, vat: 0, rule: 'wik-scale', dueFrom: '2025-04-16' });
    expect(after.body.costs).toEqual({ amount: 150_00, vat: 0, rule: 'wik-scale', dueFrom: '2025-04-16' });
    expect(after.body.explanation).toContain(
      'Collection costs of €150.00 under the WIK scale (art. 6:96 BW; Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2) over the principal of €1,000.00 still open when the term ended; due from 2025-04-16: the 14-day letter was received on 2025-03-31 and the term ended on 2025-04-15.',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../functions/core/calendar/time-zone';
import type { Claim } from '../../../functions/core/legal/claim';
import { formatMoney } from '../../../functions/core/money';
import type { ClaimFile } from '../../../functions/use-cases/collection-agency/claim-file';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, invoiceView, payment } from '../workflow/scenario';

/** Monday 2 March 2026, 06:00 in Amsterdam: within the seeded commercial rates (to 30 June 2026). */
const START = new Date('2026-03-02T05:00:00Z');
const AMSTERDAM = 'Europe/Amsterdam';
const HOUR_MS = 3_600_000;

const euros = (cents: number) => formatMoney({ amount: cents, currency: 'EUR' }, 'nl');

/**
 * The figures the debtor reads in the final notice and the figures the collection agency gets
 * are the figures GET /invoices/{id}/claim gives for the same day: what a court would see.
 */
describe('the final notice and the agency dossier state the claim the API computes', () => {
  let h: CloudHarness;
  let debtorEmail: string;
  let inv: { id: string; number: string };

  beforeAll(async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    debtorEmail = debtor.email;
    inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 4_800_00 });
  });

  afterAll(async () => {
    await h?.stop();
  });

  const claimAsOf = async (day: string) => {
    const answer = await h.get<Claim>(`/invoices/${inv.id}/claim?asOf=${day}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('prints principal, commercial interest, the EUR 40 compensation and the total of GET /claim on the final notice’s day', async () => {
    // business-standard sends the final notice 40 days after the due date, at 09:00. The clock
    // then stands still at 10:00 that day, so the notice is dated 10 April however late it runs.
    // A part paid on 5 March lowers the principal, and the interest from that day on.
    await h.advanceDays(4);
    expect((await h.post(payment(inv.id, 800_00, '2026-03-05T10:00:00+01:00'))).status).toBe(200);
    await h.advanceDays(35);
    await h.cloud.advance(3 * HOUR_MS);
    const day = localDate(h.cloud.clock.now(), AMSTERDAM);
    const sent = await eventually(async () => {
      const view = await invoiceView(h, inv.id);
      const letter = view.timeline.find((e) => e.type === 'email_sent' && e.details?.slot === 'finalNotice');
      expect(letter).toBeDefined();
      return String(letter?.details?.messageId);
    });
    const email = (await h.cloud.emails()).find(
      (e) => e.messageId === sent && e.to.some((to) => to.includes(debtorEmail)),
    );
    const claim = await claimAsOf(day);

    expect(claim.principal).toBe(4_000_00);
    expect(claim.interest.periods).toHaveLength(2);
    expect(claim.costs).toMatchObject({ amount: 40_00, vat: 0, rule: 'fixed-compensation' });
    expect(email?.text).toContain(
      [
        'Uw vordering per 10 april 2026',
        `- Hoofdsom: ${euros(claim.principal)}`,
        `- Wettelijke handelsrente (art. 6:119a BW): ${euros(claim.interest.amount)}`,
        `  10,15% over 2 maart 2026 t/m 4 maart 2026 (3 dagen): ${euros(claim.interest.periods[0]?.amount ?? 0)}`,
        `  10,15% over 5 maart 2026 t/m 10 april 2026 (37 dagen): ${euros(claim.interest.periods[1]?.amount ?? 0)}`,
        `- Vergoeding voor buitengerechtelijke incassokosten (art. 6:96 lid 4 BW): ${euros(40_00)}`,
        `Totaal verschuldigd: ${euros(claim.total)}`,
      ].join('\n'),
    );
  });

  it('hands the agency a dossier with the figures of GET /claim on the hand-over day', async () => {
    // business-standard hands over 60 days after the due date.
    await h.advanceDays(20);
    const published = await eventually(() => {
      const message = h.cloud
        .notifications()
        .find((m) => m.topicName === 'collection-agency' && m.message.includes(inv.id));
      expect(message).toBeDefined();
      return message?.message ?? '';
    });
    const dossier = JSON.parse(published) as ClaimFile;
    const claim = await claimAsOf(dossier.handedOverOn);

    expect(dossier.claim).toMatchObject({
      currency: claim.currency,
      principal: claim.principal,
      interest: claim.interest.amount,
      costs: claim.costs.amount,
      costsVat: claim.costs.vat,
      total: claim.total,
    });
  });
});

/** The seeded rates end on 31 December 2026; a notice after that day needs one nobody entered. */
describe('a final notice whose interest rate is not known yet', () => {
  let h: CloudHarness;

  afterAll(async () => {
    await h?.stop();
  });

  it('goes out without interest, says the interest is claimed separately, and never guesses a rate', async () => {
    // Thursday 26 November 2026, 07:00 in Amsterdam; the final notice falls on Monday 4 January 2027.
    h = await startCloudHarness(new Date('2026-11-26T06:00:00Z'));
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-11-25', totalAmount: 4_800_00 });
    await h.advanceDays(39);
    await h.cloud.advance(3 * HOUR_MS);

    const messageId = await eventually(async () => {
      const view = await invoiceView(h, inv.id);
      const letter = view.timeline.find((e) => e.type === 'email_sent' && e.details?.slot === 'finalNotice');
      expect(letter).toBeDefined();
      return String(letter?.details?.messageId);
    });
    const email = (await h.cloud.emails()).find((e) => e.messageId === messageId);
    const claim = await h.get<{ error: { code: string } }>(`/invoices/${inv.id}/claim?asOf=2027-01-04`);

    expect(claim.status).toBe(422);
    expect(claim.body.error.code).toBe('rate_not_known');
    expect(email?.text).toContain(
      [
        'Uw vordering per 4 januari 2027',
        `- Hoofdsom: ${euros(4_800_00)}`,
        `- Vergoeding voor buitengerechtelijke incassokosten (art. 6:96 lid 4 BW): ${euros(40_00)}`,
        `Totaal verschuldigd: ${euros(4_840_00)}`,
      ].join('\n'),
    );
    expect(email?.text).toContain('Wij brengen de wettelijke handelsrente afzonderlijk in rekening.');
    expect(email?.text).not.toContain('Wettelijke handelsrente (art. 6:119a BW)');
  });
});

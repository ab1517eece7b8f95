import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../functions/core/money';
import type { PortfolioDay } from '../../../functions/core/reports/portfolio-day';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, emailsTo, invoice, payment } from '../workflow/scenario';

// Monday 2 March 2026, 05:00 in Amsterdam: the week to be summed up begins.
const START = new Date('2026-03-02T04:00:00Z');
const MANAGERS = 'managers@voorbeeld.example';
const HOUR_MS = 3_600_000;

const euros = (cents: number) => formatMoney({ amount: cents, currency: 'EUR' }, 'nl');

describe('the weekly summary on the local cloud', () => {
  let h: CloudHarness;
  let grower: { id: string };
  let payer: { id: string };
  // The local cloud started on a Monday morning too: its first summary is of the week before.
  const summariesOfTheWeek = async () =>
    (await emailsTo(h, MANAGERS)).filter(
      (email) => email.subject === 'Debiteurenbeheer: weekoverzicht 2026-03-02 t/m 2026-03-08',
    );

  beforeAll(async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    grower = await businessDebtor(h, { name: 'Groeiers B.V.' });
    payer = await businessDebtor(h, { name: 'Betalers B.V.' });
    // Overdue from this morning's sweep on: EUR 1,000.00 of the payer's, EUR 400.00 of the grower's from Wednesday.
    const paid = await invoice(h, payer.id, { dueDate: '2026-03-01', totalAmount: 1_000_00 });
    await invoice(h, grower.id, { dueDate: '2026-03-03', totalAmount: 400_00 });
    await h.cloud.advance(2 * HOUR_MS);
    await h.cloud.idle();
    await h.advanceDays(3); // Thursday 07:00
    expect((await h.post(payment(paid.id, 700_00, '2026-03-05T08:00:00+01:00'))).status).toBe(200);
    // To Monday 9 March, past 07:00 in Amsterdam.
    await h.cloud.advanceTo(new Date('2026-03-09T06:30:00Z'));
    await h.cloud.idle();
  }, 180_000);

  afterAll(async () => {
    await h.stop();
  });

  it("sends managers on Monday morning the portfolio report's figures of Sunday, their change, and the week's movements", async () => {
    const [email, ...more] = await summariesOfTheWeek();
    expect(more).toHaveLength(0);

    const report = await h.get<{ currencies: PortfolioDay[] }>(
      '/reports/portfolio?asOf=2026-03-08',
      'manager',
    );
    expect(report.status).toBe(200);
    const eur = report.body.currencies.find((c) => c.currency === 'EUR');
    if (!eur) throw new Error('no EUR in the portfolio report');
    expect(eur.open.amount).toBe(700_00);
    const text = email?.text ?? '';
    expect(text).toContain(
      `- Openstaand: ${euros(eur.open.amount)} (${eur.open.count} facturen) (vorige week ${euros(0)}; +${euros(eur.open.amount)})`,
    );
    expect(text).toContain(`- Vervallen: ${euros(eur.overdue.amount)} (${eur.overdue.count} facturen)`);
    expect(text).toContain(
      `- DSO (90 dagen): ${eur.dso.standard === null ? '–' : `${eur.dso.standard} dagen`}`,
    );
    expect(text).toContain(`- Afgeboekt (maand): ${euros(eur.writeOffs.amount)}`);
    // The payer's EUR 1,000.00 came overdue and EUR 700.00 of it was paid; the grower's EUR 400.00 came overdue.
    expect(text).toContain(`- Groeiers B.V.: +${euros(400_00)}\n- Betalers B.V.: +${euros(300_00)}`);
  });

  it('sends it once in a week, however often it is triggered', async () => {
    expect(await h.cloud.invoke('reports', { job: 'weekly-summary' })).toMatchObject({
      status: 'skipped',
      reason: 'sent_before',
    });
    await h.cloud.idle();
    expect(await summariesOfTheWeek()).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView } from './scenario';

// Monday 13 April 2026, 06:00 Amsterdam.
const START = new Date('2026-04-13T04:00:00Z');
const DUTCH_DATE =
  /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/;

describe('every demand has a date', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('names a date to pay in every reminder and notice, and the hand-over day and agency in the final notice', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-04-12', totalAmount: 4_800_00 });

    await h.advanceDays(62);

    await eventually(async () => expect((await invoiceView(h, inv.id)).status).toBe('in_collection'));
    const letters = (await emailsTo(h, debtor.email)).filter((email) => !/^Overgedragen/.test(email.subject));
    expect(letters.map((email) => email.subject.split(':')[0])).toEqual([
      'Herinnering',
      'Betalingsherinnering',
      'Laatste aanmaning vóór incasso',
    ]);
    for (const letter of letters) {
      expect(letter.text).toMatch(new RegExp(`uiterlijk op ${DUTCH_DATE.source}`));
      expect(letter.text).not.toMatch(/zo snel mogelijk|per omgaande|op zeer korte termijn/);
    }
    const finalNotice = letters.at(-1)?.text ?? '';
    expect(finalNotice).toMatch(
      new RegExp(`op ${DUTCH_DATE.source} over aan Incassobureau Gerritsen B\\.V\\.`),
    );
  });

  it('gives a consumer 14 days after receipt and the date in each reminder, and records the term the claim counts', async () => {
    const debtor = await businessDebtor(h, { kind: 'consumer', name: 'P. de Vries' });
    const inv = await invoice(h, debtor.id, { dueDate: '2026-04-12', totalAmount: 250_00 });

    await h.advanceDays(18);

    const reminders = await eventually(async () => {
      const sent = await emailsTo(h, debtor.email);
      expect(sent).toHaveLength(2);
      return sent;
    });
    for (const reminder of reminders) {
      expect(reminder.text).toMatch(
        new RegExp(`binnen 14 dagen na ontvangst van deze brief, uiterlijk op ${DUTCH_DATE.source}`),
      );
    }
    const sent = (await invoiceView(h, inv.id)).timeline.filter((e) => e.type === 'email_sent');
    expect(sent[0]?.details?.demand).toMatchObject({ termDays: 14, payBy: expect.any(String) });
  });
});

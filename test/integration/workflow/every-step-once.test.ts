import { afterEach, describe, expect, it } from 'vitest';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView } from './scenario';

const HOUR_MS = 3_600_000;

interface SentDetails {
  slot: string;
  letter: { day: string; currency: string };
}

async function lettersOf(h: CloudHarness, invoiceId: string): Promise<SentDetails[]> {
  const view = await invoiceView(h, invoiceId);
  return view.timeline.filter((e) => e.type === 'email_sent').map((e) => e.details as unknown as SentDetails);
}

describe('every invoice gets every step of its policy, in at most one letter per debtor, step, currency and day', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('gives an invoice that arrives hours after the debtor’s reminder of the day its own reminder the next day', async () => {
    h = await startCloudHarness(new Date('2026-03-02T05:00:00Z'));
    const debtor = await businessDebtor(h);
    const early = await invoice(h, debtor.id, { dueDate: '2026-02-27' });
    await h.cloud.advance(7 * HOUR_MS);
    await eventually(async () => expect(await emailsTo(h, debtor.email)).toHaveLength(1));

    const late = await invoice(h, debtor.id, { dueDate: '2026-02-27' });
    await h.advanceDays(2);

    const emails = await emailsTo(h, debtor.email);
    expect(emails).toHaveLength(2);
    expect(emails[1]?.text).toContain(late.number);
    expect(emails[1]?.text).not.toContain(early.number);
    expect((await lettersOf(h, early.id)).map((l) => [l.slot, l.letter.day])).toEqual([
      ['firstReminder', '2026-03-02'],
    ]);
    expect((await lettersOf(h, late.id)).map((l) => [l.slot, l.letter.day])).toEqual([
      ['firstReminder', '2026-03-03'],
    ]);

    // Both are at the second reminder on the same day again: one letter lists both.
    await h.advanceDays(11);
    await eventually(async () => expect(await emailsTo(h, debtor.email)).toHaveLength(3));
    for (const id of [early.id, late.id]) {
      expect((await lettersOf(h, id)).map((l) => l.slot)).toEqual(['firstReminder', 'secondReminder']);
    }
  });

  it('sends a debtor with invoices in euros and in pounds one reminder per currency', async () => {
    h = await startCloudHarness(new Date('2026-03-02T05:00:00Z'));
    const debtor = await businessDebtor(h);
    const euros = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    const pounds = { id: newId('inv') };
    const posted = await h.post(
      invoiceCreated({ id: pounds.id, debtorId: debtor.id, dueDate: '2026-03-01', currency: 'GBP' }),
    );
    expect(posted.status).toBe(200);

    await h.advanceDays(4);

    expect(await emailsTo(h, debtor.email)).toHaveLength(2);
    expect((await lettersOf(h, euros.id)).map((l) => [l.slot, l.letter.currency])).toEqual([
      ['firstReminder', 'EUR'],
    ]);
    expect((await lettersOf(h, pounds.id)).map((l) => [l.slot, l.letter.currency])).toEqual([
      ['firstReminder', 'GBP'],
    ]);
  });

  it('dates and keys a letter whose step ran after midnight on the day it went out, so that day gets no second one', async () => {
    // 23:59:59 in Amsterdam: SES throttles until midnight, so the retries run past it. (Throttling
    // a fixed number of calls left it to the retry's full jitter, up to 20 s, whether the letter
    // went out before midnight: then the second invoice rightly got its own letter the next day.)
    h = await startCloudHarness(new Date('2026-03-02T22:59:59Z'), { sesFaultProxy: true });
    const debtor = await businessDebtor(h);
    h.cloud.sesFaults?.failAlways({
      status: 429,
      errorType: 'TooManyRequestsException',
      message: 'Maximum sending rate exceeded.',
    });
    // Due on Friday 27 February: three days overdue, it starts at the first reminder of day 3,
    // Monday 2 March, at once. (One more day and it would start at its age, the day-14 reminder.)
    const evening = await invoice(h, debtor.id, { dueDate: '2026-02-27' });
    // The first invoice's reminder has been throttled and waits for its retry before the second
    // arrives: this test is about the day a retried letter is dated and keyed. Two invoices that
    // arrive in the same instant while SES throttles are a race of their own (see docs/architecture.md).
    await h.cloud.idle();
    const morning = await invoice(h, debtor.id, { dueDate: '2026-02-28' });
    await h.cloud.advanceTo(new Date('2026-03-02T23:00:00Z'));
    h.cloud.sesFaults?.recover();

    await h.advanceDays(1);

    const emails = await emailsTo(h, debtor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain(evening.number);
    expect(emails[0]?.text).toContain(morning.number);
    for (const id of [evening.id, morning.id]) {
      expect((await lettersOf(h, id)).map((l) => l.letter.day)).toEqual(['2026-03-03']);
    }
  });

  it('never hands a consumer’s claim to the collection agency without a 14-day letter', async () => {
    h = await startCloudHarness(new Date('2026-03-02T05:00:00Z'));
    const consumer = newId('deb');
    const upserted = await h.post(
      debtorUpserted({ id: consumer, kind: 'consumer', name: 'J. de Vries', email: undefined }),
    );
    expect(upserted.status).toBe(200);
    const inv = await invoice(h, consumer, { dueDate: '2026-03-01', totalAmount: 500_00 });

    await h.advanceDays(45);

    const view = await invoiceView(h, inv.id);
    expect(view.status).toBe('overdue');
    expect(h.cloud.notifications().filter((m) => m.topicName === 'collection-agency')).toHaveLength(0);
    expect(view.timeline.map((e) => e.summary)).toContain(
      'Step collectionAgency skipped: not handed over to the collection agency: no 14-day letter was sent',
    );
  });
});

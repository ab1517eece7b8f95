import { describe, expect, it } from 'vitest';
import type { PortfolioDay } from '../../../functions/core/reports/portfolio-day';
import {
  largestMovements,
  summaryFigures,
  summaryWeek,
  type WeeklySummary,
} from '../../../functions/core/reports/weekly-summary';
import type { OutgoingEmail } from '../../../functions/ports/mailer';
import { renderWeeklySummary } from '../../../functions/templates/colleagues/weekly-summary';
import { withOverdueMovements } from '../../../functions/use-cases/reports/overdue-movements';
import { portfolioOnDay } from '../../../functions/use-cases/reports/portfolio-on-day';
import { withPortfolioLedger } from '../../../functions/use-cases/reports/portfolio-ledger';
import { composeWeeklySummary, sendWeeklySummary } from '../../../functions/use-cases/reports/weekly-summary';
import { debtorRecord, invoiceRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

function day(changes: Partial<PortfolioDay>): PortfolioDay {
  const none = { amount: 0, count: 0 };
  return {
    asOf: '2026-03-08',
    currency: 'EUR',
    period: { from: '2026-02-09', to: '2026-03-08' },
    open: none,
    overdue: none,
    aging: { current: none, '1-30': none, '31-60': none, '61-90': none, '91-120': none, '120+': none },
    dso: { standard: null, countback: null },
    cei: null,
    averageDaysDelinquent: null,
    unchased: {
      ...none,
      share: null,
      byReason: { held: none, paused: none, dispute: none, no_execution: none },
    },
    writeOffs: none,
    ...changes,
  };
}

/** A clock the test moves, and the store as the functions compose it. */
function world() {
  let now = new Date('2026-03-04T10:00:00Z');
  const clock = { now: () => now };
  const raw = new InMemoryCreditStore();
  const store = withOverdueMovements(withPortfolioLedger(raw, clock), clock);
  const sent: OutgoingEmail[] = [];
  const mailer = {
    send: async (email: OutgoingEmail) => {
      sent.push(email);
      return { messageId: `m-${sent.length}` };
    },
  };
  return {
    clock,
    store,
    raw,
    sent,
    deps: {
      store,
      clock,
      mailer,
      recipients: ['finance@voorbeeld.example', 'cfo@voorbeeld.example'],
      language: 'en' as const,
    },
    at: (iso: string) => {
      now = new Date(iso);
    },
  };
}

describe('the week a summary reports', () => {
  it('reports the last whole week, Monday to Sunday, before the week it is sent in', () => {
    expect(summaryWeek('2026-03-09')).toEqual({
      key: '2026-03-09',
      from: '2026-03-02',
      to: '2026-03-08',
      previousTo: '2026-03-01',
    });
    // A run later in the same week reports the same week, under the same key.
    expect(summaryWeek('2026-03-11')).toEqual(summaryWeek('2026-03-09'));
  });
});

describe('the main figures of the summary', () => {
  it('gives each main figure of the portfolio report with its change from a week before', () => {
    const now = day({
      open: { amount: 900_00, count: 9 },
      overdue: { amount: 400_00, count: 4 },
      dso: { standard: 41, countback: 38 },
      cei: 72.4,
      unchased: { ...day({}).unchased, amount: 100_00, count: 1, share: 25 },
      writeOffs: { amount: 50_00, count: 1 },
    });
    const before = day({
      asOf: '2026-03-01',
      open: { amount: 1_000_00, count: 10 },
      overdue: { amount: 300_00, count: 3 },
      dso: { standard: 44, countback: 40 },
      cei: 72.1,
      unchased: { ...day({}).unchased, share: null },
    });

    expect(summaryFigures(now, before)).toEqual([
      { name: 'open', unit: 'money', value: 900_00, previous: 1_000_00, change: -100_00, count: 9 },
      { name: 'overdue', unit: 'money', value: 400_00, previous: 300_00, change: 100_00, count: 4 },
      { name: 'dso', unit: 'days', value: 41, previous: 44, change: -3 },
      { name: 'cei', unit: 'percent', value: 72.4, previous: 72.1, change: 0.3 },
      { name: 'unchasedShare', unit: 'percent', value: 25, previous: null, change: null },
      { name: 'writeOffs', unit: 'money', value: 50_00, previous: 0, change: 50_00, count: 1 },
    ]);
  });

  it('counts the amounts of a currency that had nothing a week before from zero', () => {
    const figures = summaryFigures(day({ open: { amount: 10_00, count: 1 } }), undefined);

    expect(figures.find((f) => f.name === 'open')).toMatchObject({ previous: 0, change: 10_00 });
    expect(figures.find((f) => f.name === 'dso')).toMatchObject({ previous: null, change: null });
  });
});

describe('the largest movements of a week', () => {
  it('names the ten debtors whose overdue amount moved most, rises and falls alike, largest first', () => {
    const rises = Array.from({ length: 10 }, (_, i) => ({ debtorId: `up-${i}`, delta: (10 - i) * 100 }));
    const falls = Array.from({ length: 10 }, (_, i) => ({ debtorId: `down-${i}`, delta: -(10 - i) * 150 }));

    const largest = largestMovements(rises, falls);

    expect(largest).toHaveLength(10);
    expect(largest.slice(0, 3).map((m) => m.delta)).toEqual([-1500, -1350, -1200]);
    expect(largest.map((m) => Math.abs(m.delta))).toEqual(
      [...largest.map((m) => Math.abs(m.delta))].sort((a, b) => b - a),
    );
  });

  it('orders equal movements by debtor, so that the list is the same each time it is made', () => {
    expect(
      largestMovements([{ debtorId: 'b', delta: 5 }], [{ debtorId: 'a', delta: -5 }]).map((m) => m.debtorId),
    ).toEqual(['a', 'b']);
  });

  it("adds every move of a debtor's overdue amount in the week to its movement of that week", async () => {
    const w = world();
    const debtor = debtorRecord();
    const invoice = invoiceRecord({ debtorId: debtor.id, status: 'overdue', openAmount: 300_00 });
    w.at('2026-02-25T10:00:00Z');
    await w.store.commit([{ kind: 'putInvoice', invoice, expectedVersion: null }]);
    w.at('2026-03-03T10:00:00Z');
    const stored = await w.store.getInvoice(invoice.id);
    if (!stored) throw new Error('the invoice was not stored');
    const partly = { ...stored, openAmount: 100_00, version: stored.version + 1 };
    await w.store.commit([{ kind: 'putInvoice', invoice: partly, expectedVersion: stored.version }]);

    expect(await w.raw.listOverdueMovements('EUR', '2026-02-23', 'up', 10)).toEqual([
      { week: '2026-02-23', debtorId: debtor.id, currency: 'EUR', delta: 300_00 },
    ]);
    expect(await w.raw.listOverdueMovements('EUR', '2026-03-02', 'down', 10)).toEqual([
      { week: '2026-03-02', debtorId: debtor.id, currency: 'EUR', delta: -200_00 },
    ]);
    expect(await w.raw.listOverdueMovements('EUR', '2026-03-02', 'up', 10)).toEqual([]);
  });
});

describe('the weekly summary email', () => {
  async function weekOfTwoDebtors(w: ReturnType<typeof world>) {
    const grower = debtorRecord({ name: 'Groeiers B.V.' });
    const payer = debtorRecord({ name: 'Betalers B.V.' });
    const old = invoiceRecord({
      debtorId: payer.id,
      status: 'overdue',
      openAmount: 300_00,
      dueDate: '2026-02-01',
    });
    w.at('2026-02-25T10:00:00Z');
    await w.store.commit([
      { kind: 'putDebtor', debtor: grower, expectedVersion: null },
      { kind: 'putDebtor', debtor: payer, expectedVersion: null },
      { kind: 'putInvoice', invoice: old, expectedVersion: null },
    ]);
    w.at('2026-03-04T10:00:00Z');
    const stored = await w.store.getInvoice(old.id);
    if (!stored) throw new Error('the invoice was not stored');
    await w.store.commit([
      {
        kind: 'putInvoice',
        invoice: { ...stored, status: 'paid', openAmount: 0, version: stored.version + 1 },
        expectedVersion: stored.version,
      },
      {
        kind: 'putInvoice',
        invoice: invoiceRecord({
          debtorId: grower.id,
          status: 'overdue',
          openAmount: 500_00,
          dueDate: '2026-02-20',
        }),
        expectedVersion: null,
      },
    ]);
    w.at('2026-03-09T06:00:00Z'); // Monday 07:00 in Amsterdam
    return { grower, payer };
  }

  it("gives the portfolio report's figures at the end of Sunday, and the week's movements per debtor", async () => {
    const w = world();
    const { grower, payer } = await weekOfTwoDebtors(w);

    const summary = await composeWeeklySummary(w.deps);
    const report = await portfolioOnDay(w.deps, { asOf: '2026-03-08' });

    expect(summary).toMatchObject({ from: '2026-03-02', to: '2026-03-08', previousTo: '2026-03-01' });
    const eur = summary.currencies.find((c) => c.currency === 'EUR');
    const reported = report.currencies.find((c) => c.currency === 'EUR');
    expect(eur?.figures.find((f) => f.name === 'open')?.value).toBe(reported?.open.amount);
    expect(eur?.figures.find((f) => f.name === 'overdue')?.value).toBe(reported?.overdue.amount);
    expect(eur?.figures.find((f) => f.name === 'dso')?.value).toBe(reported?.dso.standard);
    expect(eur?.movements).toEqual([
      { debtorId: grower.id, debtorName: 'Groeiers B.V.', delta: 500_00 },
      { debtorId: payer.id, debtorName: 'Betalers B.V.', delta: -300_00 },
    ]);
  });

  it('sends the summary once per week to every manager named, however often it is triggered', async () => {
    const w = world();
    await weekOfTwoDebtors(w);

    expect(await sendWeeklySummary(w.deps, { owner: 'run-1' })).toEqual({
      status: 'sent',
      week: '2026-03-09',
      recipients: 2,
    });
    w.at('2026-03-10T08:00:00Z');
    expect(await sendWeeklySummary(w.deps, { owner: 'run-2' })).toEqual({
      status: 'skipped',
      week: '2026-03-09',
      reason: 'sent_before',
    });

    expect(w.sent.map((email) => email.to)).toEqual(['finance@voorbeeld.example', 'cfo@voorbeeld.example']);
    expect(w.sent[0]?.subject).toBe('Credit control: weekly summary 2026-03-02 to 2026-03-08');
  });

  it('sends again when the run that claimed the week is retried, so that a run that died loses nothing', async () => {
    const w = world();
    await weekOfTwoDebtors(w);
    await sendWeeklySummary(w.deps, { owner: 'run-1' });

    expect((await sendWeeklySummary(w.deps, { owner: 'run-1' })).status).toBe('sent');
    expect(w.sent).toHaveLength(4);
  });

  it('sends nothing, and claims no week, when no manager is named', async () => {
    const w = world();
    await weekOfTwoDebtors(w);

    expect(await sendWeeklySummary({ ...w.deps, recipients: [] }, { owner: 'run-1' })).toMatchObject({
      status: 'skipped',
      reason: 'no_recipients',
    });
    expect((await sendWeeklySummary(w.deps, { owner: 'run-2' })).status).toBe('sent');
  });
});

describe('the words of the weekly summary', () => {
  const summary: WeeklySummary = {
    from: '2026-03-02',
    to: '2026-03-08',
    previousTo: '2026-03-01',
    currencies: [
      {
        currency: 'EUR',
        figures: summaryFigures(
          day({ open: { amount: 1_234_56, count: 3 }, dso: { standard: 41, countback: 38 } }),
          day({ open: { amount: 1_000_00, count: 2 }, dso: { standard: 44, countback: 40 } }),
        ),
        movements: [{ debtorId: 'deb-1', debtorName: 'Groeiers & Zn. <B.V.>', delta: 500_00 }],
      },
    ],
  };

  it('writes the summary in Dutch when the business works in Dutch', () => {
    const email = renderWeeklySummary(summary, 'nl');
    email.text = email.text.replace(/\u00a0/g, ' ');

    expect(email.subject).toBe('Debiteurenbeheer: weekoverzicht 2026-03-02 t/m 2026-03-08');
    expect(email.text).toContain('- Openstaand: € 1.234,56 (3 facturen) (vorige week € 1.000,00; +€ 234,56)');
    expect(email.text).toContain('- DSO (90 dagen): 41 dagen (vorige week 44 dagen; -3 dagen)');
    expect(email.text).toContain('- Groeiers & Zn. <B.V.>: +€ 500,00');
    expect(email.text).toContain('GET /reports/portfolio?asOf=2026-03-08');
  });

  it('writes it in English otherwise, escaping names in the HTML', () => {
    const email = renderWeeklySummary(summary, 'en');

    expect(email.text).toContain('- Open: €1,234.56 (3 invoices) (last week €1,000.00; +€234.56)');
    expect(email.html).toContain('Groeiers &amp; Zn. &lt;B.V.&gt;');
    expect(email.html).not.toContain('<B.V.>');
  });

  it('says so when nothing is open', () => {
    expect(renderWeeklySummary({ ...summary, currencies: [] }, 'en').text).toContain('Nothing is open.');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent, TimelineEventType } from '../../../functions/core/ledger/timeline';
import { paymentReferenceForInvoice } from '../../../functions/core/payments/payment-reference';
import { SUMMARY_WORDING, summaryIn } from '../../../functions/templates/colleagues/timeline-summaries';

/** Every kind of entry the ledger knows, read from its type: a kind added there must be worded here. */
const EVERY_TYPE = [
  ...readFileSync(new URL('../../../functions/core/ledger/timeline.ts', import.meta.url), 'utf8').matchAll(
    /^\s*\| '([a-z_]+)'/gm,
  ),
].map((match) => match[1] as TimelineEventType);

/** Kinds whose details do not hold what their sentence says, or that nothing writes yet: shown as stored. */
const AS_STORED: TimelineEventType[] = [
  'segment_changed',
  'good_payer_announced',
  'payment_unapplied',
  'dunning_stopped',
  'credit_checked',
  'credit_report_recorded',
  'signal_recorded',
  'payment_plan_restored',
  'payment_plan_needs_attention',
  'event_refused',
  'owner_changed',
  'insolvency_opened',
  'insolvency_distribution',
  'insolvency_closed',
  'promise_moved',
  'debtor_request',
];

/** What a person typed is shown as they typed it. */
const OWN_WORDS: TimelineEventType[] = ['note_added', 'financial_position_noted'];

const entry = (type: TimelineEventType, details?: Record<string, unknown>): TimelineEvent => ({
  at: '2026-03-04T08:00:00.000Z',
  type,
  actor: 'workflow',
  summary: `stored ${type}`,
  ...(details ? { details } : {}),
});

const REFERENCE = paymentReferenceForInvoice('INV-2026-0001');

/** Details of the shape each writer stores, so every wording is read with what it gets. */
const SAMPLE_DETAILS: Partial<Record<TimelineEventType, Record<string, unknown>>> = {
  invoice_received: {
    totalAmount: 1_250_00,
    openAmount: 1_250_00,
    dueDate: '2026-03-01',
    paymentReference: REFERENCE.electronic,
  },
  invoice_updated: { changed: { dueDate: { from: '2026-03-01', to: '2026-03-08' } } },
  credit_note_received: { creditNoteId: 'CN-1', amount: 250_00, openAmount: 1_000_00 },
  payment_received: { paymentId: 'p-1', amount: 500_00, openAmount: 750_00 },
  overpayment_credited: { paymentId: 'p-1', amount: 20_00, currency: 'EUR' },
  credit_set_off: { amount: 20_00, currency: 'EUR', invoiceId: 'i-1', openAmount: 0 },
  payment_assigned: { paymentId: 'p-1', amount: 100_00 },
  dunning_started: { execution: 'e-1', resumeAt: 'firstReminder' },
  dunning_restored: { execution: 'e-2', resumeAt: 'secondReminder', note: 'after the outage' },
  dunning_needs_attention: { slot: 'finalNotice', restores: 3 },
  email_sent: { slot: 'firstReminder', subject: 'Herinnering factuur INV-1', recipient: 'ap@example.com' },
  email_delivered: { slot: 'firstReminder', messageId: 'm-1' },
  email_bounced: { slot: 'firstReminder', messageId: 'm-1' },
  step_skipped: { slot: 'collectionAgency', skip: 'no_delivered_letter' },
  task_created: { kind: 'call', taskId: 't-1' },
  task_closed: { taskId: 't-1', outcome: 'no_answer' },
  account_manager_notified: { accountManager: 'am@example.com' },
  handed_over_to_agency: { claims: 2 },
  dunning_paused: { pausedFor: 'promise', until: '2026-03-20' },
  promise_taken: { amount: 750_00, promisedDate: '2026-03-20' },
  promise_broken: { paidInTime: 0 },
  dispute_raised: { cause: 'quantity', amount: 200_00, respondBy: '2026-03-18', partial: true },
  dispute_resolved: { outcome: 'rejected' },
  dispute_closed: { status: 'credited', remaining: 0 },
  hold_placed: { until: '2026-04-01', reason: 'Wacht op de accountant' },
  hold_ended: { until: '2026-04-01' },
  payment_plan_agreed: { total: 900_00, instalments: 3 },
  payment_plan_amended: { reason: 'Lagere termijnen' },
  payment_plan_broken: { instalment: 2 },
  payment_plan_lowered: { lowered: 50_00 },
  task_snoozed: { until: '2026-03-10', reason: 'Op vakantie' },
  special_management_started: { reason: 'financial_trouble' },
  task_moved: { kind: 'call', to: 'special' },
  written_off: { amount: 300_00, reason: 'Oninbaar', openAmount: 0 },
  agency_event: { agencyEvent: 'claim.payment_collected', amount: 400_00, fee: 60_00 },
  agency_recalled: { reason: 'Debiteur betaalt zelf' },
  agency_told_of_payment: { paymentId: 'p-2', amount: 100_00 },
};

describe('timeline summaries in the reader language', () => {
  it('lists the kinds of entry shown as stored, so that a new kind without wording fails here', () => {
    expect(EVERY_TYPE.length).toBeGreaterThan(60);
    expect(Object.keys(SUMMARY_WORDING).sort()).toEqual([...EVERY_TYPE].sort());
    const stored = EVERY_TYPE.filter((type) => SUMMARY_WORDING[type] === 'stored');
    expect(stored.sort()).toEqual([...AS_STORED].sort());
    const own = EVERY_TYPE.filter((type) => SUMMARY_WORDING[type] === 'own-words');
    expect(own.sort()).toEqual([...OWN_WORDS].sort());
  });

  it.each(EVERY_TYPE.filter((type) => typeof SUMMARY_WORDING[type] === 'function'))(
    'words a %s entry in Dutch, and shows an English reader the English text stored',
    (type) => {
      const event = entry(type, SAMPLE_DETAILS[type]);
      const nl = summaryIn(event, 'nl', 'EUR');
      expect(nl).not.toBe(event.summary);
      expect(nl).not.toMatch(/undefined|NaN|\[object/);
      expect(summaryIn(event, 'en', 'EUR')).toBe(event.summary);
    },
  );

  it('shows kinds without wording, and what a person typed, as stored', () => {
    for (const type of [...AS_STORED, ...OWN_WORDS])
      expect(summaryIn(entry(type, {}), 'nl', 'EUR')).toBe(`stored ${type}`);
  });

  it('tells a payment with its money and what is still open; in English where no text was stored', () => {
    const paid = entry('payment_received', {
      amount: 450_00,
      toCosts: 40_00,
      toInterest: 10_00,
      openAmount: 0,
    });
    expect(summaryIn(paid, 'nl', 'EUR')).toBe(
      'Betaling van €\u00a0500,00 ontvangen: waarvan €\u00a040,00 voor kosten en €\u00a010,00 voor rente; nog open: €\u00a00,00',
    );
    expect(summaryIn({ ...paid, summary: '' }, 'en', 'EUR')).toBe(
      'Payment of €500.00 received: of which €40.00 to costs and €10.00 to interest; still open: €0.00',
    );
  });

  it('names the step, the days and the reference as the reader writes them', () => {
    expect(summaryIn(entry('email_delivered', { slot: 'finalNotice' }), 'nl', 'EUR')).toBe(
      'De e-mail met de laatste aanmaning is afgeleverd: vanaf nu geldt de brief als ontvangen',
    );
    expect(summaryIn(entry('invoice_received', SAMPLE_DETAILS.invoice_received), 'nl', 'EUR')).toBe(
      `Factuur ontvangen: €\u00a01.250,00 open; vervaldatum 1 maart 2026; betalingskenmerk ${REFERENCE.printed}`,
    );
    expect(
      summaryIn({ ...entry('step_skipped', SAMPLE_DETAILS.step_skipped), summary: '' }, 'en', 'EUR'),
    ).toBe('The hand-over to the collection agency step was skipped: no delivered letter on file');
  });

  it('words an older entry whose details lack the figures without inventing them', () => {
    expect(summaryIn(entry('payment_received'), 'nl', undefined)).toBe('Betaling ontvangen');
    expect(summaryIn(entry('step_skipped'), 'nl', 'EUR')).toBe('De stap van de aanmaning is overgeslagen');
  });
});

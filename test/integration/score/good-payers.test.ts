import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, MARCH_START as START, payment } from '../workflow/scenario';

interface DebtorBody {
  segment: { id: string; reason: string };
  score: { value: number; factors: { factor: string; points: number; detail: string }[] };
}

interface TimelineBody {
  events: { type: string; summary: string }[];
}

function rewardsOf(h: CloudHarness, debtorId: string) {
  return h.cloud
    .notifications()
    .filter((m) => m.topicName === 'customer-rewards')
    .map(
      (m) => JSON.parse(m.message) as { type: string; debtorId: string; suggestedReward: { kind: string } },
    )
    .filter((m) => m.debtorId === debtorId);
}

async function segmentMoves(h: CloudHarness, debtorId: string): Promise<string[]> {
  const { body } = await h.get<TimelineBody>(`/debtors/${debtorId}/timeline?limit=100`);
  return body.events.filter((e) => e.type === 'segment_changed').map((e) => e.summary);
}

/** The morning of the harness's first day, before the clock's start: the webhook takes no payment from the future. */
const PAID_AT = '2026-03-02T05:30:00+01:00';

/** Invoices due on 10 March, paid on 2 March: on time. */
async function paidOnTime(h: CloudHarness, debtorId: string, count: number) {
  for (let n = 0; n < count; n++) {
    const inv = await invoice(h, debtorId, { dueDate: '2026-03-10', totalAmount: 500_00 });
    expect((await h.post(payment(inv.id, 500_00, PAID_AT))).status).toBe(200);
  }
}

describe('payment-behaviour score and good payers', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('publishes exactly one debtor.good_payer message when a debtor becomes a good payer', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);

    await paidOnTime(h, debtor.id, 9);
    expect(rewardsOf(h, debtor.id)).toEqual([]);
    const tenth = await invoice(h, debtor.id, { dueDate: '2026-03-10', totalAmount: 500_00 });
    const delivery = `dlv-${tenth.id}`;
    const paid = payment(tenth.id, 500_00, PAID_AT);
    expect((await h.post(paid, delivery)).status).toBe(200);
    // The same delivery again, and an eleventh invoice paid on time: still the one message.
    expect((await h.post(paid, delivery)).status).toBe(200);
    await paidOnTime(h, debtor.id, 1);

    const messages = await eventually(() => {
      const found = rewardsOf(h, debtor.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(messages[0]).toMatchObject({ type: 'debtor.good_payer', suggestedReward: { kind: 'discount' } });
    const { body } = await h.get<DebtorBody>(`/debtors/${debtor.id}`);
    expect(body.segment).toEqual({
      id: 'business-good-payer',
      reason: 'good payer: the last 10 invoices paid on time',
    });
    expect(body.score.value).toBe(100);
    expect(body.score.factors.map((f) => f.factor)).toEqual([
      'paid_on_time',
      'days_late',
      'trend',
      'broken_promises',
      'disputes_lost',
      'plans_broken',
    ]);
    expect(await segmentMoves(h, debtor.id)).toEqual([
      'Segment business-standard → business-good-payer: good payer: the last 10 invoices paid on time',
    ]);
  });

  it('moves a chronic late payer back to the standard segment after five invoices in a row paid on time', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    // Six invoices due 1 February, paid on 2 March: 29 days late each.
    for (let n = 0; n < 6; n++) {
      const late = await invoice(h, debtor.id, { dueDate: '2026-02-01', totalAmount: 300_00 });
      expect((await h.post(payment(late.id, 300_00, PAID_AT))).status).toBe(200);
    }
    expect((await h.get<DebtorBody>(`/debtors/${debtor.id}`)).body.segment.id).toBe('business-chronic-late');

    await paidOnTime(h, debtor.id, 5);

    const { body } = await h.get<DebtorBody>(`/debtors/${debtor.id}`);
    expect(body.segment).toEqual({
      id: 'business-standard',
      reason:
        'pays on time again: the last 5 invoices paid on time (before: 6 of 11 invoices paid late, 15.8 days late on average)',
    });
    expect(await segmentMoves(h, debtor.id)).toEqual(
      expect.arrayContaining([
        'Segment business-standard → business-chronic-late: chronic late payer: 3 of 3 invoices paid late, 29.0 days late on average',
        'Segment business-chronic-late → business-standard: pays on time again: the last 5 invoices paid on time (before: 6 of 11 invoices paid late, 15.8 days late on average)',
      ]),
    );
    expect(rewardsOf(h, debtor.id)).toEqual([]);
  });
});

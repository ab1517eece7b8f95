import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, emailsTo, invoice, invoiceView, tasksOf } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. business-standard: friendly reminder +3, firm +14,
// call +21, account manager +30, final notice +40, agency +60.
const START = new Date('2026-03-02T05:00:00Z');

interface DebtorBody {
  debtor: { management: string };
  management: string;
  specialManagement?: { reason: string; note?: string; by: string; at: string };
  openInvoices: { id: string; pausedFor?: string }[];
}

describe('special management', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('special management stops every execution of the debtor and release resumes each at the right step', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const early = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    const later = await invoice(h, debtor.id, { dueDate: '2026-03-10' });
    // Midday Monday 16 March: the early invoice had both reminders (4 March, and the 15th, a Sunday,
    // moved to the working day after), the later one its friendly reminder (13 March).
    await advanceTo(h, '2026-03-16T12:00:00Z');
    expect((await invoiceView(h, early.id)).dunning?.lastStep?.slot).toBe('secondReminder');
    expect((await invoiceView(h, later.id)).dunning?.lastStep?.slot).toBe('firstReminder');
    const executions = await Promise.all(
      [early, later].map(async (i) => (await invoiceView(h, i.id)).dunning?.execution ?? ''),
    );
    const lettersBefore = (await emailsTo(h, debtor.email)).length;

    expect(
      (await h.send('POST', `/debtors/${debtor.id}/special-management`, { reason: 'x' }, 'special')).status,
    ).toBe(400);
    expect(
      (await h.send('POST', `/debtors/${debtor.id}/special-management`, { reason: 'other' }, 'controller'))
        .status,
    ).toBe(403);
    const placed = await h.send<{ invoicesPaused: string[] }>(
      'POST',
      `/debtors/${debtor.id}/special-management`,
      { reason: 'financial_trouble', note: 'De bank heeft de kredietlijn opgezegd' },
      'special',
    );
    expect(placed.status).toBe(201);
    expect(placed.body.invoicesPaused.sort()).toEqual([early.id, later.id].sort());
    const again = await h.send(
      'POST',
      `/debtors/${debtor.id}/special-management`,
      { reason: 'other' },
      'manager',
    );
    expect(again.status).toBe(409);

    const view = (await h.get<DebtorBody>(`/debtors/${debtor.id}`)).body;
    expect(view.management).toBe('special');
    expect(view.debtor.management).toBe('special');
    expect(view.specialManagement).toMatchObject({
      reason: 'financial_trouble',
      note: 'De bank heeft de kredietlijn opgezegd',
      by: expect.stringMatching(/^user:/),
    });
    for (const [index, id] of [early.id, later.id].entries()) {
      const paused = await invoiceView(h, id);
      expect(paused.dunning).toMatchObject({ status: 'paused', execution: executions[index] });
      expect(paused.dunning?.executionStatus).not.toBe('RUNNING');
    }

    // A month in which the call, the account manager and both firm reminders fell due: nothing goes out.
    await advanceTo(h, '2026-04-15T12:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(lettersBefore);
    expect(await tasksOf(h, early.id)).toEqual([]);
    expect(h.cloud.notifications().some((m) => m.topicName === 'account-managers')).toBe(false);

    const released = await h.send<{ invoicesResumed: string[] }>(
      'DELETE',
      `/debtors/${debtor.id}/special-management`,
      undefined,
      'manager',
    );
    expect(released.status).toBe(200);
    expect(released.body.invoicesResumed.sort()).toEqual([early.id, later.id].sort());
    expect((await h.get<DebtorBody>(`/debtors/${debtor.id}`)).body.management).toBe('normal');

    const resumedAt = async (id: string) =>
      (await invoiceView(h, id)).timeline.filter((e) => e.type === 'dunning_restored').at(-1)?.details
        ?.resumeAt;
    expect(await resumedAt(early.id)).toBe('call');
    expect(await resumedAt(later.id)).toBe('secondReminder');
    await eventually(async () => {
      expect((await invoiceView(h, later.id)).dunning?.lastStep?.slot).toBe('secondReminder');
      expect((await tasksOf(h, early.id)).map((t) => t.kind)).toEqual(['call']);
    });
    // Only the later invoice's firm reminder: the friendly reminders are not sent again.
    expect(await emailsTo(h, debtor.email)).toHaveLength(lettersBefore + 1);
  });
});

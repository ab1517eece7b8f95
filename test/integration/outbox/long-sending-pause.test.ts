import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
  statesEntered,
  tasksOf,
} from '../workflow/scenario';

const setSending = (h: CloudHarness, paused: boolean, reason: string) =>
  h.send('PUT', '/settings/sending', { paused, reason }, 'admin');

describe('a long global sending pause', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('a sending pause of 30 days sends nothing and loses nothing, and then one letter per debtor and step', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const twice = await businessDebtor(h);
    const first = await invoice(h, twice.id, { dueDate: DUE, totalAmount: 1_000_00 });
    const second = await invoice(h, twice.id, { dueDate: DUE, totalAmount: 250_00 });
    const once = await businessDebtor(h);
    const third = await invoice(h, once.id, { dueDate: DUE });
    const all = [first, second, third];
    expect((await setSending(h, true, 'billing error being sorted out')).status).toBe(200);

    // Both reminders, the call and the account manager fell due in these 30 days.
    await advanceTo(h, '2026-04-01T04:00:00Z');
    expect(await emailsTo(h, twice.email)).toHaveLength(0);
    expect(await emailsTo(h, once.email)).toHaveLength(0);
    const before = new Map<string, string>();
    for (const { id } of all) {
      const view = await invoiceView(h, id);
      expect(view.dunning).toMatchObject({ status: 'running', executionStatus: 'RUNNING', lastStep: null });
      // The same execution waited all along: nothing failed and the sweep restored nothing.
      expect(view.timeline.some((e) => e.type === 'dunning_restored')).toBe(false);
      before.set(id, view.dunning?.execution ?? '');
    }
    expect(await tasksOf(h, first.id)).toEqual([]);

    expect((await setSending(h, false, 'billing error fixed')).status).toBe(200);
    await advanceTo(h, '2026-04-02T20:00:00Z');

    // What fell due meanwhile went out: one letter per debtor and step, listing its invoices.
    const toTwice = await emailsTo(h, twice.email);
    expect(toTwice).toHaveLength(2);
    for (const letter of toTwice) {
      expect(letter.text).toContain(first.number);
      expect(letter.text).toContain(second.number);
    }
    expect(await emailsTo(h, once.email)).toHaveLength(2);
    for (const { id } of all) {
      const view = await eventually(async () => {
        const current = await invoiceView(h, id);
        expect(current.dunning?.lastStep?.slot).toBe('call');
        return current;
      });
      expect(view.dunning?.execution).toBe(before.get(id));
      const slots = view.timeline
        .filter((e) => e.type === 'email_sent')
        .map((e) => e.details?.slot)
        .sort();
      expect(slots).toEqual(['firstReminder', 'secondReminder']);
      expect(await statesEntered(h, view.dunning?.execution ?? '')).not.toContain('DunningStepFailed');
      expect((await tasksOf(h, id)).map((t) => t.kind)).toEqual(['call']);
    }
  });
});

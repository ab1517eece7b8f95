import { afterEach, describe, expect, it } from 'vitest';
import { billedTransitions } from '../../../scripts/bench/billed-transitions';
import type { DunningSchedule } from '../../../functions/core/dunning/schedule';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import {
  businessDebtor,
  FULLY_ESCALATED_STATES,
  historyOf,
  invoice,
  type InvoiceBody,
  invoiceView,
  MARCH_DUE,
  MARCH_START,
  statesEntered,
} from './scenario';

/** The plan the execution was started with, as its timeline entry records it. */
function scheduleOf(view: InvoiceBody): DunningSchedule {
  const started = view.timeline.find((e) => e.type === 'dunning_started');
  return started?.details?.schedule as DunningSchedule;
}

/** When each entry of `type` (of `slot`, for letters) was written. */
function times(view: InvoiceBody, type: string, slot?: string): string[] {
  return view.timeline
    .filter((e) => e.type === type && (slot === undefined || e.details?.slot === slot))
    .map((e) => e.at);
}

const iso = (timestamp: string) => new Date(timestamp).toISOString();

async function transitionsOf(h: CloudHarness, view: InvoiceBody): Promise<number> {
  return billedTransitions(await historyOf(h, view.dunning?.execution ?? ''));
}

async function finished(h: CloudHarness, invoiceId: string): Promise<InvoiceBody> {
  return eventually(async () => {
    const current = await invoiceView(h, invoiceId);
    expect(current.dunning?.executionStatus).toBe('SUCCEEDED');
    return current;
  });
}

describe('each step parks until the next step', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('escalates an unpaid invoice from first reminder to agency in 8 transitions, each step at its planned time', async () => {
    h = await startCloudHarness(MARCH_START);
    const debtor = await businessDebtor(h, {
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    });
    const inv = await invoice(h, debtor.id, { dueDate: MARCH_DUE, totalAmount: 4_800_00 });

    await h.advanceDays(62);

    const view = await finished(h, inv.id);
    const schedule = scheduleOf(view);
    // Each step once, at its planned time to the second: no park ends early or late.
    expect(times(view, 'email_sent', 'firstReminder')).toEqual([iso(schedule.firstReminder)]);
    expect(times(view, 'email_sent', 'secondReminder')).toEqual([iso(schedule.secondReminder)]);
    expect(times(view, 'task_created')).toEqual([iso(schedule.call)]);
    expect(times(view, 'account_manager_notified')).toEqual([iso(schedule.accountManager)]);
    expect(times(view, 'email_sent', 'finalNotice')).toEqual([iso(schedule.finalNotice)]);
    expect(times(view, 'handed_over_to_agency')).toEqual([iso(schedule.collectionAgency)]);
    expect(view.status).toBe('in_collection');

    expect(await statesEntered(h, view.dunning?.execution ?? '')).toEqual(FULLY_ESCALATED_STATES);
    expect(await transitionsOf(h, view)).toBe(8);
  });

  it('takes the Wait of a step the policy leaves out, and still sends each letter of a consumer at its planned time', async () => {
    h = await startCloudHarness(MARCH_START);
    const debtor = await businessDebtor(h, { kind: 'consumer', name: 'P. de Vries' });
    const inv = await invoice(h, debtor.id, { dueDate: MARCH_DUE, totalAmount: 250_00 });

    await h.advanceDays(75);

    const view = await finished(h, inv.id);
    const schedule = scheduleOf(view);
    expect(times(view, 'email_sent', 'firstReminder')).toEqual([iso(schedule.firstReminder)]);
    expect(times(view, 'email_sent', 'secondReminder')).toEqual([iso(schedule.secondReminder)]);
    expect(times(view, 'email_sent', 'finalNotice')).toEqual([iso(schedule.finalNotice)]);
    expect(times(view, 'handed_over_to_agency')).toEqual([iso(schedule.collectionAgency)]);
    expect(times(view, 'task_created')).toEqual([]);
    expect(times(view, 'account_manager_notified')).toEqual([]);

    // No call and no account manager: the second reminder's park would end at the skipped call's
    // time, at once, so its function answers and the Waits of the skipped steps return at once;
    // the skipped account manager's task parks until the final notice.
    expect(await statesEntered(h, view.dunning?.execution ?? '')).toEqual([
      'WaitUntilFirstReminder',
      'SendFirstReminder',
      'SendSecondReminder',
      'WaitUntilCall',
      'CallDebtor',
      'WaitUntilAccountManager',
      'EscalateToAccountManager',
      'SendFinalNotice',
      'HandOverToCollectionAgency',
    ]);
  });

  it('lets a step that went out a day late answer its own park, so that the next step keeps its planned time', async () => {
    h = await startCloudHarness(MARCH_START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: MARCH_DUE });
    const schedule = scheduleOf(
      await eventually(async () => {
        const current = await invoiceView(h, inv.id);
        expect(scheduleOf(current)).toBeDefined();
        return current;
      }),
    );

    // Sending paused over the first reminder's day: its task retries a day later and sends then.
    const paused = await h.send('PUT', '/settings/sending', { paused: true, reason: 'checking' }, 'admin');
    expect(paused.status).toBe(200);
    await h.cloud.advanceTo(new Date(Date.parse(schedule.firstReminder) + 3_600_000));
    const released = await h.send('PUT', '/settings/sending', { paused: false, reason: 'checked' }, 'admin');
    expect(released.status).toBe(200);
    await h.cloud.advanceTo(new Date(Date.parse(schedule.secondReminder) + 3_600_000));

    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(times(current, 'email_sent', 'secondReminder')).toHaveLength(1);
      return current;
    });
    expect(times(view, 'email_sent', 'firstReminder')).toEqual([
      new Date(Date.parse(schedule.firstReminder) + 86_400_000).toISOString(),
    ]);
    // A park of the planned length would have sent the second reminder a day late.
    expect(times(view, 'email_sent', 'secondReminder')).toEqual([iso(schedule.secondReminder)]);
    expect(await statesEntered(h, view.dunning?.execution ?? '')).toEqual([
      'WaitUntilFirstReminder',
      'SendFirstReminder',
      'WaitUntilSecondReminder',
      'SendSecondReminder',
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { billedTransitions } from '../../../scripts/bench/billed-transitions';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  FULLY_ESCALATED_STATES,
  historyOf,
  invoice,
  invoiceView,
  MARCH_DUE,
  MARCH_START,
  statesEntered,
  tasksOf,
} from './scenario';

// The business-standard policy from MARCH_START: the call on Monday 23 March at 09:00 (08:00 UTC),
// its window of five working days (seven days in seconds) ending on Monday 30 March at 08:00 UTC,
// summer time by then; the account manager on day 30, Tuesday 31 March at 09:00 (07:00 UTC).
const WINDOW_ENDS = '2026-03-30T08:00:00.000Z';
const ACCOUNT_MANAGER_AT = '2026-03-31T07:00:00.000Z';

describe('a call nobody answers', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('records an unanswered call at the end of its window and goes on to the account manager in 8 transitions', async () => {
    h = await startCloudHarness(MARCH_START);
    const debtor = await businessDebtor(h, {
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    });
    const inv = await invoice(h, debtor.id, { dueDate: MARCH_DUE, totalAmount: 4_800_00 });
    const alerts = () =>
      h.cloud
        .notifications()
        .filter((m) => m.topicName === 'account-managers' && m.message.includes(debtor.id));

    await advanceTo(h, '2026-03-23T10:00:00Z');
    const call = await eventually(async () => {
      const found = (await tasksOf(h, inv.id)).find((task) => task.kind === 'call');
      expect(found).toBeDefined();
      return found!;
    });

    // A second before the window ends nothing is counted against the call.
    await h.cloud.advanceTo(new Date(Date.parse(WINDOW_ENDS) - 1_000));
    expect((await invoiceView(h, inv.id)).timeline.map((e) => e.type)).not.toContain('call_window_ended');

    // At its end, on the task and the timeline at once, and the account manager not before their day.
    await h.cloud.advanceTo(new Date(WINDOW_ENDS));
    const ended = await eventually(async () => {
      const entry = (await invoiceView(h, inv.id)).timeline.find((e) => e.type === 'call_window_ended');
      expect(entry).toBeDefined();
      return entry!;
    });
    expect(ended.at).toBe(WINDOW_ENDS);
    const [missed] = (await tasksOf(h, inv.id)).filter((task) => task.id === call.id);
    expect(missed).toMatchObject({ kind: 'call', missedCallWindows: 1 });
    expect(alerts()).toHaveLength(0);

    await h.cloud.advanceTo(new Date(Date.parse(ACCOUNT_MANAGER_AT) - 1_000));
    expect(alerts()).toHaveLength(0);
    await h.cloud.advanceTo(new Date(ACCOUNT_MANAGER_AT));
    const notified = await eventually(async () => {
      const entry = (await invoiceView(h, inv.id)).timeline.find(
        (e) => e.type === 'account_manager_notified',
      );
      expect(entry).toBeDefined();
      return entry!;
    });
    expect(notified.at).toBe(ACCOUNT_MANAGER_AT);

    // On to the agency: each step once, the unanswered call parked until the account manager's day
    // instead of a Wait of its own, as each step's task parks until the next.
    await h.advanceDays(35);
    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.dunning?.executionStatus).toBe('SUCCEEDED');
      return current;
    });
    expect(alerts()).toHaveLength(1);
    const execution = view.dunning?.execution ?? '';
    expect(await statesEntered(h, execution)).toEqual(FULLY_ESCALATED_STATES);
    const history = await historyOf(h, view.dunning?.execution ?? '');
    expect(billedTransitions(history)).toBe(8);
    expect(view.timeline.filter((e) => e.type === 'call_window_ended')).toHaveLength(1);
  });

  it('lets an unanswered call whose step was deferred wait for the account manager as an answered one does', async () => {
    h = await startCloudHarness(MARCH_START);
    const debtor = await businessDebtor(h, {
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    });
    const inv = await invoice(h, debtor.id, { dueDate: MARCH_DUE });

    // Sending paused over the call's day: the call step retries daily at 09:00 and acts on
    // Thursday 26 March, so its window ends on Thursday 2 April at 10:00, after the account
    // manager's planned day; parking would bring the account manager later still.
    await advanceTo(h, '2026-03-22T12:00:00Z');
    const paused = await h.send(
      'PUT',
      '/settings/sending',
      { paused: true, reason: 'checking the call list' },
      'admin',
    );
    expect(paused.status).toBe(200);
    await advanceTo(h, '2026-03-25T12:00:00Z');
    const released = await h.send('PUT', '/settings/sending', { paused: false, reason: 'checked' }, 'admin');
    expect(released.status).toBe(200);
    await advanceTo(h, '2026-04-02T09:00:00Z');

    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.timeline.map((e) => e.type)).toContain('account_manager_notified');
      return current;
    });
    const at = (type: string) => view.timeline.filter((e) => e.type === type).map((e) => e.at);
    expect(at('task_created')).toEqual(['2026-03-26T08:00:00.000Z']);
    expect(at('call_window_ended')).toEqual(['2026-04-02T08:00:00.000Z']);
    expect(at('account_manager_notified')).toEqual(['2026-04-02T08:00:00.000Z']);
    expect(await statesEntered(h, view.dunning?.execution ?? '')).toEqual(
      expect.arrayContaining(['RecordUnansweredCall', 'WaitUntilAccountManager', 'EscalateToAccountManager']),
    );
    // Answered at once by its own function, not left through the fault path.
    const history = await historyOf(h, view.dunning?.execution ?? '');
    const left = history.find((e) => e.stateExitedEventDetails?.name === 'RecordUnansweredCall')
      ?.stateExitedEventDetails?.output;
    expect(JSON.parse(left ?? '{}')).not.toHaveProperty('callWindowNotRecorded');
  });
});

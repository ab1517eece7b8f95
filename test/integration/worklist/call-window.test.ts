import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, invoiceView, statesEntered, tasksOf } from '../workflow/scenario';
import { entriesOf, worklistOf } from './worklist-world';

// Monday 2 March 2026, 06:00 in Amsterdam. The business-standard policy calls on day 21 (Sunday
// 22 March, so Monday 23 March at 09:00) with a window of five working days: to Monday 30 March.
const START = new Date('2026-03-02T05:00:00Z');
const DUE = '2026-03-01';

describe('the call window', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('records a call window that ended without an outcome on the timeline and counts it against the call task as a failed contact', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 3_000_00 });
    await h.cloud.advanceTo(new Date('2026-03-23T10:00:00Z'));
    const call = await eventually(async () => {
      const found = (await tasksOf(h, inv.id)).find((task) => task.kind === 'call');
      expect(found).toBeDefined();
      return found!;
    });
    expect(call).not.toHaveProperty('missedCallWindows');

    // Nobody calls: the window ends on Monday 30 March at 09:00 and the dunning goes on.
    await h.cloud.advanceTo(new Date('2026-03-30T10:00:00Z'));
    const execution = (await invoiceView(h, inv.id)).dunning?.execution ?? '';
    await eventually(async () => expect(await statesEntered(h, execution)).toContain('RecordUnansweredCall'));

    const [stillOpen] = (await tasksOf(h, inv.id)).filter((task) => task.id === call.id);
    expect(stillOpen).toMatchObject({ kind: 'call', missedCallWindows: 1 });

    const timeline = await h.get<{ events: { type: string; summary: string }[] }>(
      `/debtors/${debtor.id}/timeline?lang=en`,
    );
    expect(timeline.body.events).toContainEqual(
      expect.objectContaining({
        type: 'call_window_ended',
        summary: expect.stringContaining('Call window ended without an outcome'),
      }),
    );

    const [entry] = entriesOf(await worklistOf(h), [debtor.id]);
    expect(entry?.reasons).toContainEqual(
      expect.objectContaining({ factor: 'failed_contacts', detail: 'not reached once' }),
    );

    // A late outcome is still recorded; the workflow has moved on without it.
    const late = await h.send<{ workflowResumed: boolean }>('POST', `/tasks/${call.id}/outcome`, {
      outcome: 'reached',
    });
    expect(late.status).toBe(200);
    expect(late.body.workflowResumed).toBe(false);
  });
});

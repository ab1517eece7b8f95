import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import {
  businessDebtor,
  emailsTo,
  FULLY_ESCALATED_STATES,
  invoice,
  invoiceView,
  statesEntered,
} from './scenario';

const START = new Date('2026-03-02T05:00:00Z');

interface TaskList {
  tasks: { id: string; kind: string; invoiceId: string; taskToken?: string; brief?: string }[];
}

describe('an invoice nobody pays is escalated step by step', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('runs every step in order and hands the claim with its letters to the collection agency', async () => {
    const debtor = await businessDebtor(h, {
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    });
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 4_800_00 });

    await h.advanceDays(62);

    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.status).toBe('in_collection');
      return current;
    });
    expect(view.dunning?.executionStatus).toBe('SUCCEEDED');
    // A new execution enters no choice: eight transitions for the six steps, each step's task (and
    // the state that notes the call window's end) parked until the next step in place of its Wait.
    expect(await statesEntered(h, view.dunning?.execution ?? '')).toEqual(FULLY_ESCALATED_STATES);
    // First reminder, second reminder and final notice, and the notice of the hand-over.
    expect(await emailsTo(h, debtor.email)).toHaveLength(4);

    const published = h.cloud.notifications();
    expect(published.filter((m) => m.topicName === 'call-tasks' && m.message.includes(inv.id))).toHaveLength(
      1,
    );
    expect(
      published.filter((m) => m.topicName === 'account-managers' && m.message.includes(debtor.id)),
    ).toHaveLength(1);
    const claimFile = published.find(
      (m) => m.topicName === 'collection-agency' && m.message.includes(inv.id),
    );
    expect(claimFile).toBeDefined();
    // The claim file names the letters sent before it; the notice of the hand-over follows it.
    const letters = view.timeline.filter(
      (e) => e.type === 'email_sent' && e.details?.slot !== 'collectionAgency',
    );
    expect(letters).toHaveLength(3);
    for (const letter of letters) expect(claimFile?.message).toContain(String(letter.details?.messageId));

    const debtorView = await h.get<{ debtor: { creditHold: boolean } }>(`/debtors/${debtor.id}`);
    expect(debtorView.body.debtor.creditHold).toBe(true);
  });

  it('resumes the workflow at once when the controller records that the call got no answer', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    // The call of day 21, Sunday 22 March, falls on the next working day: Monday 23 March, 09:00.
    await h.advanceDays(21);
    await h.cloud.advance(4 * 3_600_000);

    const task = await eventually(async () => {
      const list = await h.get<TaskList>('/tasks');
      const found = list.body.tasks.find((t) => t.invoiceId === inv.id && t.kind === 'call');
      expect(found).toBeDefined();
      return found!;
    });
    expect(task.taskToken).toBeUndefined();
    // The brief says whom to call about what, what was sent when, and how to sound.
    expect(task.brief).toContain(
      'Bel Bakkerij De Korenschoof B.V. over onderstaande factuur: er staat €\u00a01.250,00 open.',
    );
    expect(task.brief).toMatch(
      /- 4 maart 2026: eerste herinnering verstuurd per e-mail: "Herinnering: factuur .+ staat nog open"/,
    );
    expect(task.brief).toContain('Toon van het gesprek: vriendelijk maar stellig.');

    const outcome = await h.send<{ workflowResumed: boolean }>('POST', `/tasks/${task.id}/outcome`, {
      outcome: 'no_answer',
      note: 'Voicemail, teruggebeld om 14:00',
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body.workflowResumed).toBe(true);

    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.dunning?.lastStep?.slot).toBe('call');
      return current;
    });
    expect(await statesEntered(h, view.dunning?.execution ?? '')).toContain('WaitUntilAccountManager');
    expect((await h.get<TaskList>('/tasks')).body.tasks.some((t) => t.id === task.id)).toBe(false);
    expect(view.timeline.some((e) => e.type === 'task_closed')).toBe(true);
  });

  it('refuses a call outcome from an admin, who is not a credit controller', async () => {
    const answer = await h.send<{ error: { code: string } }>(
      'POST',
      '/tasks/any/outcome',
      { outcome: 'reached' },
      'admin',
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('forbidden');
  });
});

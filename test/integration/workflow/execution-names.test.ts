import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StepFunctionsWorkflow } from '../../../functions/adapters/sfn/step-functions-workflow';
import { ExecutionNameTaken } from '../../../functions/ports/workflow';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView, payment } from './scenario';

// Monday 2 March 2026, 06:00 in Amsterdam; invoices due on 1 March are overdue on arrival and get
// their first reminder on 4 March, their second on 15 March (business-standard).
const START = new Date('2026-03-02T05:00:00Z');

const viewPath = (id: string) => encodeURIComponent(id);

describe('every invoice has its own execution', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('gives two invoices whose ids differ only in punctuation an execution each, dunned apart and stopped apart', async () => {
    const slashes = await businessDebtor(h);
    const underscores = await businessDebtor(h);
    await invoice(h, slashes.id, { id: 'rp/col/0001', dueDate: '2026-03-01' });
    await invoice(h, underscores.id, { id: 'rp_col_0001', dueDate: '2026-03-01' });

    const [first, second] = await eventually(async () => {
      const views = await Promise.all(
        ['rp/col/0001', 'rp_col_0001'].map((id) => invoiceView(h, viewPath(id))),
      );
      for (const view of views) expect(view.dunning?.executionStatus).toBe('RUNNING');
      return views;
    });
    expect(first?.dunning?.execution).not.toBe(second?.dunning?.execution);

    await h.advanceDays(3);
    await eventually(async () => {
      expect(await emailsTo(h, slashes.email)).toHaveLength(1);
      expect(await emailsTo(h, underscores.email)).toHaveLength(1);
    });

    expect((await h.post(payment('rp/col/0001', 1_250_00))).status).toBe(200);
    await h.advanceDays(12);

    const paid = await invoiceView(h, viewPath('rp/col/0001'));
    const unpaid = await invoiceView(h, viewPath('rp_col_0001'));
    expect(paid.status).toBe('paid');
    expect(paid.dunning?.executionStatus).toBe('ABORTED');
    expect(unpaid.status).toBe('overdue');
    expect(unpaid.dunning?.executionStatus).toBe('RUNNING');
    await eventually(async () => expect(await emailsTo(h, underscores.email)).toHaveLength(2));
    expect(await emailsTo(h, slashes.email)).toHaveLength(1);
  });

  it('gives two long ids that share their first 60 characters an execution each', async () => {
    const debtor = await businessDebtor(h);
    const shared = `inv-${'0'.repeat(56)}`;
    const ids = [`${shared}-first`, `${shared}-second`];
    for (const id of ids) await invoice(h, debtor.id, { id, dueDate: '2026-03-01' });

    const views = await eventually(async () => {
      const all = await Promise.all(ids.map((id) => invoiceView(h, viewPath(id))));
      for (const view of all) expect(view.dunning?.executionStatus).toBe('RUNNING');
      return all;
    });

    expect(new Set(views.map((v) => v.dunning?.execution)).size).toBe(2);
    for (const view of views) expect(view.dunning?.execution.length).toBeLessThanOrEqual(80);
  });

  it("refuses to take another invoice's execution of the same name as already running", async () => {
    const debtor = await businessDebtor(h);
    const owner = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    const running = await eventually(async () => {
      const view = await invoiceView(h, owner.id);
      expect(view.dunning?.executionStatus).toBe('RUNNING');
      return view;
    });
    const workflow = new StepFunctionsWorkflow(h.sfn, h.cloud.stateMachineArn);
    const execution = running.dunning?.execution ?? '';
    const input = (invoiceId: string) => ({
      invoiceId,
      execution,
      resumeAt: 'firstReminder' as const,
      schedule: {
        firstReminder: '2026-03-04T08:00:00Z',
        secondReminder: '2026-03-15T08:00:00Z',
        call: '2026-03-22T08:00:00Z',
        accountManager: '2026-03-31T08:00:00Z',
        finalNotice: '2026-04-10T08:00:00Z',
        collectionAgency: '2026-04-30T08:00:00Z',
      },
      callWindowSeconds: 86_400,
      parkSeconds: {
        firstReminder: 7 * 86_400,
        secondReminder: 7 * 86_400,
        call: 7 * 86_400,
        accountManager: 7 * 86_400,
        finalNotice: 7 * 86_400,
      },
    });

    await expect(workflow.start(input('someone-else'))).rejects.toBeInstanceOf(ExecutionNameTaken);
    await expect(workflow.start(input(owner.id))).resolves.toEqual({ started: false });
  });
});

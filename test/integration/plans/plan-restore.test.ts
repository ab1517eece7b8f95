import { DescribeExecutionCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { paymentReceived } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  sweep,
  tasksOf,
} from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam: both invoices are overdue, and the plan is agreed
// before the first reminder would go out at 09:00.
const START = new Date('2026-03-02T05:00:00Z');
const SCHEDULE = [
  { dueDate: '2026-03-16', amount: 600_00 },
  { dueDate: '2026-04-15', amount: 600_00 },
];
const SES_DOWN = { status: 500, errorType: 'InternalFailure', message: 'SES is down' };

interface PlanBody {
  id: string;
  status: string;
  reference: string;
  instalments: { number: number; status: string }[];
}

interface SweepWithPlans {
  plans: { restored: number; needsAttention: string[]; failed: unknown[] };
}

async function planWithTwoInvoices(h: CloudHarness) {
  const debtor = await businessDebtor(h);
  const older = await invoice(h, debtor.id, { dueDate: '2026-02-10', totalAmount: 600_00 });
  const newer = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 600_00 });
  const agreed = await h.send<PlanBody>('POST', `/debtors/${debtor.id}/payment-plans`, {
    invoiceIds: [older.id, newer.id],
    instalments: SCHEDULE,
  });
  expect(agreed.status).toBe(201);
  return { debtor, older, newer, plan: agreed.body };
}

async function planExecutionStatus(h: CloudHarness, execution: string) {
  const arn = `${h.cloud.paymentPlanStateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`;
  return (await h.sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).status;
}

async function planStates(h: CloudHarness, execution: string): Promise<string[]> {
  const arn = `${h.cloud.paymentPlanStateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`;
  const history = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000 }));
  return (history.events ?? []).flatMap((e) =>
    e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : [],
  );
}

describe('a payment-plan execution that fails after its retries', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('is restored by the daily sweep at the instalment it stood at, and the reminder goes out once', async () => {
    h = await startCloudHarness(START, { sesFaultProxy: true });
    const { debtor, plan } = await planWithTwoInvoices(h);
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);

    // SES fails every call from the reminder day on: the reminder step throws through its retries.
    h.cloud.sesFaults?.failAlways(SES_DOWN);
    await advanceTo(h, '2026-03-13T12:00:00Z');
    await eventually(async () => expect(await planExecutionStatus(h, `${plan.id}--1`)).toBe('FAILED'));
    expect(await planStates(h, `${plan.id}--1`)).toEqual(
      expect.arrayContaining(['SendInstalmentReminder', 'PlanStepFailed']),
    );

    h.cloud.sesFaults?.recover();
    const report = (await sweep(h)) as unknown as SweepWithPlans;
    expect(report.plans).toEqual({ restored: 1, needsAttention: [], failed: [] });
    await advanceTo(h, '2026-03-13T13:00:00Z');

    const reminders = (await emailsTo(h, debtor.email)).filter((e) => e.subject.startsWith('Herinnering'));
    expect(reminders).toHaveLength(1);
    expect(await planExecutionStatus(h, `${plan.id}--2`)).toBe('RUNNING');
    const debtorTimeline = (
      await h.get<{ events: { type: string }[] }>(`/debtors/${debtor.id}/timeline?limit=50`)
    ).body.events;
    expect(debtorTimeline.filter((e) => e.type === 'payment_plan_restored')).toHaveLength(1);

    // A running execution is left alone; the restored one checks the instalment as the first would.
    expect(((await sweep(h)) as unknown as SweepWithPlans).plans.restored).toBe(0);
    await advanceTo(h, '2026-03-14T10:00:00Z');
    await h.post(
      paymentReceived(
        { reference: plan.reference },
        { amount: 600_00, receivedAt: '2026-03-14T11:00:00+01:00' },
      ),
    );
    await advanceTo(h, '2026-03-20T10:00:00Z');
    const current = (await h.get<PlanBody>(`/payment-plans/${plan.id}`)).body;
    expect(current.status).toBe('active');
    expect(current.instalments.map((i) => i.status)).toEqual(['paid', 'open']);
    expect(await planStates(h, `${plan.id}--2`)).toEqual(
      expect.arrayContaining(['CheckInstalment', 'PaidOrBroken', 'WaitUntilReminderDay']),
    );
  });

  it('is restored after a break that failed halfway, and the break is finished without repeating its task', async () => {
    h = await startCloudHarness(START, { sesFaultProxy: true });
    const { debtor, older, newer, plan } = await planWithTwoInvoices(h);

    // The first instalment is not paid; SES fails when BreakPlan emails the debtor.
    await advanceTo(h, '2026-03-18T12:00:00Z');
    h.cloud.sesFaults?.failAlways(SES_DOWN);
    await advanceTo(h, '2026-03-19T12:00:00Z');
    await eventually(async () => expect(await planExecutionStatus(h, `${plan.id}--1`)).toBe('FAILED'));
    expect((await h.get<PlanBody>(`/payment-plans/${plan.id}`)).body.status).toBe('broken');
    expect((await invoiceView(h, older.id)).dunning?.status).toBe('paused');

    h.cloud.sesFaults?.recover();
    expect(((await sweep(h)) as unknown as SweepWithPlans).plans.restored).toBe(1);
    await advanceTo(h, '2026-03-19T13:00:00Z');

    for (const id of [older.id, newer.id]) {
      const view = await invoiceView(h, id);
      expect(view.dunning).toMatchObject({ status: 'running', lastStep: { slot: 'finalNotice' } });
    }
    expect((await tasksOf(h, older.id)).map((t) => t.kind)).toEqual(['broken_payment_plan']);
    const subjects = (await emailsTo(h, debtor.email)).map((e) => e.subject);
    expect(subjects.filter((s) => s.startsWith('Uw betalingsregeling is vervallen'))).toHaveLength(1);
    expect(await planStates(h, `${plan.id}--2`)).toEqual(
      expect.arrayContaining(['CheckInstalment', 'BreakPlan', 'PlanBroken']),
    );
    // The break is done: nothing is left for the sweep to restore.
    expect(((await sweep(h)) as unknown as SweepWithPlans).plans.restored).toBe(0);
  });
});

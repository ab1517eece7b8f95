import { GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { paymentReceived } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  statesEntered,
  tasksOf,
} from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam: both invoices arrive overdue, and the plan is agreed
// before the first reminder would go out at 09:00.
const START = new Date('2026-03-02T05:00:00Z');
const OLDER_DUE = '2026-02-10';
const NEWER_DUE = '2026-03-01';
const SCHEDULE = [
  { dueDate: '2026-03-16', amount: 400_00 },
  { dueDate: '2026-04-15', amount: 400_00 },
  { dueDate: '2026-05-15', amount: 400_00 },
];

interface PlanBody {
  id: string;
  debtorId: string;
  status: string;
  reference: string;
  instalments: { number: number; dueDate: string; amount: number; paidAmount: number; status: string }[];
  invoices: { invoiceId: string; paid: { principal: number } }[];
}

interface ErrorBody {
  error: { code: string; issues: { path: string; message: string }[] };
}

/** A debtor with two invoices of EUR 600 each, the older one due three weeks earlier. */
async function debtorWithTwoInvoices(h: CloudHarness) {
  const debtor = await businessDebtor(h);
  const newer = await invoice(h, debtor.id, { dueDate: NEWER_DUE, totalAmount: 600_00 });
  const older = await invoice(h, debtor.id, { dueDate: OLDER_DUE, totalAmount: 600_00 });
  return { debtor, older, newer };
}

async function agreePlan(h: CloudHarness, debtorId: string, body: unknown) {
  return h.send<PlanBody & ErrorBody>('POST', `/debtors/${debtorId}/payment-plans`, body);
}

async function planOf(h: CloudHarness, id: string): Promise<PlanBody> {
  return (await h.get<PlanBody>(`/payment-plans/${id}`)).body;
}

/** The states an execution of the payment-plan state machine entered, in order. */
async function planStates(h: CloudHarness, execution: string): Promise<string[]> {
  const arn = `${h.cloud.paymentPlanStateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`;
  const history = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000 }));
  return (history.events ?? []).flatMap((e) =>
    e.stateEnteredEventDetails?.name ? [e.stateEnteredEventDetails.name] : [],
  );
}

describe('payment plans', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('a plan of three instalments paid on time settles both its invoices, booked oldest first', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const { debtor, older, newer } = await debtorWithTwoInvoices(h);

    const agreed = await agreePlan(h, debtor.id, { invoiceIds: [newer.id, older.id], instalments: SCHEDULE });
    expect(agreed.status).toBe(201);
    expect(agreed.body).toMatchObject({ debtorId: debtor.id, status: 'active' });
    expect(agreed.body.reference).toMatch(/^RF\d{2}[A-Z0-9]+$/);
    expect(agreed.body.instalments.map((i) => [i.number, i.paidAmount, i.status])).toEqual([
      [1, 0, 'open'],
      [2, 0, 'open'],
      [3, 0, 'open'],
    ]);
    const paused = await invoiceView(h, older.id);
    expect(paused.dunning).toMatchObject({ status: 'paused', pausedFor: 'payment_plan' });
    const [confirmation] = await emailsTo(h, debtor.email);
    expect(confirmation?.subject).toContain(agreed.body.reference.slice(0, 4));
    expect(confirmation?.text).toContain('het hele restant direct opeisbaar');
    const plan = agreed.body;

    // Instalment 1 with the plan's reference, 2 on the debtor, 3 on the newer invoice.
    await advanceTo(h, '2026-03-14T10:00:00Z');
    await h.post(
      paymentReceived(
        { reference: plan.reference },
        { amount: 400_00, receivedAt: '2026-03-14T11:00:00+01:00' },
      ),
    );
    await advanceTo(h, '2026-03-20T10:00:00Z');
    expect((await invoiceView(h, older.id)).openAmount).toBe(200_00);
    expect((await invoiceView(h, newer.id)).openAmount).toBe(600_00);

    await advanceTo(h, '2026-04-14T10:00:00Z');
    await h.post(
      paymentReceived({ debtorId: debtor.id }, { amount: 400_00, receivedAt: '2026-04-14T11:00:00+02:00' }),
    );
    await advanceTo(h, '2026-05-14T10:00:00Z');
    await h.post(
      paymentReceived({ invoiceId: newer.id }, { amount: 400_00, receivedAt: '2026-05-14T11:00:00+02:00' }),
    );

    const completed = await eventually(async () => {
      const current = await planOf(h, plan.id);
      expect(current.status).toBe('completed');
      return current;
    });
    expect(completed.instalments.map((i) => i.status)).toEqual(['paid', 'paid', 'paid']);
    const olderView = await invoiceView(h, older.id);
    const newerView = await invoiceView(h, newer.id);
    expect([olderView.status, newerView.status]).toEqual(['paid', 'paid']);
    // Oldest first: the first instalment and half the second paid the older invoice.
    const paidBy = (view: typeof olderView) =>
      view.timeline.filter((e) => e.type === 'payment_received').map((e) => e.details?.instalments);
    expect(paidBy(olderView)).toEqual([[1], [2]]);
    expect(paidBy(newerView)).toEqual([[2], [3]]);
    expect(olderView.timeline.find((e) => e.type === 'payment_received')?.summary).toContain('instalment 1');

    // The confirmation and a reminder before each instalment; never a dunning letter.
    await advanceTo(h, '2026-06-01T10:00:00Z');
    const emails = await emailsTo(h, debtor.email);
    expect(emails.map((e) => e.subject.replace(/ \(.*\)$/, ''))).toEqual([
      'Uw betalingsregeling',
      'Herinnering: termijn van uw betalingsregeling',
      'Herinnering: termijn van uw betalingsregeling',
      'Herinnering: termijn van uw betalingsregeling',
    ]);
    const states = await planStates(h, `${plan.id}--1`);
    expect(states.slice(0, 5)).toEqual([
      'WaitUntilReminderDay',
      'SendInstalmentReminder',
      'WaitUntilDueDateAndGrace',
      'CheckInstalment',
      'PaidOrBroken',
    ]);
    expect(states.filter((s) => s === 'CheckInstalment')).toHaveLength(2);
  });

  it('a plan broken by a missed second instalment resumes both invoices at the final notice', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const { debtor, older, newer } = await debtorWithTwoInvoices(h);
    const plan = (await agreePlan(h, debtor.id, { invoiceIds: [older.id, newer.id], instalments: SCHEDULE }))
      .body;

    await advanceTo(h, '2026-03-14T10:00:00Z');
    await h.post(
      paymentReceived(
        { reference: plan.reference },
        { amount: 400_00, receivedAt: '2026-03-14T11:00:00+01:00' },
      ),
    );
    // The second instalment, due 15 April, is not paid: checked on the 18th after two days' grace.
    await advanceTo(h, '2026-04-17T12:00:00Z');
    expect((await planOf(h, plan.id)).status).toBe('active');
    await advanceTo(h, '2026-04-18T12:00:00Z');

    const broken = await eventually(async () => {
      const current = await planOf(h, plan.id);
      expect(current.status).toBe('broken');
      return current;
    });
    expect(broken.instalments.map((i) => i.status)).toEqual(['paid', 'missed', 'open']);
    // Broken on Saturday the 18th: the final notices go out on the next working day, Monday the 20th.
    await advanceTo(h, '2026-04-20T12:00:00Z');
    for (const id of [older.id, newer.id]) {
      const view = await eventually(async () => {
        const current = await invoiceView(h, id);
        expect(current.dunning?.lastStep?.slot).toBe('finalNotice');
        return current;
      });
      expect(view.dunning?.status).toBe('running');
      expect(view.timeline.some((e) => e.type === 'payment_plan_broken')).toBe(true);
      // The final notice goes out at once: no friendly reminder, no call, no account manager first.
      expect((await statesEntered(h, view.dunning?.execution ?? '')).slice(0, 5)).toEqual([
        'WaitUntilFirstReminder',
        'SendFirstReminder',
        'ResumeAtStep',
        'WaitUntilFinalNotice',
        'SendFinalNotice',
      ]);
    }
    expect((await invoiceView(h, older.id)).openAmount).toBe(200_00);
    expect((await tasksOf(h, older.id)).map((t) => t.kind)).toEqual(['broken_payment_plan']);
    const subjects = (await emailsTo(h, debtor.email)).map((e) => e.subject);
    expect(subjects.filter((s) => s.startsWith('Uw betalingsregeling is vervallen'))).toHaveLength(1);
    expect(await planStates(h, `${plan.id}--1`)).toEqual(
      expect.arrayContaining(['CheckInstalment', 'PaidOrBroken', 'BreakPlan', 'PlanBroken']),
    );
  });

  it('after a break, the final notices of both invoices go in one letter on the day of the break', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const { debtor, older, newer } = await debtorWithTwoInvoices(h);
    const plan = (await agreePlan(h, debtor.id, { invoiceIds: [older.id, newer.id], instalments: SCHEDULE }))
      .body;

    // Nothing is paid: the first instalment, due 16 March, is checked on the 19th and breaks the plan.
    await advanceTo(h, '2026-03-19T12:00:00Z');
    expect((await planOf(h, plan.id)).status).toBe('broken');
    for (const id of [older.id, newer.id]) {
      const view = await invoiceView(h, id);
      expect(view.dunning?.lastStep).toMatchObject({ slot: 'finalNotice', status: 'sent' });
    }
    const letters = (await emailsTo(h, debtor.email)).filter((e) => !e.subject.includes('betalingsregeling'));
    expect(letters).toHaveLength(1);
    expect(letters[0]?.text).toContain(older.number);
    expect(letters[0]?.text).toContain(newer.number);

    await advanceTo(h, '2026-03-21T12:00:00Z');
    expect(
      (await emailsTo(h, debtor.email)).filter((e) => !e.subject.includes('betalingsregeling')),
    ).toHaveLength(1);
  });

  it('a plan whose amounts do not add up is refused naming instalments', async () => {
    h = await startCloudHarness(START);
    const { debtor, older, newer } = await debtorWithTwoInvoices(h);

    const answer = await agreePlan(h, debtor.id, {
      invoiceIds: [older.id, newer.id],
      instalments: [
        { dueDate: '2026-03-16', amount: 400_00 },
        { dueDate: '2026-04-15', amount: 400_00 },
      ],
    });

    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([
      { path: 'instalments', message: expect.stringContaining('add up to') },
    ]);
    expect((await invoiceView(h, older.id)).dunning?.status).toBe('running');
    expect((await h.get<{ plans: unknown[] }>(`/debtors/${debtor.id}/payment-plans`)).body.plans).toEqual([]);
  });

  it('a plan checked without saving writes nothing and names the field', async () => {
    h = await startCloudHarness(START);
    const { debtor, older, newer } = await debtorWithTwoInvoices(h);
    const check = (instalments: unknown) =>
      h.send<ErrorBody & { valid: boolean; total: number; currency: string; instalments: number }>(
        'POST',
        `/debtors/${debtor.id}/payment-plans?validate=true`,
        { invoiceIds: [older.id, newer.id], instalments },
      );

    const short = await check([
      { dueDate: '2026-03-16', amount: 400_00 },
      { dueDate: '2026-04-15', amount: 400_00 },
    ]);
    expect(short.status).toBe(400);
    expect(short.body.error.issues).toEqual([
      { path: 'instalments', message: expect.stringContaining('add up to') },
    ]);
    const typo = await check([
      { dueDate: '2026-03-16', amount: 600_00 },
      { dueDate: '2026-04-15', amount: -1 },
    ]);
    expect(typo.status).toBe(400);
    expect(typo.body.error.issues.map((issue) => issue.path)).toEqual(['instalments.1.amount']);

    const fits = await check(SCHEDULE);
    expect(fits.status).toBe(200);
    expect(fits.body).toEqual({ valid: true, currency: 'EUR', total: 1_200_00, instalments: 3 });
    // Nothing written: no plan, the dunning runs, and the same plan can then be agreed.
    expect((await h.get<{ plans: unknown[] }>(`/debtors/${debtor.id}/payment-plans`)).body.plans).toEqual([]);
    expect((await invoiceView(h, older.id)).dunning?.status).toBe('running');
    expect(
      (await agreePlan(h, debtor.id, { invoiceIds: [older.id, newer.id], instalments: SCHEDULE })).status,
    ).toBe(201);
  });
});

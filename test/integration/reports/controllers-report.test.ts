import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_USERS } from '../../../local/auth/local-issuer';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, invoiceView, payment, tasksOf } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. The business-standard policy calls on day 21 after the
// due date: Sunday 22 March, so Monday 23 March at 09:00.
const START = new Date('2026-03-02T05:00:00Z');
const DUE = '2026-03-01';
const HOUR_MS = 3_600_000;

interface ControllersReportBody {
  from: string;
  to: string;
  contactCreditDays: number;
  controllers: {
    owner: { sub: string; email?: string };
    tasksDone: number;
    tasksDoneOnTime: number;
    callsMade: number;
    callsReached: number;
    promisesTaken: number;
    promisesKept: number;
    collectedAfterContact: { amount: number; currency: string }[];
  }[];
}

interface Refused {
  error: { issues: { path: string; message: string }[] };
}

async function callTaskOf(h: CloudHarness, invoiceId: string) {
  return eventually(async () => {
    const found = (await tasksOf(h, invoiceId)).find((t) => t.kind === 'call');
    expect(found).toBeDefined();
    return found!;
  });
}

describe('the controllers report', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('counts a call that reached the debtor and the promise kept for the controller who took it', async () => {
    h = await startCloudHarness(START);
    const promising = await businessDebtor(h);
    const promised = await invoice(h, promising.id, { dueDate: DUE, totalAmount: 2_400_00 });
    const silent = await businessDebtor(h);
    const unanswered = await invoice(h, silent.id, { dueDate: DUE });
    await h.advanceDays(21);
    await h.cloud.advance(4 * HOUR_MS);

    const noAnswer = await h.send('POST', `/tasks/${(await callTaskOf(h, unanswered.id)).id}/outcome`, {
      outcome: 'no_answer',
    });
    expect(noAnswer.status).toBe(200);
    const promise = await h.send('POST', `/tasks/${(await callTaskOf(h, promised.id)).id}/outcome`, {
      outcome: 'promised',
      promisedDate: '2026-03-27',
    });
    expect(promise.status).toBe(200);

    // Paid in full two days after the call: the promise is kept, and the money counts for the call.
    await h.cloud.advanceTo(new Date('2026-03-25T11:00:00Z'));
    expect((await h.post(payment(promised.id, 2_400_00, '2026-03-25T10:00:00+01:00'))).status).toBe(200);
    await eventually(async () => expect((await invoiceView(h, promised.id)).status).toBe('paid'));

    const report = await h.get<ControllersReportBody>(
      '/reports/controllers?from=2026-03-01&to=2026-03-31',
      'manager',
    );
    expect(report.status).toBe(200);
    expect(report.body.contactCreditDays).toBe(14);
    expect(report.body.controllers).toEqual([
      {
        owner: { sub: LOCAL_USERS.controller.sub, email: LOCAL_USERS.controller.email },
        tasksDone: 2,
        tasksDoneOnTime: 2,
        callsMade: 2,
        callsReached: 1,
        promisesTaken: 1,
        promisesKept: 1,
        collectedAfterContact: [{ amount: 2_400_00, currency: 'EUR' }],
      },
    ]);

    // The days are calendar days: a period before the call counts nothing.
    const before = await h.get<ControllersReportBody>(
      '/reports/controllers?from=2026-03-01&to=2026-03-22',
      'manager',
    );
    expect(before.body.controllers).toEqual([]);
  });

  it('gives the controllers report to managers only, for a period that names its days in order and at most 366 of them', async () => {
    h = await startCloudHarness(START);
    const asController = await h.get('/reports/controllers?from=2026-03-01&to=2026-03-31', 'controller');
    expect(asController.status).toBe(403);

    const reversed = await h.get<Refused>('/reports/controllers?from=2026-03-31&to=2026-03-01', 'manager');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.issues.map((issue) => issue.path)).toEqual(['query.to']);

    const tooLong = await h.get<Refused>('/reports/controllers?from=2025-01-01&to=2026-03-01', 'manager');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.issues[0]?.message).toContain('366');

    const missing = await h.get<Refused>('/reports/controllers?to=2026-03-01', 'manager');
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues.map((issue) => issue.path)).toEqual(['query.from']);
  });
});

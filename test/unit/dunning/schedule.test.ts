import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DunningPolicy } from '../../../functions/core/dunning/dunning-policy';
import { DUNNING_SLOTS } from '../../../functions/core/dunning/dunning-slot';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import {
  LEAST_STEP_PARK_SECONDS,
  NEXT_SLOT,
  type ParkingSlot,
  planDunning,
} from '../../../functions/core/dunning/schedule';
import { localDate } from '../../../functions/core/calendar/time-zone';
import { isWorkingDay } from '../../../functions/core/calendar/working-days';
import { parkEndsAtAccountManager } from '../../../functions/use-cases/steps/call-window-ended-step';
import { parkEndsAtNextStep } from '../../../functions/use-cases/steps/park-until-next-step';
import { stepFor } from '../../../functions/core/dunning/policy-steps';

function seed(id: string): DunningPolicy {
  const policy = SEED_POLICIES.find((candidate) => candidate.id === id);
  if (!policy) throw new Error(`no seed policy ${id}`);
  return policy;
}

const businessStandard = seed('business-standard');
const consumerStandard = seed('consumer-standard');
const keyAccount = seed('business-key-account');

/**
 * Any seed policy, a due date in 2025–2027, a moment from `fromHours` to `toHours` after that day
 * began, and any slot a restored execution resumes at (or none).
 */
function aPlanning(fromHours: number, toHours: number) {
  return fc
    .record({
      policy: fc.constantFrom(...SEED_POLICIES),
      due: fc.date({
        min: new Date('2025-01-01T00:00:00Z'),
        max: new Date('2027-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      hoursAfterDue: fc.integer({ min: fromHours, max: toHours }),
      resumeAt: fc.option(fc.constantFrom(...DUNNING_SLOTS), { nil: undefined }),
    })
    .map(({ policy, due, hoursAfterDue, resumeAt }) => {
      const dueDate = due.toISOString().slice(0, 10);
      const now = new Date(Date.parse(`${dueDate}T00:00:00Z`) + hoursAfterDue * 3_600_000);
      return { policy, dueDate, now, resumeAt };
    });
}

describe('the dunning plan', () => {
  it('acts on the due date plus each step day, at 09:00 Amsterdam time', () => {
    const plan = planDunning({
      policy: businessStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-01-06T03:00:00Z'),
    });
    expect(plan).toEqual({
      resumeAt: 'firstReminder',
      schedule: {
        firstReminder: '2026-01-08T08:00:00Z',
        secondReminder: '2026-01-19T08:00:00Z',
        call: '2026-01-26T08:00:00Z',
        accountManager: '2026-02-04T08:00:00Z',
        // Day 40 is Saturday 14 February: the next working day.
        finalNotice: '2026-02-16T08:00:00Z',
        collectionAgency: '2026-03-06T08:00:00Z',
      },
      // Five working days from Monday 26 January: Monday 2 February.
      callWindowSeconds: 7 * 86_400,
      // From the window's end, Monday 2 February, to the account manager on Wednesday 4 February.
      parkSeconds: expect.objectContaining({ call: 2 * 86_400 }),
    });
  });

  it('keeps sending at 09:00 local time when summer time starts in March', () => {
    const { schedule } = planDunning({
      policy: businessStandard,
      dueDate: '2026-03-20',
      now: new Date('2026-03-21T00:00:00Z'),
    });
    expect(schedule.firstReminder).toBe('2026-03-23T08:00:00Z');
    // Day 14 is Good Friday 3 April and Easter Monday follows: Tuesday 7 April, in summer time.
    expect(schedule.secondReminder).toBe('2026-04-07T07:00:00Z');
  });

  it('keeps sending at 09:00 local time when summer time ends in October', () => {
    const { schedule } = planDunning({
      policy: businessStandard,
      dueDate: '2026-10-20',
      now: new Date('2026-10-21T00:00:00Z'),
    });
    expect(schedule.firstReminder).toBe('2026-10-23T07:00:00Z');
    expect(schedule.secondReminder).toBe('2026-11-03T08:00:00Z');
  });

  it('gives a slot the policy leaves out the time of the slot before, so its task is skipped at once', () => {
    const { schedule } = planDunning({
      policy: consumerStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-01-06T00:00:00Z'),
    });
    expect(schedule.call).toBe(schedule.secondReminder);
    expect(schedule.accountManager).toBe(schedule.secondReminder);

    const keyAccountPlan = planDunning({
      policy: keyAccount,
      dueDate: '2026-01-05',
      now: new Date('2026-01-06T00:00:00Z'),
    });
    expect(keyAccountPlan.schedule.secondReminder).toBe(keyAccountPlan.schedule.firstReminder);
    expect(keyAccountPlan.schedule.collectionAgency).toBe(keyAccountPlan.schedule.finalNotice);
  });

  it('sends the step of its age at once for an invoice that arrives long overdue, and keeps the spacing of the rest', () => {
    // 56 days overdue: past the final notice (day 40), before the agency (day 60).
    const now = new Date('2026-03-02T13:15:42.500Z');
    const plan = planDunning({ policy: businessStandard, dueDate: '2026-01-05', now });
    expect(plan.resumeAt).toBe('finalNotice');
    expect(plan.schedule.finalNotice).toBe('2026-03-02T13:15:42Z');
    // Planned 20 days after the final notice, so that many days after today, at 09:00: Sunday
    // 22 March, so Monday the 23rd.
    expect(plan.schedule.collectionAgency).toBe('2026-03-23T08:00:00Z');
  });

  it('waits until the send time of the day when an overdue invoice arrives early in the morning', () => {
    const { schedule } = planDunning({
      policy: businessStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-03-02T05:00:00Z'),
    });
    expect(schedule.finalNotice).toBe('2026-03-02T08:00:00Z');
  });

  it('starts an invoice that arrives a few days late at the next step of its age, on that step day', () => {
    // 10 days overdue: the friendly reminder (day 3) has passed, the firm one (day 14) comes.
    const plan = planDunning({
      policy: businessStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-01-15T10:00:00Z'),
    });
    expect(plan.resumeAt).toBe('secondReminder');
    expect(plan.schedule.secondReminder).toBe('2026-01-19T08:00:00Z');
  });

  it('never hands a consumer to the agency before the term of the 14-day letter has run, however late the start', () => {
    const { schedule } = planDunning({
      policy: consumerStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-06-01T10:00:00Z'),
      resumeAt: 'finalNotice',
    });
    expect(schedule.finalNotice).toBe('2026-06-01T10:00:00Z');
    // Received by 3 June at the latest, the term runs to 17 June: the agency comes on the 18th.
    expect(schedule.collectionAgency).toBe('2026-06-18T07:00:00Z');
  });

  it('hands a consumer to the agency on the policy day when the 14-day term has ended by then', () => {
    // Letter on Monday 26 January, received Wednesday 28th, term to 11 February.
    const { schedule } = planDunning({
      policy: consumerStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-01-06'),
    });
    expect(schedule.finalNotice).toBe('2026-01-26T08:00:00Z');
    expect(schedule.collectionAgency).toBe('2026-02-12T08:00:00Z');
  });

  it('waits longer for the agency when a 14-day letter sent on a Friday arrives after the weekend', () => {
    // Letter on Friday 30 January; post comes Saturday and then Tuesday 3 February, term to the 17th.
    const { schedule } = planDunning({
      policy: consumerStandard,
      dueDate: '2026-01-09',
      now: new Date('2026-01-10'),
    });
    expect(schedule.finalNotice).toBe('2026-01-30T08:00:00Z');
    expect(schedule.collectionAgency).toBe('2026-02-18T08:00:00Z');
  });

  it('waits longer for the agency when the 14-day term ends on a weekend (Algemene termijnenwet)', () => {
    // Letter on Thursday 29 January, received Saturday the 31st: the term ends Saturday 14
    // February and runs on to Monday the 16th.
    const { schedule } = planDunning({
      policy: consumerStandard,
      dueDate: '2026-01-08',
      now: new Date('2026-01-09'),
    });
    expect(schedule.finalNotice).toBe('2026-01-29T08:00:00Z');
    expect(schedule.collectionAgency).toBe('2026-02-17T08:00:00Z');
  });

  it('counts the term of a 14-day letter sent by an earlier execution when resuming at the agency', () => {
    const { schedule } = planDunning({
      policy: consumerStandard,
      dueDate: '2026-01-09',
      now: new Date('2026-02-10T10:00:00Z'),
      resumeAt: 'collectionAgency',
    });
    expect(schedule.collectionAgency).toBe('2026-02-18T08:00:00Z');
  });

  it('resumes at the step it is told, on that step day when it is still ahead', () => {
    const plan = planDunning({
      policy: businessStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-01-20T12:00:00Z'),
      resumeAt: 'call',
    });
    expect(plan.resumeAt).toBe('call');
    expect(plan.schedule.call).toBe('2026-01-26T08:00:00Z');
    // Never reached: the choice state jumps past them.
    expect(plan.schedule.firstReminder).toBe('2026-01-20T12:00:00Z');
    expect(plan.schedule.secondReminder).toBe('2026-01-20T12:00:00Z');
  });

  it('resumes at once after a pause that outlasted the step day, moving the later steps by the delay', () => {
    const { schedule } = planDunning({
      policy: businessStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-02-20T12:00:00Z'),
      resumeAt: 'accountManager',
    });
    expect(schedule.accountManager).toBe('2026-02-20T12:00:00Z');
    expect(schedule.finalNotice).toBe('2026-03-02T08:00:00Z');
  });

  it('counts the call window in working days, in seconds', () => {
    const plan = planDunning({
      policy: seed('business-chronic-late'),
      dueDate: '2026-01-05',
      now: new Date('2026-01-06'),
    });
    // The call on Thursday 15 January; three working days on is Tuesday the 20th.
    expect(plan.callWindowSeconds).toBe(5 * 86_400);
  });

  it('parks an unanswered call from the end of its window until the account manager, and at least a second', () => {
    const standard = planDunning({
      policy: businessStandard,
      dueDate: '2026-03-01',
      now: new Date('2026-03-02'),
    });
    // The call on Monday 23 March at 09:00; its window of seven days in seconds ends on Monday 30
    // March at 10:00, as summer time began on the Sunday. The account manager acts on day 30,
    // Tuesday 31 March, at 09:00: 23 hours later.
    expect(standard.parkSeconds.call).toBe(23 * 3_600);
    expect(
      Date.parse(standard.schedule.call) + (standard.callWindowSeconds + standard.parkSeconds.call) * 1000,
    ).toBe(Date.parse(standard.schedule.accountManager));

    // No account manager: its slot gets the call's time, before the window ends.
    expect(
      planDunning({ policy: keyAccount, dueDate: '2026-03-01', now: new Date('2026-03-02') }),
    ).toMatchObject({ parkSeconds: { call: 1 } });
  });

  it('puts every step on a Dutch working day: never a Saturday, Sunday or holiday', () => {
    fc.assert(
      fc.property(aPlanning(1, 2_000), ({ policy, dueDate, now, resumeAt }) => {
        const { schedule } = planDunning({ policy, dueDate, now, resumeAt });
        const start = DUNNING_SLOTS.indexOf(planDunning({ policy, dueDate, now, resumeAt }).resumeAt);
        for (const slot of DUNNING_SLOTS.slice(start)) {
          if (!policy.steps.some((step) => step.slot === slot)) continue;
          expect(isWorkingDay(localDate(new Date(schedule[slot]), policy.timeZone))).toBe(true);
        }
      }),
    );
  });

  it('is never earlier than now and never goes back in time from slot to slot', () => {
    fc.assert(
      fc.property(aPlanning(-30, 400), ({ policy, dueDate, now, resumeAt }) => {
        const { schedule } = planDunning({ policy, dueDate, now, resumeAt });
        const times = DUNNING_SLOTS.map((slot) => Date.parse(schedule[slot]));
        times.forEach((time, index) => {
          expect(time).toBeGreaterThan(now.getTime() - 1000);
          if (index > 0) expect(time).toBeGreaterThanOrEqual(times[index - 1] ?? 0);
        });
        for (const slot of DUNNING_SLOTS) expect(schedule[slot]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      }),
    );
  });

  it('parks an unanswered call, for any plan, until exactly when the Wait for the account manager would end', () => {
    fc.assert(
      fc.property(aPlanning(-30, 1_500), ({ policy, dueDate, now, resumeAt }) => {
        const plan = planDunning({ policy, dueDate, now, resumeAt });
        const windowEnds = Date.parse(plan.schedule.call) + plan.callWindowSeconds * 1000;
        const accountManagerAt = Date.parse(plan.schedule.accountManager);
        const parkEnds = windowEnds + plan.parkSeconds.call * 1000;
        expect(Number.isInteger(plan.parkSeconds.call)).toBe(true);
        expect(parkEnds).toBe(Math.max(accountManagerAt, windowEnds + 1000));
        // The window ended as planned: its function parks rather than answer its own token.
        expect(
          parkEndsAtAccountManager(new Date(windowEnds), {
            accountManagerAt: plan.schedule.accountManager,
            parkSeconds: plan.parkSeconds.call,
          }),
        ).toBe(true);
      }),
    );
  });

  it("parks each step from its planned time until the next step, and a skipped one for Lambda's longest run", () => {
    const standard = planDunning({
      policy: businessStandard,
      dueDate: '2026-03-01',
      now: new Date('2026-03-02'),
    });
    const { schedule, parkSeconds } = standard;
    for (const slot of ['firstReminder', 'secondReminder', 'accountManager', 'finalNotice'] as const) {
      expect(Date.parse(schedule[slot]) + parkSeconds[slot] * 1000).toBe(
        Date.parse(schedule[NEXT_SLOT[slot]]),
      );
    }
    // Due on 6 March: the call on Friday 27 March at 09:00 winter time; its window of five
    // working days over Easter ends on Tuesday 7 April at 10:00 summer time, an hour after the
    // account manager's step (its days counted in seconds from the winter hour). On an unanswered
    // call the account manager acts then, and its park counts from there, so the final notice
    // keeps its time.
    const easter = planDunning({
      policy: businessStandard,
      dueDate: '2026-03-06',
      now: new Date('2026-03-07'),
    });
    expect(easter.schedule.accountManager).toBe('2026-04-07T07:00:00Z');
    const windowEnds = Date.parse(easter.schedule.call) + easter.callWindowSeconds * 1000;
    expect(new Date(windowEnds).toISOString()).toBe('2026-04-07T08:00:00.000Z');
    expect(windowEnds + easter.parkSeconds.accountManager * 1000).toBe(
      Date.parse(easter.schedule.finalNotice),
    );

    // No call and no account manager: both have the second reminder's time. The second reminder's
    // park would end late, so its task answers at once; the skipped account manager's step parks
    // until the final notice.
    const consumer = planDunning({
      policy: consumerStandard,
      dueDate: '2026-01-05',
      now: new Date('2026-01-06'),
    });
    expect(consumer.parkSeconds.secondReminder).toBe(LEAST_STEP_PARK_SECONDS);
    expect(
      parkEndsAtNextStep(new Date(consumer.schedule.secondReminder), {
        nextStepAt: consumer.schedule.call,
        seconds: consumer.parkSeconds.secondReminder,
      }),
    ).toBe(false);
    expect(Date.parse(consumer.schedule.accountManager) + consumer.parkSeconds.accountManager * 1000).toBe(
      Date.parse(consumer.schedule.finalNotice),
    );
  });

  it("parks each step, for any plan, until exactly the next step's planned time, or answers at once where that is sooner", () => {
    fc.assert(
      fc.property(aPlanning(-30, 1_500), fc.boolean(), ({ policy, dueDate, now, resumeAt }, atOnce) => {
        const plan = planDunning({ policy, dueDate, now, resumeAt, atOnce });
        const { schedule, parkSeconds } = plan;
        // An unanswered call reaches the account manager when its window ends, if that is later.
        const calls =
          stepFor(policy, 'call') !== undefined &&
          DUNNING_SLOTS.indexOf(plan.resumeAt) <= DUNNING_SLOTS.indexOf('call');
        const windowEnds = Date.parse(schedule.call) + plan.callWindowSeconds * 1000;
        for (const slot of Object.keys(NEXT_SLOT) as ParkingSlot[]) {
          if (slot === 'call') continue;
          const seconds = parkSeconds[slot];
          const planned = Date.parse(schedule[slot]);
          const stepAt = slot === 'accountManager' && calls ? Math.max(planned, windowEnds) : planned;
          const nextStepAt = schedule[NEXT_SLOT[slot]];
          const gap = Date.parse(nextStepAt) - stepAt;
          expect(Number.isInteger(seconds)).toBe(true);
          // Never shorter than the function's longest run, so the park outlasts the step.
          expect(seconds).toBeGreaterThanOrEqual(LEAST_STEP_PARK_SECONDS);
          const parks = parkEndsAtNextStep(new Date(stepAt), { nextStepAt, seconds });
          if (gap >= LEAST_STEP_PARK_SECONDS * 1000) {
            // A step on time parks, and its park ends exactly at the next step's planned time.
            expect(stepAt + seconds * 1000).toBe(Date.parse(nextStepAt));
            expect(parks).toBe(true);
          } else {
            // The next step is due sooner (skipped, or minutes away): never a park that ends late
            // beyond the tolerance; such a step answers at once and the next step's Wait waits.
            expect(seconds).toBe(LEAST_STEP_PARK_SECONDS);
            if (parks) expect(stepAt + seconds * 1000 - Date.parse(nextStepAt)).toBeLessThanOrEqual(60_000);
          }
          // Run late (a deferral of a day), the step never parks: its next step would come late.
          expect(parkEndsAtNextStep(new Date(stepAt + 86_400_000), { nextStepAt, seconds })).toBe(false);
        }
      }),
    );
  });
});

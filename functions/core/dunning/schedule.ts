import { addDays, type CalendarDate, daysBetween } from '../calendar/calendar-date';
import { localDate, localTimeToInstant } from '../calendar/time-zone';
import { addWorkingDays, isWorkingDay, nextWorkingDay } from '../calendar/working-days';
import { fourteenDayTermEnd } from '../legal/fourteen-day-letter';
import { postalReceiptDate } from '../legal/written-notice';
import { type DunningPolicy, FOURTEEN_DAY_LETTER } from './dunning-policy';
import { DUNNING_SLOTS, type DunningSlot } from './dunning-slot';
import { startingStep } from './late-start';
import { stepFor } from './policy-steps';

/** When each slot's Wait state returns: ISO timestamps in UTC, never decreasing in slot order. */
export type DunningSchedule = Record<DunningSlot, string>;

/** The part of the execution input that the policy decides (see statemachines/dunning.asl.json). */
export interface DunningPlan {
  /** The slot the ResumeAtStep choice jumps to, after the first task (use-cases/steps/resumes-later.ts). */
  resumeAt: DunningSlot;
  schedule: DunningSchedule;
  /** How long CallDebtor parks on its task token before the workflow moves on. */
  callWindowSeconds: number;
  /**
   * How long each step's task parks after its step, so that the next step needs no Wait of its
   * own: see `ParkSeconds`.
   */
  parkSeconds: ParkSeconds;
}

/** Every slot but the last: each parks after its step until the next slot's step. */
export type ParkingSlot = Exclude<DunningSlot, 'collectionAgency'>;

/**
 * Whole seconds from each slot's planned time to the next slot's (the call: from the end of its
 * window, where RecordUnansweredCall parks). A task that starts on time and parks this long ends
 * its park when the next slot's Wait would return (see use-cases/steps/park-until-next-step.ts).
 * Where the next slot is due sooner (a slot the policy leaves out has the time of the one before),
 * a step's park is `LEAST_STEP_PARK_SECONDS`, which its function sees would end late and answers
 * at once; the call's is 1 second, Step Functions' least time limit.
 */
export type ParkSeconds = Record<ParkingSlot, number>;

/**
 * The shortest park of a step that acts (a letter, the account manager): Lambda's longest run. The
 * park's time limit counts from the state's start, while the function still runs; a park that ran
 * out first would leave a fault of the function unretried, as Step Functions had moved on.
 */
export const LEAST_STEP_PARK_SECONDS = 900;

/** The slot whose step follows each parking slot's: the state its park's time limit leads to. */
export const NEXT_SLOT: Record<ParkingSlot, DunningSlot> = {
  firstReminder: 'secondReminder',
  secondReminder: 'call',
  call: 'accountManager',
  accountManager: 'finalNotice',
  finalNotice: 'collectionAgency',
};

export interface PlanDunningInput {
  policy: DunningPolicy;
  dueDate: CalendarDate;
  now: Date;
  /**
   * Where a restored or resumed execution starts. A new one starts at the invoice's age: see
   * `startingStep`.
   */
  resumeAt?: DunningSlot;
  /**
   * The first step to act does so today even if its day has not come (a broken payment plan
   * makes the rest due at once); the later steps move with it.
   */
  atOnce?: boolean;
}

const DAY_SECONDS = 86_400;

/** Step Functions reads RFC 3339 timestamps; whole seconds keep them short and unambiguous. */
function timestamp(instant: number): string {
  return new Date(Math.floor(instant / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The first day a claim may go to the agency after a 14-day letter sent on `sentOn`, as core/legal
 * judges the term: receipt counted in postal delivery days (no post on Sundays, Mondays and
 * holidays), and a term ending on a weekend or holiday extended by the Algemene termijnenwet.
 */
function dayAfterFourteenDayTerm(sentOn: CalendarDate, postalDeliveryDays: number): CalendarDate {
  return addDays(fourteenDayTermEnd(postalReceiptDate(sentOn, postalDeliveryDays)).termEndsOn, 1);
}

/**
 * Plans the waits of one execution. A step acts on the due date + its dayOffset, at the policy's
 * sendAt in its time zone (so always 09:00 in Amsterdam, summer or winter), on a working day: one
 * that falls on a weekend or a holiday moves to the next working day. The plan is where this is
 * decided (the Waits of the state machine read it), so the state machine needs no change, and
 * only here: a step task that deferred itself by a day in the middle of an execution would move
 * the debtor's letter of the day (one per debtor, step, currency and day).
 *
 * A new dunning starts at the invoice's age (`startingStep`): an invoice
 * that arrives 50 days overdue starts with the step of its age, never with the friendly reminder.
 * A step whose day has passed (a late starter's letter, a resume after a pause) acts at once
 * (today at sendAt, or now when that has passed), and the later steps move by the same number of
 * days. Clamping each step to "now" alone would fire the rest of the cycle in one burst, and could
 * hand a consumer to the agency before the 14-day term of the letter just sent.
 *
 * After a 14-day letter the agency waits at least until the day after the letter's term, which
 * on some dates is later than the policy's day offset allows for. The handover task must still
 * check the letter's real delivery, since only that proves when the term ended.
 *
 * A slot the policy leaves out gets the time of the slot before it, so its Wait returns at once
 * and its task answers "skipped"; the slots before `resumeAt` are never reached and get `now`.
 */
export function planDunning({
  policy,
  dueDate,
  now,
  resumeAt: requested,
  atOnce = false,
}: PlanDunningInput): DunningPlan {
  const resumeAt =
    requested ??
    startingStep(policy, daysBetween(dueDate, localDate(now, policy.timeZone)))?.slot ??
    DUNNING_SLOTS[0];
  const start = DUNNING_SLOTS.indexOf(resumeAt);
  const firstToAct = DUNNING_SLOTS.slice(start)
    .map((slot) => stepFor(policy, slot))
    .find((step) => step !== undefined);
  const behind = firstToAct
    ? daysBetween(addDays(dueDate, firstToAct.dayOffset), localDate(now, policy.timeZone))
    : 0;
  const daysLate = atOnce ? behind : Math.max(0, behind);

  let previous = now.getTime();
  let letterSentOn: CalendarDate | undefined;
  const schedule = {} as DunningSchedule;
  DUNNING_SLOTS.forEach((slot, index) => {
    const step = stepFor(policy, slot);
    if (step && index < start && step.template === FOURTEEN_DAY_LETTER) {
      // Sent by an earlier execution, on its planned day at the soonest.
      letterSentOn = addDays(dueDate, step.dayOffset);
    } else if (step && index >= start) {
      let day = addDays(dueDate, step.dayOffset + daysLate);
      if (slot === 'collectionAgency' && letterSentOn) {
        const termPassed = dayAfterFourteenDayTerm(letterSentOn, policy.legal.postalDeliveryDays);
        if (termPassed > day) day = termPassed;
      }
      previous = onWorkingDay(
        Math.max(previous, localTimeToInstant(day, policy.sendAt, policy.timeZone).getTime()),
        policy,
      );
      if (step.template === FOURTEEN_DAY_LETTER)
        letterSentOn = localDate(new Date(previous), policy.timeZone);
    }
    schedule[slot] = timestamp(previous);
  });

  const callWindow = callWindowSeconds(schedule.call, policy);
  return {
    resumeAt,
    schedule,
    callWindowSeconds: callWindow,
    parkSeconds: parkSecondsOf(
      schedule,
      callWindow,
      stepFor(policy, 'call') !== undefined && start <= DUNNING_SLOTS.indexOf('call'),
    ),
  };
}

/**
 * `calls`: this execution reaches a call step. An unanswered call reaches the account manager at
 * the later of its planned time and the call window's end (the window counts working days, so
 * holidays, and a change to summer time, can end it after), so the account manager's park counts
 * from there and the final notice keeps its time. After an answered call the account manager acts
 * at its planned time, sooner: that park would end early, and its function answers at once.
 */
function parkSecondsOf(schedule: DunningSchedule, callWindow: number, calls: boolean): ParkSeconds {
  const windowEnds = Date.parse(schedule.call) + callWindow * 1000;
  const until = (slot: ParkingSlot, from: number, least: number) =>
    Math.max(least, Math.round((Date.parse(schedule[NEXT_SLOT[slot]]) - from) / 1000));
  const afterStep = (slot: ParkingSlot, from = Date.parse(schedule[slot])) =>
    until(slot, from, LEAST_STEP_PARK_SECONDS);
  const accountManagerActs = Date.parse(schedule.accountManager);
  return {
    firstReminder: afterStep('firstReminder'),
    secondReminder: afterStep('secondReminder'),
    call: until('call', windowEnds, 1),
    accountManager: afterStep(
      'accountManager',
      calls ? Math.max(accountManagerActs, windowEnds) : accountManagerActs,
    ),
    finalNotice: afterStep('finalNotice'),
  };
}

/**
 * Letters go out and tasks fall on Dutch working days only: a step whose day is a Saturday, a
 * Sunday or a holiday of the Algemene termijnenwet moves to the next working day at sendAt.
 */
function onWorkingDay(instant: number, policy: DunningPolicy): number {
  const day = localDate(new Date(instant), policy.timeZone);
  if (isWorkingDay(day)) return instant;
  return localTimeToInstant(nextWorkingDay(day), policy.sendAt, policy.timeZone).getTime();
}

/** The call window counts working days: from the call's day to the same hour `callWindowDays` working days on. */
function callWindowSeconds(callAt: string, policy: DunningPolicy): number {
  const callDay = localDate(new Date(callAt), policy.timeZone);
  return daysBetween(callDay, addWorkingDays(callDay, policy.callWindowDays)) * DAY_SECONDS;
}

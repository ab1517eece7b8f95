import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../functions/core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../../functions/core/calendar/time-zone';
import { DUNNING_SLOTS, type DunningSlot } from '../../../functions/core/dunning/dunning-slot';
import { startingStep } from '../../../functions/core/dunning/late-start';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { SEGMENT } from '../../../functions/core/dunning/segment';
import { invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoiceView } from './scenario';
import { remindersByText, storePolicy, textsTo } from '../sms/policy-with-texts';

const HOUR_MS = 3_600_000;

const BUSINESS_STANDARD = SEED_POLICIES.find((policy) => policy.id === SEGMENT.businessStandard)!;

/** The timeline entry each step leaves, by slot (business-standard policy: every slot). */
const STEP_ENTRIES: Record<string, readonly string[]> = {
  firstReminder: ['email_sent', 'text_sent', 'step_skipped'],
  secondReminder: ['email_sent', 'text_sent', 'step_skipped'],
  call: ['task_created', 'step_skipped'],
  accountManager: ['account_manager_notified', 'step_skipped'],
  finalNotice: ['email_sent', 'step_skipped'],
  collectionAgency: ['handed_over_to_agency', 'step_skipped'],
};

interface Arrival {
  debtor: number;
  currency: 'EUR' | 'GBP';
  /** Hours after the run starts (06:00 in Amsterdam): any time of that day and the next morning. */
  atHour: number;
  /** Days the invoice is overdue when it arrives (due that many days before its arrival day). */
  overdueDays: number;
}

const arrivals = fc.array(
  fc.record<Arrival>({
    debtor: fc.integer({ min: 0, max: 1 }),
    currency: fc.constantFrom('EUR', 'GBP'),
    atHour: fc.integer({ min: 0, max: 30 }),
    overdueDays: fc.integer({ min: 1, max: 6 }),
  }),
  { minLength: 3, maxLength: 6 },
);

describe('invoices arriving at random times of day, in two currencies, for a few debtors', () => {
  let h: CloudHarness;
  beforeAll(async () => {
    h = await startCloudHarness(new Date('2026-03-02T05:00:00Z'));
    // The second debtor's reminders go by text: one text per debtor, step and day, as a letter.
    await storePolicy(h, 'business-standard-texts', remindersByText);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('gives every invoice that ran its policy each step exactly once, in at most one letter per debtor, step, currency and day, and one text per debtor, step and day', async () => {
    await fc.assert(
      fc.asyncProperty(arrivals, async (plan) => {
        const start = h.cloud.clock.now().getTime();
        const mobile = `+3162${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
        const debtors = [
          await businessDebtor(h),
          await businessDebtor(h, { mobile, segment: 'business-standard-texts' }),
        ];
        // An invoice starts at its age: one that arrives past the first reminder's day starts at
        // the next step, and the steps before it are never run.
        const invoices: { id: string; debtor: (typeof debtors)[number]; startsAt: DunningSlot }[] = [];
        for (const arrival of [...plan].sort((a, b) => a.atHour - b.atHour)) {
          await h.cloud.advanceTo(new Date(start + arrival.atHour * HOUR_MS));
          const today = localDate(h.cloud.clock.now(), BUSINESS_TIME_ZONE);
          const debtor = debtors[arrival.debtor]!;
          const id = newId('inv');
          const answer = await h.post(
            invoiceCreated({
              id,
              debtorId: debtor.id,
              currency: arrival.currency,
              totalAmount: 500_00,
              issueDate: addDays(today, -30 - arrival.overdueDays),
              dueDate: addDays(today, -arrival.overdueDays),
            }),
          );
          expect(answer.status).toBe(200);
          const startsAt = startingStep(BUSINESS_STANDARD, arrival.overdueDays)!.slot;
          invoices.push({ id, debtor, startsAt });
        }
        // Business standard: the agency 60 days after the due date, plus a deferral or two.
        await h.advanceDays(70);

        const letters = new Map<string, Set<string>>();
        const notices = new Map<string, number>();
        const texts = new Map<string, Set<string>>();
        for (const { id, debtor, startsAt } of invoices) {
          const view = await invoiceView(h, id);
          expect(view.status).toBe('in_collection');
          for (const slot of DUNNING_SLOTS) {
            const entries = view.timeline.filter(
              (e) => e.details?.slot === slot && STEP_ENTRIES[slot]!.includes(e.type),
            );
            const runs = DUNNING_SLOTS.indexOf(slot) >= DUNNING_SLOTS.indexOf(startsAt);
            expect(
              entries.map((e) => e.type),
              `${id} ${slot}`,
            ).toHaveLength(runs ? 1 : 0);
          }
          for (const sent of view.timeline.filter((e) => e.type === 'text_sent')) {
            const { slot, day, messageId } = sent.details as { slot: string; day: string; messageId: string };
            const key = `${debtor.id} ${slot} ${day}`;
            texts.set(key, (texts.get(key) ?? new Set()).add(messageId));
          }
          for (const sent of view.timeline.filter((e) => e.type === 'email_sent')) {
            const { slot, letter, messageId } = sent.details as {
              slot: string;
              letter?: { day: string; currency: string };
              messageId: string;
            };
            // The notice of the hand-over is the invoice's own, not a letter of the day.
            if (!letter) {
              notices.set(debtor.id, (notices.get(debtor.id) ?? 0) + 1);
              continue;
            }
            const key = `${debtor.id} ${slot} ${letter.currency} ${letter.day}`;
            letters.set(key, (letters.get(key) ?? new Set()).add(messageId));
          }
        }
        for (const [key, messages] of letters) expect([...messages], key).toHaveLength(1);
        for (const [key, messages] of texts) expect([...messages], key).toHaveLength(1);
        // Every text SNS took is on file, and none went out at night in Amsterdam.
        expect(textsTo(h, mobile)).toHaveLength(texts.size);
        for (const text of textsTo(h, mobile)) {
          const hour = Number(
            new Intl.DateTimeFormat('en-GB', {
              hour: '2-digit',
              hourCycle: 'h23',
              timeZone: BUSINESS_TIME_ZONE,
            }).format(new Date(text.publishedAt)),
          );
          expect(hour, text.publishedAt).toBeGreaterThanOrEqual(8);
          expect(hour, text.publishedAt).toBeLessThan(21);
        }
        // Every email SES took is a letter on file: none went out unrecorded.
        for (const debtor of debtors) {
          const onFile = [...letters].filter(([key]) => key.startsWith(`${debtor.id} `)).length;
          expect(await emailsTo(h, debtor.email)).toHaveLength(onFile + (notices.get(debtor.id) ?? 0));
        }
      }),
      { numRuns: 6 },
    );
  }, 180_000);
});

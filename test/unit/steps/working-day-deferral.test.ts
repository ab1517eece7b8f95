import { describe, expect, it } from 'vitest';
import { checkStep } from '../../../functions/use-cases/steps/check-step';
import { StepDeferredError } from '../../../functions/use-cases/steps/step-deferred';
import { dunnedInvoiceWorld } from '../../support/dunned-invoice-world';

/**
 * Due Sunday 1 March 2026 and dunned from Monday 2 March: the first reminder is planned for
 * Wednesday 4 March at 09:00 in Amsterdam. The ASL retries a deferred step a day later, whatever
 * day that is; the step itself waits on for a working day.
 */
async function world(now: string) {
  const w = await dunnedInvoiceWorld({ start: new Date('2026-03-02T08:00:00Z') });
  const dunning = w.invoice.dunning!;
  expect(dunning.schedule.firstReminder).toBe('2026-03-04T08:00:00Z');
  const deps = { ...w.deps, clock: { now: () => new Date(now) } };
  const payload = { invoiceId: w.invoice.id, execution: dunning.execution, step: 'firstReminder' as const };
  return { check: () => checkStep(deps, payload) };
}

describe('a step that runs later than planned', () => {
  it.each([
    ['Saturday 7 March', '2026-03-07T09:00:00Z'],
    ['Sunday 8 March', '2026-03-08T09:00:00Z'],
    ['Easter Monday 6 April', '2026-04-06T08:00:00Z'],
  ])('defers itself again on %s, a day off', async (_day, now) => {
    const { check } = await world(now);

    await expect(check()).rejects.toThrow(StepDeferredError);
  });

  it.each([
    ['Friday 6 March', '2026-03-06T09:00:00Z'],
    ['Monday 9 March', '2026-03-09T09:00:00Z'],
  ])('acts on %s, a working day', async (_day, now) => {
    const { check } = await world(now);

    await expect(check()).resolves.toHaveProperty('active');
  });

  it('acts on the day it was planned for', async () => {
    const { check } = await world('2026-03-04T08:00:00Z');

    await expect(check()).resolves.toHaveProperty('active');
  });
});

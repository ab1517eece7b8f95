import { describe, expect, it } from 'vitest';
import {
  PARK_TOLERANCE_MS,
  parkEndsAtNextStep,
  parkUntilNextStep,
} from '../../../functions/use-cases/steps/park-until-next-step';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2026-03-09T08:00:00Z');
/** The second reminder, a week after the first, which acts now. */
const NEXT_STEP_AT = '2026-03-16T08:00:00Z';
const WEEK = 7 * 86_400;
const park = { taskToken: 'park-token', nextStepAt: NEXT_STEP_AT, seconds: WEEK };
const sent = { status: 'sent', slot: 'firstReminder' };

describe('a step that parks until the next step', () => {
  it('leaves its state parked when the step acted on time: its time limit starts the next step', async () => {
    const workflow = new RecordingWorkflow(new Set(['park-token']));

    const outcome = await parkUntilNextStep({ clock: { now: () => NOW }, workflow }, park, sent);

    expect(outcome).toEqual({ ...sent, parked: true });
    expect(workflow.completed).toEqual([]);
  });

  it("answers its own token at once when the step acted a day late, so that the next step's Wait waits", async () => {
    const workflow = new RecordingWorkflow(new Set(['park-token']));
    const late = { now: () => new Date(NOW.getTime() + 86_400_000) };

    const outcome = await parkUntilNextStep({ clock: late, workflow }, park, sent);

    expect(outcome).toEqual({ ...sent, parked: false });
    expect(workflow.completed).toEqual([{ taskToken: 'park-token', output: sent }]);
  });

  it('answers at once when the next step is due sooner than the least park (a skipped step)', async () => {
    const workflow = new RecordingWorkflow(new Set(['park-token']));

    const outcome = await parkUntilNextStep(
      { clock: { now: () => NOW }, workflow },
      { taskToken: 'park-token', nextStepAt: NOW.toISOString(), seconds: 900 },
      sent,
    );

    expect(outcome).toMatchObject({ parked: false });
    expect(workflow.completed).toHaveLength(1);
  });

  it('returns the outcome as it was for a task that does not park (an execution started before)', async () => {
    const workflow = new RecordingWorkflow();

    expect(await parkUntilNextStep({ clock: { now: () => NOW }, workflow }, undefined, sent)).toEqual(sent);
    expect(workflow.completed).toEqual([]);
  });
});

describe('whether a park ends at the next step', () => {
  const at = (ms: number) => new Date(NOW.getTime() + ms);

  it('does within the tolerance either side, and not beyond it', () => {
    expect(parkEndsAtNextStep(at(0), park)).toBe(true);
    expect(parkEndsAtNextStep(at(PARK_TOLERANCE_MS), park)).toBe(true);
    expect(parkEndsAtNextStep(at(-PARK_TOLERANCE_MS), park)).toBe(true);
    expect(parkEndsAtNextStep(at(PARK_TOLERANCE_MS + 1), park)).toBe(false);
    expect(parkEndsAtNextStep(at(-PARK_TOLERANCE_MS - 1), park)).toBe(false);
  });
});

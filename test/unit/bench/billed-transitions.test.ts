import { describe, expect, it } from 'vitest';
import { billedTransitions } from '../../../scripts/bench/billed-transitions';

const events = (...types: string[]) => types.map((type) => ({ type }));

describe('billed state transitions', () => {
  it('counts every state entered, not the execution events', () => {
    expect(
      billedTransitions(
        events(
          'ExecutionStarted',
          'ChoiceStateEntered',
          'ChoiceStateExited',
          'WaitStateEntered',
          'WaitStateExited',
          'TaskStateEntered',
          'TaskScheduled',
          'TaskStarted',
          'TaskSucceeded',
          'TaskStateExited',
          'ExecutionSucceeded',
        ),
      ),
    ).toBe(3);
  });

  it('counts each retry of a task as a transition', () => {
    expect(
      billedTransitions(
        events(
          'TaskStateEntered',
          'TaskScheduled',
          'TaskFailed',
          'TaskScheduled',
          'TaskFailed',
          'TaskScheduled',
          'TaskSucceeded',
          'TaskStateExited',
        ),
      ),
    ).toBe(3);
  });

  it('counts the first attempt of each task once, for both Lambda integrations', () => {
    expect(
      billedTransitions(
        events('TaskStateEntered', 'LambdaFunctionScheduled', 'TaskStateEntered', 'TaskScheduled'),
      ),
    ).toBe(2);
  });

  it('is nothing for an aborted execution that entered no state', () => {
    expect(billedTransitions(events('ExecutionStarted', 'ExecutionAborted'))).toBe(0);
  });
});

import type { VirtualClock } from '../clock/virtual-clock';
import { type PreparedDefinition, prepareDefinition } from './definition-rewrite';
import { sameJson } from './json';
import { checkArn, checkName, StepFunctionsError } from './protocol';

export interface StateMachineRecord {
  readonly arn: string;
  readonly name: string;
  /** As given: DescribeStateMachine returns it unchanged. */
  definition: string;
  roleArn: string;
  readonly creationDate: number;
  updateDate?: number;
  /** What new executions run; running ones keep the version they started with, as in AWS. */
  prepared: PreparedDefinition;
}

export interface StateMachinesOptions {
  clock: VirtualClock;
  region: string;
  accountId: string;
}

/** The state machines of the local account, in order of creation. */
export class StateMachines {
  private readonly byArn = new Map<string, StateMachineRecord>();

  constructor(private readonly options: StateMachinesOptions) {}

  /** Like AWS, creating an existing machine again is a no-op unless the new one differs. */
  create(name: string, definition: string, roleArn: string): StateMachineRecord {
    checkName(name);
    const { region, accountId, clock } = this.options;
    const arn = `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;
    const existing = this.byArn.get(arn);
    if (existing !== undefined) {
      if (existing.roleArn === roleArn && sameDefinition(existing.definition, definition)) return existing;
      throw new StepFunctionsError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    }
    const created = {
      arn,
      name,
      definition,
      roleArn,
      creationDate: clock.nowMs(),
      prepared: prepareDefinition(definition),
    };
    this.byArn.set(arn, created);
    return created;
  }

  update(arn: string, changes: { definition?: string; roleArn?: string }): StateMachineRecord {
    const machine = this.describe(arn);
    if (changes.definition !== undefined) {
      machine.prepared = prepareDefinition(changes.definition);
      machine.definition = changes.definition;
    }
    if (changes.roleArn !== undefined) machine.roleArn = changes.roleArn;
    machine.updateDate = this.options.clock.nowMs();
    return machine;
  }

  describe(arn: string): StateMachineRecord {
    checkArn(arn, 'stateMachine');
    const machine = this.byArn.get(arn);
    if (machine === undefined) {
      throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    }
    return machine;
  }

  list(): StateMachineRecord[] {
    return [...this.byArn.values()];
  }

  /** Its executions are kept and, if running, carry on to their end, as in AWS. */
  delete(arn: string): void {
    checkArn(arn, 'stateMachine');
    this.byArn.delete(arn);
  }
}

function sameDefinition(a: string, b: string): boolean {
  try {
    return sameJson(a, b);
  } catch {
    return a === b;
  }
}

import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { PlanExecutionInput, PlanWorkflow } from '../../ports/plan-workflow';

/** The payment-plan state machine: one execution per plan and attempt (a manager's change starts the next). */
export class StepFunctionsPlanWorkflow implements PlanWorkflow {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(input: PlanExecutionInput): Promise<{ started: boolean }> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: input.execution,
          input: JSON.stringify(input),
        }),
      );
      return { started: true };
    } catch (error) {
      // Plan ids are UUIDs: an execution of this name is this plan's, started by an earlier try.
      if (error instanceof ExecutionAlreadyExists) return { started: false };
      throw error;
    }
  }

  async stop(execution: string, reason: string): Promise<void> {
    try {
      await this.sfn.send(
        new StopExecutionCommand({
          executionArn: `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`,
          cause: reason.slice(0, 32_000),
        }),
      );
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return;
      throw error;
    }
  }
}

import { DescribeExecutionCommand, ExecutionDoesNotExist, type SFNClient } from '@aws-sdk/client-sfn';
import type { PlanExecutionInput, PlanWorkflow } from '../../ports/plan-workflow';
import type { ExecutionStatus } from '../../ports/workflow';
import { startNamedExecution } from './start-execution';
import { stopExecution } from './stop-execution';

/** The payment-plan state machine: one execution per plan and attempt (a manager's change starts the next). */
export class StepFunctionsPlanWorkflow implements PlanWorkflow {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(input: PlanExecutionInput): Promise<{ started: boolean }> {
    // Plan ids are UUIDs: an execution of this name is this plan's, started by an earlier try.
    return { started: await startNamedExecution(this.sfn, this.stateMachineArn, input.execution, input) };
  }

  async stop(execution: string, reason: string): Promise<void> {
    await stopExecution(this.sfn, this.executionArn(execution), reason);
  }

  async status(execution: string): Promise<ExecutionStatus | undefined> {
    try {
      const out = await this.sfn.send(
        new DescribeExecutionCommand({ executionArn: this.executionArn(execution) }),
      );
      return out.status as ExecutionStatus;
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return undefined;
      throw error;
    }
  }

  /** arn:aws:states:<region>:<account>:stateMachine:<name> → …:execution:<name>:<execution> */
  private executionArn(execution: string): string {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`;
  }
}

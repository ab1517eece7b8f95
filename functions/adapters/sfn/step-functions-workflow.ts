import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  paginateListExecutions,
  SendTaskSuccessCommand,
  type SFNClient,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import {
  type DunningExecutionInput,
  type DunningWorkflow,
  ExecutionNameTaken,
  type ExecutionStatus,
  type ExecutionSummary,
} from '../../ports/workflow';
import { startNamedExecution } from './start-execution';
import { stopExecution } from './stop-execution';

export class StepFunctionsWorkflow implements DunningWorkflow {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(input: DunningExecutionInput): Promise<{ started: boolean }> {
    if (await startNamedExecution(this.sfn, this.stateMachineArn, input.execution, input)) {
      return { started: true };
    }
    // The name is per invoice and attempt: this attempt already runs or ran, unless the name
    // belongs to another invoice's execution, which must never pass for this one's.
    const existing = await this.describe(input.execution);
    if (existing?.invoiceId !== input.invoiceId) {
      throw new ExecutionNameTaken(input.execution, input.invoiceId, existing?.invoiceId);
    }
    return { started: false };
  }

  async stop(execution: string, reason: string): Promise<void> {
    await stopExecution(this.sfn, this.executionArn(execution), reason);
  }

  async describe(execution: string): Promise<ExecutionSummary | undefined> {
    try {
      const out = await this.sfn.send(
        new DescribeExecutionCommand({ executionArn: this.executionArn(execution) }),
      );
      return {
        name: out.name ?? execution,
        status: out.status as ExecutionStatus,
        startedAt: (out.startDate ?? new Date(0)).toISOString(),
        ...(out.stopDate ? { stoppedAt: out.stopDate.toISOString() } : {}),
        ...invoiceOf(out.input),
      };
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return undefined;
      throw error;
    }
  }

  async running(): Promise<Set<string>> {
    const names = new Set<string>();
    const pages = paginateListExecutions(
      { client: this.sfn, pageSize: 1000 },
      { stateMachineArn: this.stateMachineArn, statusFilter: 'RUNNING' },
    );
    for await (const page of pages) for (const e of page.executions ?? []) if (e.name) names.add(e.name);
    return names;
  }

  async completeTask(taskToken: string, output: unknown): Promise<'completed' | 'gone'> {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      return 'completed';
    } catch (error) {
      // The execution was stopped (payment) or the call window ended: nothing waits any more.
      if (error instanceof TaskDoesNotExist || error instanceof TaskTimedOut) return 'gone';
      throw error;
    }
  }

  /** arn:aws:states:<region>:<account>:stateMachine:<name> → …:execution:<name>:<execution> */
  private executionArn(execution: string): string {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`;
  }
}

/** The invoice an execution's input names (DescribeExecution returns the input it was started with). */
function invoiceOf(input: string | undefined): { invoiceId?: string } {
  if (!input) return {};
  try {
    const parsed: unknown = JSON.parse(input);
    const invoiceId = (parsed as { invoiceId?: unknown } | null)?.invoiceId;
    return typeof invoiceId === 'string' ? { invoiceId } : {};
  } catch {
    return {};
  }
}

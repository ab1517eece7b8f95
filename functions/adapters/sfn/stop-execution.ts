import { ExecutionDoesNotExist, type SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';

/** Stops an execution with a reason (cut to what Step Functions keeps); one already gone is stopped. */
export async function stopExecution(sfn: SFNClient, executionArn: string, reason: string): Promise<void> {
  try {
    await sfn.send(new StopExecutionCommand({ executionArn, cause: reason.slice(0, 32_000) }));
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return;
    throw error;
  }
}

import type {
  DunningExecutionInput,
  DunningWorkflow,
  ExecutionStatus,
  ExecutionSummary,
} from '../../functions/ports/workflow';

/** A fake of the workflow port: remembers what was started, stopped and completed. */
export class RecordingWorkflow implements DunningWorkflow {
  readonly started: DunningExecutionInput[] = [];
  readonly stopped: { execution: string; reason: string }[] = [];
  readonly completed: { taskToken: string; output: unknown }[] = [];
  private readonly ended = new Map<string, ExecutionStatus>();

  /** What completeTask answers: whether an execution still waits for that task token. */
  constructor(private readonly waiting: Pick<ReadonlySet<string>, 'has'> = new Set()) {}

  async start(input: DunningExecutionInput): Promise<{ started: boolean }> {
    this.started.push(input);
    return { started: true };
  }

  async stop(execution: string, reason: string): Promise<void> {
    this.stopped.push({ execution, reason });
  }

  /** Ends an execution as the engine would (a step failed through its retries, say). */
  end(execution: string, status: Exclude<ExecutionStatus, 'RUNNING'>): void {
    this.ended.set(execution, status);
  }

  /** A started execution runs until it is stopped (ABORTED) or ended; any other is unknown. */
  async describe(execution: string): Promise<ExecutionSummary | undefined> {
    const input = this.started.find((s) => s.execution === execution);
    if (!input) return undefined;
    const stopped = this.stopped.some((s) => s.execution === execution);
    const status = this.ended.get(execution) ?? (stopped ? 'ABORTED' : 'RUNNING');
    return { name: execution, status, startedAt: '2025-01-01T00:00:00.000Z', invoiceId: input.invoiceId };
  }

  async running(): Promise<Set<string>> {
    const stopped = new Set(this.stopped.map((s) => s.execution));
    return new Set(
      this.started.map((s) => s.execution).filter((name) => !stopped.has(name) && !this.ended.has(name)),
    );
  }

  async completeTask(taskToken: string, output: unknown): Promise<'completed' | 'gone'> {
    if (!this.waiting.has(taskToken)) return 'gone';
    this.completed.push({ taskToken, output });
    return 'completed';
  }

  startedFor(invoiceId: string): DunningExecutionInput[] {
    return this.started.filter((s) => s.invoiceId === invoiceId);
  }

  stoppedFor(invoiceId: string): { execution: string; reason: string }[] {
    const executions = new Set(this.startedFor(invoiceId).map((s) => s.execution));
    return this.stopped.filter((s) => executions.has(s.execution));
  }
}

import {
  type ExecutionListItem,
  type ExecutionStatus,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { executionStem } from '../../functions/core/dunning/dunning-state';

/** The Step Functions API of a local cloud, read as a client would read AWS's. */
export class Executions {
  private readonly sfn: SFNClient;

  constructor(
    endpoint: string,
    private readonly stateMachineArn: string,
  ) {
    this.sfn = new SFNClient({
      endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  async list(statusFilter?: ExecutionStatus): Promise<ExecutionListItem[]> {
    const all: ExecutionListItem[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.sfn.send(
        new ListExecutionsCommand({
          stateMachineArn: this.stateMachineArn,
          maxResults: 1000,
          nextToken,
          ...(statusFilter ? { statusFilter } : {}),
        }),
      );
      all.push(...(page.executions ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return all;
  }

  async history(executionArn: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.sfn.send(
        new GetExecutionHistoryCommand({
          executionArn,
          maxResults: 1000,
          nextToken,
          includeExecutionData: false,
        }),
      );
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }

  destroy(): void {
    this.sfn.destroy();
  }
}

/** Each invoice id by the stem its execution names begin with (functions/core/dunning/dunning-state.ts). */
export function invoicesByStem(invoiceIds: Iterable<string>): Map<string, string> {
  return new Map([...invoiceIds].map((id) => [executionStem(id), id]));
}

/** Executions are named `<stem>--<attempt>`: the invoice of one, if it is one of `byStem`'s. */
export function invoiceIdOf(executionName: string, byStem: ReadonlyMap<string, string>): string | undefined {
  const separator = executionName.lastIndexOf('--');
  return byStem.get(separator < 0 ? executionName : executionName.slice(0, separator));
}

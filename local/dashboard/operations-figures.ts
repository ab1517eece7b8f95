import { DescribeExecutionCommand, ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { maskEmail } from '../../functions/shared/pii';

export interface SentEmail {
  /** Masked: the dashboard is shown on screens and in screenshots. */
  to: string;
  subject: string;
  /** Real time of sending: the SES emulator does not know the virtual clock. */
  sentAt: string;
}

export interface EmailFigures {
  sent: number;
  /** The last ten, newest first. */
  latest: SentEmail[];
}

const LATEST_EMAILS = 10;

/**
 * The state machine's executions counted by how they stand or ended: `running`, `succeeded`,
 * `failed`, `timed out`, and `stopped: <reason>` for those stopped from outside, by the reason
 * given to StopExecution (its `cause`: `paid`, `written off`, `credited` …), rather than AWS's
 * bare ABORTED, which does not tell a payment from a write-off. A stopped execution's reason never
 * changes: `stopReasons` keeps those read before, so a reload describes only the newly stopped.
 */
export async function executionsByOutcome(
  sfn: SFNClient,
  stateMachineArn: string,
  stopReasons: Map<string, string>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = { running: 0, succeeded: 0, failed: 0, 'timed out': 0 };
  const stopped: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1000, nextToken }));
    for (const execution of page.executions ?? []) {
      if (execution.status === 'ABORTED') stopped.push(execution.executionArn ?? '');
      else {
        const outcome = OUTCOMES[execution.status ?? ''] ?? String(execution.status).toLowerCase();
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
    }
    nextToken = page.nextToken;
  } while (nextToken);
  // ListExecutions does not say why an execution stopped: DescribeExecution does, a few at a time.
  const unknown = stopped.filter((executionArn) => !stopReasons.has(executionArn));
  for (let start = 0; start < unknown.length; start += DESCRIBE_AT_ONCE) {
    await Promise.all(
      unknown.slice(start, start + DESCRIBE_AT_ONCE).map(async (executionArn) => {
        const { cause } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        stopReasons.set(executionArn, cause?.trim() || 'no reason given');
      }),
    );
  }
  for (const executionArn of stopped) {
    const outcome = `stopped: ${stopReasons.get(executionArn)}`;
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}

const OUTCOMES: Record<string, string> = {
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timed out',
};
const DESCRIBE_AT_ONCE = 20;

/** What the SES emulator's GET /store holds, as far as the dashboard reads it. */
interface SesStore {
  emails: { destination: { to: string[] }; subject: string; at: number }[];
}

export async function emailFigures(sesUrl: string): Promise<EmailFigures> {
  const store = (await getJson(`${sesUrl}/store`)) as SesStore;
  return {
    sent: store.emails.length,
    latest: store.emails
      .slice(-LATEST_EMAILS)
      .reverse()
      .map((email) => ({
        to: email.destination.to.map((recipient) => maskEmail(address(recipient))).join(', '),
        subject: email.subject,
        sentAt: new Date(email.at * 1000).toISOString(),
      })),
  };
}

/** Messages published per topic, from the local SNS's GET /messages. */
export async function snsMessagesByTopic(snsUrl: string): Promise<Record<string, number>> {
  const messages = (await getJson(`${snsUrl}/messages`)) as { topicName: string }[];
  const counts: Record<string, number> = {};
  for (const message of messages) counts[message.topicName] = (counts[message.topicName] ?? 0) + 1;
  return counts;
}

/** A raw email's recipient reads `Name <a@b>`; a simple one is the bare address. */
function address(recipient: string): string {
  return /<([^>]+)>/.exec(recipient)?.[1] ?? recipient;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}

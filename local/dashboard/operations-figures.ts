import { ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';
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

/** The state machine's executions counted by status (RUNNING, SUCCEEDED, FAILED, ABORTED …). */
export async function executionsByStatus(
  sfn: SFNClient,
  stateMachineArn: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = { RUNNING: 0, SUCCEEDED: 0, FAILED: 0, ABORTED: 0 };
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1000, nextToken }));
    for (const execution of page.executions ?? []) {
      const status = execution.status ?? 'UNKNOWN';
      counts[status] = (counts[status] ?? 0) + 1;
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return counts;
}

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

import type { LocalCloud } from '../../local/cloud/local-cloud';
import { billedTransitions } from './billed-transitions';
import type { CapacityProxy } from './capacity-proxy';
import type { CapacityUnits } from './consumed-capacity';
import { planExecutionName } from '../../functions/core/plans/payment-plan';
import { type Executions, invoiceIdOf, invoicesByStem } from './executions';
import type { InvocationMeter } from './invocation-meter';
import type { PathGroup } from './invoice-paths';
import { PRICES } from './prices';
import { billedGbSeconds, costPer1000, type UsagePerInvoice } from './pricing';
import type { PathResult } from './results';
import { median, sum } from './statistics';

export const WEBHOOK_FUNCTION = 'receive-invoicing-webhook';
/** The functions behind API Gateway that the bench calls: each call is an API request. */
const API_FUNCTIONS = [WEBHOOK_FUNCTION, 'take-invoice-promise', 'create-payment-plan'];
/** SNS bills a publish per 64 KB of message. */
const SNS_BILLING_CHUNK_BYTES = 64 * 1024;

export interface PathCountInput {
  group: PathGroup;
  invoiceIds: ReadonlySet<string>;
  cloud: LocalCloud;
  executions: Executions;
  /** The payment-plan state machine's executions, and the plans the group agreed. */
  planExecutions: Executions;
  planIds: ReadonlySet<string>;
  meter: InvocationMeter;
  dynamodb: CapacityProxy;
  memoryMb: (functionName: string) => number;
  warn: (line: string) => void;
  /** Emails and SNS messages there were when counting started. */
  before: { emails: number; notifications: number };
}

/**
 * What a path group used once all its executions have ended, per invoice, and its price: the
 * transitions from the execution histories, the invocations and their times from the meter, the
 * capacity units from the DynamoDB proxy, and the emails and SNS messages from the emulators.
 */
export async function countPathGroup(input: PathCountInput): Promise<PathResult> {
  const { group, invoiceIds, cloud, meter, dynamodb } = input;
  const n = invoiceIds.size;
  const { transitions, endStates } = await countExecutions(input);
  if (endStates.FAILED) input.warn(`${group.name}: ${endStates.FAILED} executions FAILED`);

  const invocations = [...meter.invocations()];
  const timings = [...meter.timings()];
  const invoked = sum(invocations.map(([, count]) => count));
  const timed = sum(timings.map(([, list]) => list.length));
  // Every invocation must have been timed, or the duration estimate would leave some out.
  if (invoked !== timed) {
    const untimed = invocations
      .map(([name, count]) => [name, count - (timings.find(([n]) => n === name)?.[1].length ?? 0)] as const)
      .filter(([, missing]) => missing > 0);
    input.warn(
      `${group.name}: ${invoked} Lambda invocations counted but ${timed} timed: ${JSON.stringify(untimed)}`,
    );
  }
  const gbSeconds = sum(
    timings.flatMap(([name, list]) => list.map((ms) => billedGbSeconds(ms, input.memoryMb(name)))),
  );
  const emails = (await cloud.emails()).slice(input.before.emails);
  const notifications = cloud.notifications().slice(input.before.notifications);
  const usage: UsagePerInvoice = {
    transitions: transitions / n,
    lambdaInvocations: invoked / n,
    lambdaGbSeconds: gbSeconds / n,
    dynamodbReadUnits: dynamodb.units.read / n,
    dynamodbWriteUnits: dynamodb.units.write / n,
    emails: emails.length / n,
    emailAttachmentBytes: sum(emails.flatMap((e) => e.attachments.map((a) => a.size))) / n,
    snsBilledRequests:
      sum(
        notifications.map((m) =>
          Math.ceil(Math.max(1, Buffer.byteLength(m.message)) / SNS_BILLING_CHUNK_BYTES),
        ),
      ) / n,
    apiRequests: API_FUNCTIONS.reduce((total, name) => total + (meter.invocations().get(name) ?? 0), 0) / n,
  };
  const unitsByOperation: Record<string, CapacityUnits> = {};
  for (const [operation, units] of Object.entries(dynamodb.byOperation)) {
    unitsByOperation[operation] = { read: units.read / n, write: units.write / n };
  }
  return {
    description: group.description,
    invoices: n,
    executionEndStates: endStates,
    transitionsPerInvoice: usage.transitions,
    lambdaInvocationsPerInvoice: usage.lambdaInvocations,
    dynamodbReadUnitsPerInvoice: usage.dynamodbReadUnits,
    dynamodbWriteUnitsPerInvoice: usage.dynamodbWriteUnits,
    emailsPerInvoice: usage.emails,
    snsPublishesPerInvoice: notifications.length / n,
    apiRequestsPerInvoice: usage.apiRequests,
    lambdaGbSecondsPerInvoice: usage.lambdaGbSeconds,
    emailAttachmentBytesPerInvoice: usage.emailAttachmentBytes,
    lambdaInvocationsPerInvoiceByFunction: Object.fromEntries(
      invocations.map(([name, count]) => [name, count / n]),
    ),
    handlerMedianMsByFunction: Object.fromEntries(
      timings.map(([name, list]) => [name, Math.round(median(list) * 100) / 100]),
    ),
    dynamodbUnitsPerInvoiceByOperation: unitsByOperation,
    costPer1000: costPer1000(usage, PRICES),
  };
}

/** Transitions and end states of the group's executions (the warm-up invoice's is not one of them). */
async function countExecutions({ group, invoiceIds, executions, planExecutions, planIds }: PathCountInput) {
  const byStem = invoicesByStem(invoiceIds);
  const ours = (await executions.list()).filter((e) => invoiceIdOf(e.name ?? '', byStem) !== undefined);
  const started = new Set(ours.map((e) => invoiceIdOf(e.name ?? '', byStem)));
  if (started.size !== invoiceIds.size) {
    throw new Error(`${group.name}: ${invoiceIds.size - started.size} invoices never got an execution`);
  }
  const endStates: Record<string, number> = {};
  let transitions = 0;
  for (const execution of ours) {
    const status = execution.status ?? 'UNKNOWN';
    endStates[status] = (endStates[status] ?? 0) + 1;
    transitions += billedTransitions(await executions.history(execution.executionArn ?? ''));
  }
  // A plan's executions (reminders and checks of its instalments) are its invoices' cost too.
  const planStems = new Map(
    [...planIds].map((id) => {
      const name = planExecutionName(id, 1);
      return [name.slice(0, name.lastIndexOf('--')), id];
    }),
  );
  for (const execution of await planExecutions.list()) {
    if (invoiceIdOf(execution.name ?? '', planStems) === undefined) continue;
    transitions += billedTransitions(await planExecutions.history(execution.executionArn ?? ''));
  }
  return { transitions, endStates };
}

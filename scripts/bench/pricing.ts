import type { PriceTable } from './prices';

/** What one invoice used on average, as counted by the bench. */
export interface UsagePerInvoice {
  transitions: number;
  lambdaInvocations: number;
  /** Estimated billed duration × memory, summed over the invoice's invocations. */
  lambdaGbSeconds: number;
  dynamodbReadUnits: number;
  dynamodbWriteUnits: number;
  emails: number;
  emailAttachmentBytes: number;
  /** Publishes as SNS bills them: one request per 64 KB of message. */
  snsBilledRequests: number;
  /** Requests through API Gateway (the invoicing system's webhooks). */
  apiRequests: number;
}

export interface CostPer1000 {
  /** Step Functions, Lambda and DynamoDB: what running the workflow costs. */
  orchestrationUsd: number;
  /** SES and SNS: what the letters and notifications cost. */
  messagesUsd: number;
  /** orchestrationUsd + messagesUsd. */
  totalUsd: number;
  /** The intake's API Gateway requests: outside the orchestration/messages split, so not in the total. */
  apiGatewayUsd: number;
  breakdown: {
    stepFunctionsUsd: number;
    lambdaRequestsUsd: number;
    lambdaDurationUsd: number;
    dynamodbUsd: number;
    sesUsd: number;
    snsUsd: number;
  };
}

const BYTES_PER_GB = 1024 ** 3;

/** Prices 1,000 invoices that each used `usage`. */
export function costPer1000(usage: UsagePerInvoice, prices: PriceTable): CostPer1000 {
  const n = 1_000;
  const stepFunctionsUsd = n * usage.transitions * prices.stepFunctions.perTransition;
  const lambdaRequestsUsd = n * usage.lambdaInvocations * prices.lambda.perRequest;
  const lambdaDurationUsd = n * usage.lambdaGbSeconds * prices.lambda.perGbSecondArm64;
  const dynamodbUsd =
    n *
    (usage.dynamodbReadUnits * prices.dynamodb.perReadRequestUnit +
      usage.dynamodbWriteUnits * prices.dynamodb.perWriteRequestUnit);
  const sesUsd =
    n *
    (usage.emails * prices.ses.perEmail +
      (usage.emailAttachmentBytes / BYTES_PER_GB) * prices.ses.perAttachmentGb);
  const snsUsd = n * usage.snsBilledRequests * prices.sns.perPublish;
  const orchestrationUsd = stepFunctionsUsd + lambdaRequestsUsd + lambdaDurationUsd + dynamodbUsd;
  const messagesUsd = sesUsd + snsUsd;
  return {
    orchestrationUsd,
    messagesUsd,
    totalUsd: orchestrationUsd + messagesUsd,
    apiGatewayUsd: n * usage.apiRequests * prices.apiGateway.perRestRequest,
    breakdown: { stepFunctionsUsd, lambdaRequestsUsd, lambdaDurationUsd, dynamodbUsd, sesUsd, snsUsd },
  };
}

/** Lambda bills each invocation's duration rounded up to the millisecond (at least 1 ms), times its memory. */
export function billedGbSeconds(durationMs: number, memoryMb: number): number {
  return (Math.max(1, Math.ceil(durationMs)) / 1_000) * (memoryMb / 1_024);
}

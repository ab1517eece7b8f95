/**
 * AWS list prices the bench prices its counts with (on-demand, no free tier, no savings plans).
 *
 * These are the list prices as published for eu-west-1 (Ireland), written down from AWS's pricing
 * pages as of January 2025, after DynamoDB's on-demand price cut of 1 November 2024. The machine
 * that runs the bench has no internet access, so they were not fetched: verify them on
 * https://aws.amazon.com/pricing/ before relying on them, and change `readOn` when you do.
 */
export const PRICES = {
  region: 'eu-west-1',
  readOn: '2025-01-15',
  currency: 'USD',
  stepFunctions: {
    /** Standard workflows: per state transition ($0.025 per 1,000). */
    perTransition: 0.025 / 1_000,
  },
  lambda: {
    /** arm64 (Graviton), the architecture of every function: first price tier, per GB-second. */
    perGbSecondArm64: 0.000_013_333_4,
    /** $0.20 per 1M requests. */
    perRequest: 0.2 / 1_000_000,
  },
  dynamodb: {
    /**
     * On-demand, per write and read request unit: $0.7068 and $0.1415 per million in eu-west-1,
     * half the $1.4135 and $0.283 that applied before 1 November 2024.
     */
    perWriteRequestUnit: 0.7068 / 1_000_000,
    perReadRequestUnit: 0.1415 / 1_000_000,
  },
  ses: {
    /** Outbound email, $0.10 per 1,000. */
    perEmail: 0.1 / 1_000,
    /** Attachments, $0.12 per GB (the letters' SEPA QR codes). */
    perAttachmentGb: 0.12,
  },
  sns: {
    /**
     * Standard topics, $0.50 per 1M publish requests (each 64 KB counts as one). Deliveries to
     * Lambda and SQS, the only subscriptions the stack creates, cost nothing.
     */
    perPublish: 0.5 / 1_000_000,
  },
  apiGateway: {
    /** REST API, first 333M requests a month: $3.50 per million. */
    perRestRequest: 3.5 / 1_000_000,
  },
} as const;

export type PriceTable = typeof PRICES;

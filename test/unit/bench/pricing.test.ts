import { describe, expect, it } from 'vitest';
import { PRICES } from '../../../scripts/bench/prices';
import { billedGbSeconds, costPer1000, type UsagePerInvoice } from '../../../scripts/bench/pricing';

const nothing: UsagePerInvoice = {
  transitions: 0,
  lambdaInvocations: 0,
  lambdaGbSeconds: 0,
  dynamodbReadUnits: 0,
  dynamodbWriteUnits: 0,
  emails: 0,
  emailAttachmentBytes: 0,
  snsBilledRequests: 0,
  apiRequests: 0,
};

describe('cost per 1,000 invoices', () => {
  it('prices 13 transitions at $0.025 per 1,000: $0.325', () => {
    const cost = costPer1000({ ...nothing, transitions: 13 }, PRICES);
    expect(cost.breakdown.stepFunctionsUsd).toBeCloseTo(0.325, 10);
    expect(cost.orchestrationUsd).toBeCloseTo(0.325, 10);
    expect(cost.messagesUsd).toBe(0);
  });

  it('puts Step Functions, Lambda and DynamoDB in orchestration, SES and SNS in messages', () => {
    const cost = costPer1000(
      {
        ...nothing,
        transitions: 10,
        lambdaInvocations: 5,
        lambdaGbSeconds: 0.5,
        dynamodbReadUnits: 40,
        dynamodbWriteUnits: 80,
        emails: 3,
        snsBilledRequests: 6,
      },
      PRICES,
    );
    const { breakdown } = cost;
    expect(breakdown.lambdaRequestsUsd).toBeCloseTo(1000 * 5 * 0.2e-6, 12);
    expect(breakdown.lambdaDurationUsd).toBeCloseTo(1000 * 0.5 * 0.0000133334, 12);
    expect(breakdown.dynamodbUsd).toBeCloseTo(1000 * (40 * 0.1415e-6 + 80 * 0.7068e-6), 12);
    expect(breakdown.sesUsd).toBeCloseTo(0.3, 12);
    expect(breakdown.snsUsd).toBeCloseTo(0.003, 12);
    expect(cost.orchestrationUsd).toBeCloseTo(
      breakdown.stepFunctionsUsd +
        breakdown.lambdaRequestsUsd +
        breakdown.lambdaDurationUsd +
        breakdown.dynamodbUsd,
      12,
    );
    expect(cost.messagesUsd).toBeCloseTo(breakdown.sesUsd + breakdown.snsUsd, 12);
    expect(cost.totalUsd).toBeCloseTo(cost.orchestrationUsd + cost.messagesUsd, 12);
  });

  it('charges SES attachments per GB', () => {
    const cost = costPer1000({ ...nothing, emailAttachmentBytes: 1024 ** 3 / 1000 }, PRICES);
    expect(cost.breakdown.sesUsd).toBeCloseTo(0.12, 12);
  });

  it('shows API Gateway apart, outside the total', () => {
    const cost = costPer1000({ ...nothing, apiRequests: 2 }, PRICES);
    expect(cost.apiGatewayUsd).toBeCloseTo(0.007, 12);
    expect(cost.totalUsd).toBe(0);
  });
});

describe('billed Lambda GB-seconds', () => {
  it('rounds the duration up to the millisecond and multiplies by the memory', () => {
    expect(billedGbSeconds(99.2, 512)).toBeCloseTo(0.1 * 0.5, 12);
    expect(billedGbSeconds(1000, 1024)).toBe(1);
  });

  it('bills at least one millisecond', () => {
    expect(billedGbSeconds(0, 1024)).toBeCloseTo(0.001, 12);
  });
});

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { DynamoDbSelfServiceRecords } from '../adapters/dynamodb/dynamodb-self-service-records';
import { type SelfServiceKeySource, selfServiceKeysFrom } from '../adapters/secrets/self-service-keys';
import type { Clock } from '../ports/clock';
import type { SelfServiceKeys } from '../ports/self-service-keys';
import type { SelfServiceRecords } from '../ports/self-service-records';
import type { SelfServiceSettings } from '../use-cases/self-service/self-service-deps';
import { selfServiceLinks } from '../use-cases/self-service/self-service-link';
import { optionalVariable, readConfig } from './config';
import { traced } from './tracing';

const keyEnvironment = z
  .object({
    SELF_SERVICE_KEY_ARN: optionalVariable(z.string().min(1)),
    // The key itself, where there is no Secrets Manager to hold it (the local cloud). The function
    // construct never sets it, so in AWS the key is always read from its ARN.
    SELF_SERVICE_KEY: optionalVariable(z.string().min(32, 'must be at least 32 characters')),
  })
  .transform(({ SELF_SERVICE_KEY_ARN, SELF_SERVICE_KEY }, ctx): SelfServiceKeySource => {
    if (SELF_SERVICE_KEY_ARN) return { arn: SELF_SERVICE_KEY_ARN };
    if (SELF_SERVICE_KEY) return { value: SELF_SERVICE_KEY };
    ctx.addIssue({
      code: 'custom',
      path: ['SELF_SERVICE_KEY_ARN'],
      message: 'set it in AWS, or SELF_SERVICE_KEY where there is no Secrets Manager',
    });
    return z.NEVER;
  });

/** The key that signs and verifies the debtors' links, read at cold start. */
export function selfServiceKeysFromEnvironment(env: NodeJS.ProcessEnv = process.env): SelfServiceKeys {
  return selfServiceKeysFrom(readConfig(keyEnvironment, env));
}

const linkEnvironment = z.object({
  SELF_SERVICE_BASE_URL: optionalVariable(z.url({ protocol: /^https?$/ })),
  SELF_SERVICE_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(60),
});

/**
 * How letters link to the debtor's page: the public base URL of the API and how many days a link
 * lasts (default 60). Without a base URL letters carry no link.
 */
export function selfServiceLinksFromEnvironment(
  clock: Clock,
  env: NodeJS.ProcessEnv = process.env,
): ((debtorId: string) => Promise<string>) | undefined {
  const config = readConfig(linkEnvironment, env);
  if (!config.SELF_SERVICE_BASE_URL) return undefined;
  return selfServiceLinks(selfServiceKeysFromEnvironment(env), clock, {
    baseUrl: config.SELF_SERVICE_BASE_URL,
    validDays: config.SELF_SERVICE_LINK_DAYS,
  });
}

const pageEnvironment = z.object({
  TABLE_NAME: z.string().min(1),
  SELF_SERVICE_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(30),
  // The least part of the chosen invoices a debtor may pay online, in cents; unset: the whole only.
  SELF_SERVICE_MINIMUM_PAYMENT: optionalVariable(z.coerce.number().int().min(1)),
});

/** The page's own records and its hourly limit per link (default 30 requests). */
export function selfServicePageFromEnvironment(env: NodeJS.ProcessEnv = process.env): {
  records: SelfServiceRecords;
  settings: SelfServiceSettings;
} {
  const config = readConfig(pageEnvironment, env);
  return {
    records: new DynamoDbSelfServiceRecords(traced(new DynamoDBClient({})), config.TABLE_NAME),
    settings: {
      rateLimitPerHour: config.SELF_SERVICE_RATE_LIMIT,
      ...(config.SELF_SERVICE_MINIMUM_PAYMENT !== undefined
        ? { minimumPayment: config.SELF_SERVICE_MINIMUM_PAYMENT }
        : {}),
    },
  };
}

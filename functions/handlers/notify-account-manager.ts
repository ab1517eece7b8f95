import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { notifier } from '../shared/dependencies/notifier';
import { logger, metrics, tracer } from '../shared/observability';
import {
  type AccountManagerOutcome,
  notifyAccountManager,
} from '../use-cases/steps/notify-account-manager-step';
import { stepPayloadSchema } from '../use-cases/steps/step-payload';
import { reportStep, stepLogKeys } from '../use-cases/steps/step-report';

/** EscalateToAccountManager of the dunning state machine. */
export const handler = middy(async (event: unknown): Promise<AccountManagerOutcome> => {
  const payload = stepPayloadSchema.parse(event);
  logger.appendKeys(stepLogKeys(payload));
  const outcome = await notifyAccountManager({ store: creditStore(), clock, notifier: notifier() }, payload);
  return reportStep(payload, outcome);
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .use(captureLambdaHandler(tracer));

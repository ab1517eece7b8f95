import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { readCreditor } from '../shared/creditor';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { notifier } from '../shared/dependencies/notifier';
import { logger, metrics, tracer } from '../shared/observability';
import {
  type CollectionAgencyOutcome,
  handOverToCollectionAgency,
} from '../use-cases/steps/hand-over-to-collection-agency-step';
import { stepPayloadSchema } from '../use-cases/steps/step-payload';
import { reportStep, stepLogKeys } from '../use-cases/steps/step-report';

const creditor = readCreditor();

/** HandOverToCollectionAgency, the last step of the dunning state machine. */
export const handler = middy(async (event: unknown): Promise<CollectionAgencyOutcome> => {
  const payload = stepPayloadSchema.parse(event);
  logger.appendKeys(stepLogKeys(payload));
  const outcome = await handOverToCollectionAgency(
    { store: creditStore(), clock, notifier: notifier(), creditor },
    payload,
  );
  return reportStep(payload, outcome);
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .use(captureLambdaHandler(tracer));

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { dunningWorkflow } from '../shared/dependencies/dunning-workflow';
import { notifier } from '../shared/dependencies/notifier';
import { logger, metrics, tracer } from '../shared/observability';
import { type CallTaskOutcome, createCallTask } from '../use-cases/steps/create-call-task-step';
import { callStepPayloadSchema } from '../use-cases/steps/step-payload';
import { reportStep, stepLogKeys } from '../use-cases/steps/step-report';

/**
 * CallDebtor (waitForTaskToken). Step Functions ignores what this returns: the workflow goes on
 * when the token is answered, by the controller or, for a skip, right here.
 */
export const handler = middy(async (event: unknown): Promise<CallTaskOutcome> => {
  const payload = callStepPayloadSchema.parse(event);
  logger.appendKeys(stepLogKeys(payload));
  const outcome = await createCallTask(
    { store: creditStore(), clock, workflow: dunningWorkflow(), notifier: notifier() },
    payload,
  );
  return reportStep(payload, outcome);
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .use(captureLambdaHandler(tracer));

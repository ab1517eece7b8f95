import { setTimeout as sleep } from 'node:timers/promises';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { readCreditor } from '../shared/creditor';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { mailer } from '../shared/dependencies/mailer';
import { logger, metrics, tracer } from '../shared/observability';
import { type LetterOutcome, sendDunningLetter } from '../use-cases/steps/send-dunning-letter-step';
import { stepPayloadSchema } from '../use-cases/steps/step-payload';
import { reportStep, stepLogKeys } from '../use-cases/steps/step-report';

const creditor = readCreditor();

/** SendFirstReminder, SendSecondReminder and SendFinalNotice of the dunning state machine. */
export const handler = middy(async (event: unknown): Promise<LetterOutcome> => {
  const payload = stepPayloadSchema.parse(event);
  logger.appendKeys(stepLogKeys(payload));
  const outcome = await sendDunningLetter(
    { store: creditStore(), clock, mailer: mailer(), creditor, pause: (ms) => sleep(ms) },
    payload,
  );
  return reportStep(payload, outcome);
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .use(captureLambdaHandler(tracer));

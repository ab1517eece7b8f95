import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import type { StepPayload } from '../../use-cases/steps/step-payload';
import { reportStep, stepLogKeys } from '../../use-cases/steps/step-report';
import { logger } from '../observability';
import { withPowertools } from '../powertools-chain';

/** What every step use case returns: a status, and for a skip the short reason kind. */
interface StepOutcome {
  status: string;
  skip?: string;
  replayed?: true;
}

/**
 * Wraps a step use case as the Lambda of a task state of statemachines/dunning.asl.json: the
 * Powertools chain, the payload checked against `payload` (a bad one throws, and the state's
 * Retry and Catch decide), the invoice, execution and step on every log line, and the outcome
 * logged and counted. Business "no"s come back as outcomes; only faults throw.
 */
export function stepHandler<P extends StepPayload, O extends StepOutcome>(
  payload: z.ZodType<P>,
  run: (payload: P, context: Context) => Promise<O>,
) {
  return withPowertools(async (event: unknown, context: Context): Promise<O> => {
    const parsed = payload.parse(event);
    logger.appendKeys(stepLogKeys(parsed));
    return reportStep(parsed, await run(parsed, context));
  });
}

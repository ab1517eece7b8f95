import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { ResumesLaterError, resumesAfter } from '../../use-cases/steps/resumes-later';
import { StepDeferredError } from '../../use-cases/steps/step-deferred';
import type { StepPayload } from '../../use-cases/steps/step-payload';
import { reportStep, stepLogKeys } from '../../use-cases/steps/step-report';
import { logger, metrics } from '../observability';
import { withPowertools } from '../powertools-chain';

/** What every step use case returns: a status, and for a skip the short reason kind. */
interface StepOutcome {
  status: string;
  skip?: string;
  replayed?: true;
}

/**
 * Counted per function whenever a step is deferred to the next day. Lambda counts the thrown
 * deferral as an error; the function's Errors alarm subtracts this metric
 * (lib/constructs/observability.ts), so that a business deferral pages nobody.
 */
export const STEPS_DEFERRED_METRIC = 'StepsDeferred';

/**
 * Wraps a step use case as the Lambda of a task state of statemachines/dunning.asl.json: the
 * Powertools chain, the payload checked against `payload` (a bad one throws, and the state's
 * Retry and Catch decide), the invoice, execution and step on every log line, and the outcome
 * logged and counted. Business "no"s come back as outcomes; only faults throw, and a deferral
 * to the next day, which the ASL's Retry matches by name.
 */
export function stepHandler<P extends StepPayload, O extends StepOutcome>(
  payload: z.ZodType<P>,
  run: (payload: P, context: Context) => Promise<O>,
) {
  return withPowertools(async (event: unknown, context: Context): Promise<O> => {
    const parsed = payload.parse(event);
    logger.appendKeys(stepLogKeys(parsed));
    if (resumesAfter(parsed)) {
      // A branch of the workflow, not a fault: counted with the deferrals, which the function's
      // Errors alarm leaves out.
      const branch = new ResumesLaterError(String(parsed.resumeAt));
      countDeferral(context, branch);
      throw branch;
    }
    try {
      return reportStep(parsed, await run(parsed, context));
    } catch (error) {
      if (error instanceof StepDeferredError) countDeferral(context, error);
      throw error;
    }
  });
}

/** A single metric is written out at once, so it is on record even though the invocation fails. */
function countDeferral(context: Context, error: Error): void {
  logger.info(
    error instanceof ResumesLaterError
      ? 'dunning step left to the resumed execution'
      : 'dunning step deferred to the next day',
    { reason: error.message },
  );
  const single = metrics.singleMetric();
  single.addDimension('function', context.functionName);
  single.addMetric(STEPS_DEFERRED_METRIC, MetricUnit.Count, 1);
}

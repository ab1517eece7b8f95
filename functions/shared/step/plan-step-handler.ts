import type { Context } from 'aws-lambda';
import type { PlanStepPayload } from '../../use-cases/plans/plan-step-payload';
import { planStepPayloadSchema } from '../../use-cases/plans/plan-step-payload';
import { logger } from '../observability';
import { withPowertools } from '../powertools-chain';

/**
 * Wraps a use case as the Lambda of a task state of statemachines/payment-plan.asl.json: the
 * Powertools chain, the payload checked (a bad one throws, and the state's Retry and Catch
 * decide), the plan, execution and instalment on every log line, and the outcome logged.
 * Business "no"s come back as outcomes; only faults throw.
 */
export function planStepHandler<O>(run: (payload: PlanStepPayload, context: Context) => Promise<O>) {
  return withPowertools(async (event: unknown, context: Context): Promise<O> => {
    const payload = planStepPayloadSchema.parse(event);
    logger.appendKeys({
      planId: payload.planId,
      execution: payload.execution,
      instalment: payload.instalment.number,
    });
    const outcome = await run(payload, context);
    logger.info('payment plan step finished', { outcome });
    return outcome;
  });
}

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { STEP_ACTED_METRIC } from '../../core/reports/business-metrics';
import { logger, metrics } from '../../shared/observability';
import type { StepPayload } from './step-payload';

/** The outcome of any task: a status, and for a skip the short reason kind. */
interface AnyOutcome {
  status: string;
  skip?: string;
  replayed?: true;
}

/** Correlation keys on every log line of the invocation: ids only, never personal data. */
export function stepLogKeys(payload: StepPayload): Record<string, string> {
  return { invoiceId: payload.invoiceId, execution: payload.execution, step: payload.step };
}

/**
 * Logs and counts a task's outcome. A replay (the work was done by an earlier attempt) is not
 * counted again. Skips are counted per reason kind, which is a small fixed set.
 */
export function reportStep<T extends AnyOutcome>(payload: StepPayload, outcome: T): T {
  logger.info('dunning step finished', { outcome });
  if (outcome.replayed) return outcome;
  if (outcome.status === 'window_ended') {
    // Not a call task created: a window that closed without an outcome.
    metrics.addMetric('CallWindowsEnded', MetricUnit.Count, 1);
    return outcome;
  }
  if (outcome.status === 'skipped') {
    const single = metrics.singleMetric();
    single.addDimension('reason', outcome.skip ?? 'unknown');
    single.addMetric('StepsSkipped', MetricUnit.Count, 1);
  } else {
    metrics.addMetric(STEP_ACTED_METRIC[payload.step], MetricUnit.Count, 1);
  }
  return outcome;
}

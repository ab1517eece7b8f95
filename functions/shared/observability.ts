/**
 * The one place where the Powertools logger and metrics are created (the tracer, under the same
 * service name, in ./tracing.ts, for the functions that trace), so that every Lambda logs,
 * measures and traces under the same service name and the same dimensions, and the dashboard and
 * alarms in CDK can find them.
 *
 * Personal data: log ids (invoice, debtor, execution, task), never names, email addresses or
 * IBANs in clear, and never an amount together with a name. Where a log needs to show which
 * address or account was used, pass it through `maskEmail` / `maskIban` from `./pii`. As a net
 * under that rule the logger masks, at every level, every email address, valid IBAN, bearer token,
 * JWT and international phone number it finds in any string value, and the whole value of fields
 * that hold names, addresses, phone numbers and credentials (see `maskForLog`), also inside a
 * JSON body; so even an event logged whole (POWERTOOLS_LOGGER_LOG_EVENT) shows none of them.
 * A name in free text cannot be recognised, so it must not be logged.
 *
 * A logged error (`logger.error('…', error)`) shows its stack, and the location where it was
 * thrown, in the TypeScript sources rather than the minified bundle (./source-mapped-stack).
 */
import { LogFormatter, LogItem, Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { maskForLog } from './pii';
import { sourceMappedStack } from './source-mapped-stack';

export const serviceName = 'credit-control';
// The function construct sets STAGE on every Lambda; outside AWS (local cloud, tests) it is "local".
const stage = process.env.STAGE || 'local';

/**
 * Powertools' own log format, key for key (its formatter is not exported, so the keys are those of
 * its PowertoolsLogFormatter), with each error's stack and location mapped to the sources. The
 * error is left as it is: only what is printed changes.
 */
class SourceMappedLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        cold_start: attributes.lambdaContext?.coldStart,
        function_arn: attributes.lambdaContext?.invokedFunctionArn,
        function_memory_size: attributes.lambdaContext?.memoryLimitInMB,
        function_name: attributes.lambdaContext?.functionName,
        function_request_id: attributes.lambdaContext?.awsRequestId,
        sampling_rate: attributes.sampleRateValue,
        xray_trace_id: attributes.xRayTraceId,
        tenant_id: attributes.lambdaContext?.tenantId,
      },
    }).addAttributes(additional);
  }

  // Called for the error and, by the base class, for each of its causes.
  override formatError(error: Error): LogAttributes {
    const formatted = super.formatError(error);
    if (typeof error.stack !== 'string') return formatted;
    const stack = sourceMappedStack(error.stack);
    if (stack === error.stack) return formatted;
    return {
      ...formatted,
      location: this.getCodeLocation(stack),
      // The base class gives the stack as lines in dev mode (POWERTOOLS_DEV), as one string otherwise.
      stack: Array.isArray(formatted.stack) ? stack.split('\n') : stack,
    };
  }
}

export const logger = new Logger({
  serviceName,
  persistentKeys: { stage },
  jsonReplacerFn: maskForLog,
  logFormatter: new SourceMappedLogFormatter(),
});

/**
 * Many invocations rightly emit no business metric (a step skipped because the invoice was paid),
 * and Powertools warns about each of them; that warning alone would be most of the log volume.
 * It is dropped; the metrics utility's other warnings go through the JSON logger and its level.
 */
const EMPTY_METRICS_WARNING = 'No application metrics to publish';
// The metrics utility logs plain strings.
const metricsLogger = {
  debug: (message: string) => logger.debug(message),
  info: (message: string) => logger.info(message),
  warn: (message: string) => {
    if (!String(message).startsWith(EMPTY_METRICS_WARNING)) logger.warn(message);
  },
  error: (message: string) => logger.error(message),
};

export const metrics = new Metrics({
  serviceName,
  namespace: 'CreditControl',
  defaultDimensions: { stage },
  logger: metricsLogger,
});

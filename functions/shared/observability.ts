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
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { maskForLog } from './pii';

export const serviceName = 'credit-control';
// The function construct sets STAGE on every Lambda; outside AWS (local cloud, tests) it is "local".
const stage = process.env.STAGE || 'local';

export const logger = new Logger({
  serviceName,
  persistentKeys: { stage },
  jsonReplacerFn: maskForLog,
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

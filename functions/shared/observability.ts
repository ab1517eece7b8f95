/**
 * The one place where the Powertools logger, metrics and tracer are created, so that every
 * Lambda logs, measures and traces under the same service name and the same dimensions, and
 * the dashboard and alarms in CDK can find them.
 *
 * Personal data: log ids (invoice, debtor, execution, task), never names, email addresses or
 * IBANs in clear, and never an amount together with a name. Where a log needs to show which
 * address or account was used, pass it through `maskEmail` / `maskIban` from `./pii`. As a net
 * under that rule the logger masks every email address and valid IBAN it finds in any string
 * value before the line is written; names cannot be recognised, so they must not be logged.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { maskPersonalData } from './pii';

const serviceName = 'credit-control';
// The function construct sets STAGE on every Lambda; outside AWS (local cloud, tests) it is "local".
const stage = process.env.STAGE || 'local';

export const logger = new Logger({
  serviceName,
  persistentKeys: { stage },
  jsonReplacerFn: (_key, value) => (typeof value === 'string' ? maskPersonalData(value) : value),
});

export const metrics = new Metrics({
  serviceName,
  namespace: 'CreditControl',
  defaultDimensions: { stage },
  // Its own warnings (e.g. "no metrics to publish") go through the JSON logger and its level.
  logger,
});

export const tracer = new Tracer({ serviceName });

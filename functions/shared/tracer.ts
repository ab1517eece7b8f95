import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { serviceName } from './observability';

/** Loaded only through ./tracing.ts, so that a function that does not trace never loads it. */
export const tracer = new Tracer({ serviceName });

export const traceHandler = captureLambdaHandler(tracer);

import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_MAX_CONCURRENCY, lambdaContext, runInvocation } from '../../local/api/lambda-context';

describe('the local Lambda service runs each invocation in a scope of its own', () => {
  const printed: string[] = [];
  beforeEach(() => {
    process.env.AWS_LAMBDA_MAX_CONCURRENCY = LOCAL_MAX_CONCURRENCY;
    vi.spyOn(console, 'info').mockImplementation((text: unknown) => {
      printed.push(String(text));
    });
  });
  afterEach(() => {
    delete process.env.AWS_LAMBDA_MAX_CONCURRENCY;
    vi.restoreAllMocks();
    printed.length = 0;
  });

  it('keeps the function_name of a log line its own while another function runs in between', async () => {
    // One logger for every function, as in the local cloud, where they share one module.
    const logger = new Logger({ serviceName: 'scope-test', logLevel: 'INFO' });
    let releaseFirst!: () => void;
    const firstMayLog = new Promise<void>((resolve) => (releaseFirst = resolve));
    const slow = middy(async () => {
      await firstMayLog;
      logger.info('slow done');
    }).use(injectLambdaContext(logger, { resetKeys: true }));
    const fast = middy(async () => {
      logger.info('fast done');
      releaseFirst();
    }).use(injectLambdaContext(logger, { resetKeys: true }));

    const invoke = (name: string, handler: (event: unknown, context: Context) => Promise<unknown>) => {
      const context = lambdaContext(name);
      return runInvocation(context, () => handler({}, context));
    };
    await Promise.all([invoke('slow-function', slow), invoke('fast-function', fast)]);

    const lines = printed.map((text) => JSON.parse(text) as { message: string; function_name: string });
    expect(lines.find((line) => line.message === 'slow done')?.function_name).toBe(
      'credit-control-local-slow-function',
    );
    expect(lines.find((line) => line.message === 'fast done')?.function_name).toBe(
      'credit-control-local-fast-function',
    );
  });
});

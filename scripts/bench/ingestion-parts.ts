import { Webhook } from 'standardwebhooks';
import { routeOf } from '../../functions/shared/http/http-handler';

/** Time spent in one part of the webhook, summed over every request. */
export interface PartTime {
  calls: number;
  ms: number;
}

/**
 * Times the signature check and the validation of the webhook's handler in this process, the way
 * the invocation meter times handlers: the local cloud runs the handler in-process with the same
 * modules, so wrapping `Webhook.prototype.verify` (standardwebhooks) and the route's body schema's
 * `safeParse` (functions/api/routes.ts) measures them without any change to the handler. The
 * DynamoDB calls are timed on the wire by the capacity proxy.
 */
export function timeWebhookParts(): {
  parts(): Record<'signature' | 'validation', PartTime>;
  restore(): void;
} {
  const signature: PartTime = { calls: 0, ms: 0 };
  const validation: PartTime = { calls: 0, ms: 0 };
  const timed = <A extends unknown[], R>(part: PartTime, fn: (...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      const start = performance.now();
      try {
        return fn.apply(this, args);
      } finally {
        part.calls += 1;
        part.ms += performance.now() - start;
      }
    };

  const verify = Webhook.prototype.verify;
  Webhook.prototype.verify = timed(signature, verify);
  const body = routeOf('receive-invoicing-webhook').request?.body;
  if (!body) throw new Error('the webhook route has no body schema');
  const safeParse = body.safeParse;
  body.safeParse = timed(validation, safeParse.bind(body)) as typeof body.safeParse;
  return {
    parts: () => ({ signature: { ...signature }, validation: { ...validation } }),
    restore: () => {
      Webhook.prototype.verify = verify;
      body.safeParse = safeParse;
    },
  };
}

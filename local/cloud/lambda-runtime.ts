import { FUNCTIONS, PRINT_LETTER } from '../../functions/catalogue';
import { importHandler } from '../api/handler-loader';
import { lambdaContext, runInvocation } from '../api/lambda-context';

export type InvokeFunction = (event: unknown) => Promise<unknown>;
type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/** Listeners see every invocation: the benchmark counts them, tests may assert on them. */
export type InvocationListener = (name: string, event: unknown) => void;

/**
 * The local Lambda service: every catalogue function, and the printer of the printed-letters
 * stack, run in-process from its real handler file.
 * Modules are imported on first use, after the local cloud has set the environment, like a cold
 * start; a handler whose configuration is bad fails that first invocation, as in Lambda.
 */
export function lambdaRuntime(listener?: InvocationListener): Map<string, InvokeFunction> {
  const loaded = new Map<string, Promise<Handler>>();
  const load = (name: string): Promise<Handler> => {
    let handler = loaded.get(name);
    if (!handler) {
      handler = importHandler(name).then((m) => m.handler as Handler);
      loaded.set(name, handler);
    }
    return handler;
  };
  return new Map(
    [...FUNCTIONS, PRINT_LETTER].map((spec) => [
      spec.name,
      async (event: unknown) => {
        listener?.(spec.name, event);
        const handler = await load(spec.name);
        const context = lambdaContext(
          spec.name,
          spec.timeoutSeconds === undefined ? undefined : spec.timeoutSeconds * 1000,
        );
        return runInvocation(context, () => handler(event, context));
      },
    ]),
  );
}

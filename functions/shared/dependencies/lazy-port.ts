/**
 * A port whose every method returns a promise: the only kind a lazy port can stand in for, since
 * it cannot answer before its adapter is loaded. A port with a synchronous method or an
 * AsyncIterable does not satisfy this type and has to be handled on its own.
 */
export type AsyncPort<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? T[K] : never;
};

/**
 * The port, with its adapter loaded on the first call of any of its methods rather than at cold
 * start: for an adapter (and its AWS SDK client) that only some invocations of a function use.
 * `load` is typically `() => import('./…-adapter').then(…)`: with the bundle split into chunks,
 * the adapter's module and the SDK client it alone needs are read only then.
 *
 * Calls made while the adapter loads wait for the same load; a load that fails fails those calls
 * and is tried again on the next one, not remembered as a failure. What the adapter answers or
 * throws reaches the caller unchanged.
 */
export function lazyPort<T extends AsyncPort<T>>(load: () => Promise<T>): T {
  let loading: Promise<T> | undefined;
  const loaded = (): Promise<T> =>
    (loading ??= Promise.resolve()
      .then(load)
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as T, {
    get(_target, property) {
      // Not a method of the port: symbols (inspection), and `then`, so that the port is not
      // mistaken for a promise when an async function returns it.
      if (typeof property !== 'string' || property === 'then') return undefined;
      let method = methods.get(property);
      if (!method) {
        method = async (...args) => {
          const port = (await loaded()) as unknown as Record<
            string,
            (...args: unknown[]) => Promise<unknown>
          >;
          return port[property]!(...args);
        };
        methods.set(property, method);
      }
      return method;
    },
  });
}

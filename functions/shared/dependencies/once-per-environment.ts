/**
 * The composition root of the handlers lives in this folder, one file per adapter, so that a
 * handler imports (and a cold start loads) only the AWS SDK clients it uses. Each adapter is
 * built on first use, so a handler that never sends email needs no SES settings; clients are
 * traced; endpoints come from the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, which is how
 * the local cloud points the same code at its emulators.
 */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this function was not granted that resource`);
  return value;
}

/**
 * Builds an adapter once for the environment it reads. In Lambda the environment never changes,
 * so this is "once per container"; the local cloud's tests start several clouds (other tables,
 * other ports) in one process, and each gets adapters for its own resources.
 */
export function oncePerEnvironment<T>(variables: readonly string[], build: () => T): () => T {
  let key: string | undefined;
  let value: T | undefined;
  return () => {
    const current = variables.map((name) => process.env[name] ?? '').join('\n');
    if (value === undefined || key !== current) {
      value = build();
      key = current;
    }
    return value;
  };
}

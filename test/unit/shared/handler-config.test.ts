import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPLETE_ENVIRONMENT, FUNCTIONS, requiredVariables } from './handler-environment';

/** Loads a handler module afresh, as a cold start in the environment as it is now. */
async function coldStart(name: string): Promise<unknown> {
  vi.resetModules();
  return import(`../../../functions/handlers/${name}.ts`);
}

// The first cold start transforms most of the project's modules for the test runner: seconds on a
// busy machine. What these tests check is the configuration a handler reads, not how fast it loads
// (the bench measures that, on the bundles).
describe('a handler reads its configuration when it is loaded', { timeout: 30_000 }, () => {
  beforeEach(() => {
    for (const [name, value] of Object.entries(COMPLETE_ENVIRONMENT)) vi.stubEnv(name, value);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each(FUNCTIONS.map((spec) => spec.name))('starts %s with the variables the stack sets', async (name) => {
    await expect(coldStart(name)).resolves.toHaveProperty('handler');
  });

  it.each(
    FUNCTIONS.flatMap((spec) => requiredVariables(spec).map((variable) => [spec.name, variable] as const)),
  )('fails the cold start of %s without %s, naming it', async (name, variable) => {
    vi.stubEnv(variable, undefined);

    await expect(coldStart(name)).rejects.toThrow(
      new RegExp(`Invalid configuration: .*${variable} is not set`),
    );
  });

  it('fails the cold start of a function without the variable of a port it loads on first use', async () => {
    vi.stubEnv('PRINT_LETTER_FUNCTION', undefined);

    await expect(coldStart('send-dunning-letter')).rejects.toThrow(
      /Invalid configuration: PRINT_LETTER_FUNCTION is not set/,
    );
  });

  it('checks the variables of a port it loads on first use at cold start, without loading the port', async () => {
    const loaded = vi.fn();
    vi.doMock('../../../functions/shared/dependencies/post-adapter', () => {
      loaded();
      return { lambdaLetterPrinter: () => ({ print: async () => undefined }) };
    });
    try {
      await expect(coldStart('send-dunning-letter')).resolves.toHaveProperty('handler');
      expect(loaded).not.toHaveBeenCalled();

      vi.stubEnv('PRINT_LETTER_FUNCTION', 'x'.repeat(171));
      await expect(coldStart('send-dunning-letter')).rejects.toThrow(/PRINT_LETTER_FUNCTION is invalid/);
    } finally {
      vi.doUnmock('../../../functions/shared/dependencies/post-adapter');
    }
  });

  it('fails the cold start on a malformed variable, naming it without echoing its value', async () => {
    vi.stubEnv('SENDER_EMAIL', 'not-an-address');

    const failure = coldStart('send-dunning-letter');

    await expect(failure).rejects.toThrow(/SENDER_EMAIL is invalid/);
    await expect(failure).rejects.not.toThrow(/not-an-address/);
  });
});

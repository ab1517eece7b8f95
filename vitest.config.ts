import { defineConfig } from 'vitest/config';

// Four projects: fast pure unit tests; integration tests of the business against the local cloud
// (DynamoDB Local started once in globalSetup); the local emulators' own tests, which check that
// they speak AWS's protocols; and infra tests that synthesize the CDK app.
export default defineConfig({
  test: {
    // Two test files at a time even on two cores: the integration files spend most of their time
    // waiting on DynamoDB Local and HTTP, so a second worker halves the wall time. Each file has
    // its own table, ports and local cloud, so files stay independent.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/quiet-runtime.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/setup/quiet-runtime.ts'],
          globalSetup: [
            'test/setup/prerequisites.ts',
            'test/setup/dynamodb-global.ts',
            'test/setup/console-build.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'emulators',
          include: ['test/emulators/**/*.test.ts'],
          setupFiles: ['test/setup/quiet-runtime.ts'],
          globalSetup: ['test/setup/dynamodb-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          globalSetup: ['test/setup/console-build.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

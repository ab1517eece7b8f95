import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app-fixture';

describe.each(['dev', 'prod'] as const)('cdk-nag AwsSolutions on %s', (stage) => {
  let app: App;
  let synthError: unknown;
  beforeAll(() => {
    ({ app } = buildApp(stage));
    try {
      app.synth();
    } catch (error) {
      synthError = error;
    }
  });

  it('finds nothing that is not acknowledged', () => {
    const { violations } = new AwsSolutionsChecks().validateScope(app);
    const findings = violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
    );
    expect(findings).toEqual([]);
    // The plugin bin/app.ts registers fails synth on any finding; it passed.
    expect(synthError).toBeUndefined();
  });

  it('gives a reason for every acknowledgement', () => {
    const acknowledgements = app.node.findAll().flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, unknown>))
        .map(([id, reason]) => ({ at: `${id} at ${construct.node.path}`, reason })),
    );
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { at, reason } of acknowledgements) {
      expect(
        typeof reason === 'string' && reason.split(/\s+/).length >= 5,
        `reason of ${at}: ${reason}`,
      ).toBe(true);
    }
  });
});

import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readStageConfig } from './config';
import { CreditControlStack } from './credit-control-stack';

/**
 * Builds the app from its context: bin/app.ts for `cdk synth`/`deploy`, and the infra tests,
 * so that the tests check exactly what is deployed, cdk-nag included.
 */
export function buildCreditControlApp(app: App): CreditControlStack {
  const config = readStageConfig(app.node);
  const stack = new CreditControlStack(app, `CreditControl-${config.stage}`, {
    config,
    env: config.env,
    description: `Credit control (${config.stage}): dunning of overdue invoices`,
  });
  // AwsSolutions findings fail synth unless acknowledged, each with its reason, next to the
  // resource it is about.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}

import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Stage } from '../../lib/config';
import { buildCreditControlApp } from '../../lib/credit-control-app';
import type { CreditControlStack } from '../../lib/credit-control-stack';

/** The context of cdk.json for dev; prod names a creditor and an alarm address, as it must. */
export const CONTEXT: Record<'dev' | 'prod', Record<string, string>> = {
  dev: {
    stage: 'dev',
    senderEmail: 'credit-control@example.com',
    replyToEmail: 'debiteuren@example.com',
    alarmEmail: '',
  },
  prod: {
    stage: 'prod',
    senderEmail: 'credit-control@example.com',
    replyToEmail: 'debiteuren@example.com',
    alarmEmail: 'finance-ops@example.com',
    creditorName: 'Voorbeeld Groothandel B.V.',
    creditorIban: 'NL91 ABNA 0417 1643 00',
    creditorBic: 'ABNANL2A',
    creditorKvkNumber: '12345678',
    creditorVatId: 'NL001234567B01',
    paymentReferenceScheme: 'betalingskenmerk',
  },
};

/**
 * The app exactly as bin/app.ts builds it (cdk-nag included), minus two costs that these tests
 * do not need: bundling (skipped through CDK's own `aws:cdk:bundling-stacks` context; the
 * templates only differ in asset hashes, and lambda-function.test.ts bundles for real) and the
 * built-in CloudFormation schema validation, which `npm run synth` still runs.
 */
export function buildApp(stage: Extract<Stage, 'dev' | 'prod'>): { app: App; stack: CreditControlStack } {
  const app = new App({
    context: { ...CONTEXT[stage], 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: false,
  });
  return { app, stack: buildCreditControlApp(app) };
}

export function synthesize(stage: Extract<Stage, 'dev' | 'prod'>): {
  stack: CreditControlStack;
  template: Template;
  /** The nested stack of the alarms and the dashboard. */
  monitoring: Template;
} {
  const { stack } = buildApp(stage);
  return { stack, template: Template.fromStack(stack), monitoring: Template.fromStack(stack.monitoring) };
}

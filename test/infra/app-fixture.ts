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

export interface PolicyStatementJson {
  Effect?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/**
 * Each role's permissions by the role's logical id: a function's role holds them inline; other
 * roles (the workflow's) in separate `AWS::IAM::Policy` resources naming the role.
 */
export function rolePermissions(template: Template): Map<string, PolicyStatementJson[]> {
  const byRole = new Map<string, PolicyStatementJson[]>();
  const add = (role: string, statements: PolicyStatementJson[]) =>
    byRole.set(role, [...(byRole.get(role) ?? []), ...statements]);
  for (const [id, role] of Object.entries(template.findResources('AWS::IAM::Role'))) {
    for (const policy of (role.Properties.Policies ?? []) as {
      PolicyDocument: { Statement: PolicyStatementJson[] };
    }[])
      add(id, policy.PolicyDocument.Statement);
  }
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
    for (const role of (policy.Properties.Roles ?? []) as { Ref: string }[])
      add(role.Ref, policy.Properties.PolicyDocument.Statement as PolicyStatementJson[]);
  }
  return byRole;
}

/** The roles allowed to publish to the topic of this logical id, sorted. */
export function publishersTo(template: Template, topicId: string): string[] {
  return [...rolePermissions(template)]
    .filter(([, statements]) =>
      statements.some(
        (statement) =>
          [statement.Action].flat().includes('sns:Publish') &&
          JSON.stringify(statement.Resource) === JSON.stringify({ Ref: topicId }),
      ),
    )
    .map(([role]) => role)
    .sort();
}

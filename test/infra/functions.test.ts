import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { topicEnvName } from '../../functions/adapters/sns/sns-notifier';
import { FUNCTIONS, type FunctionSpec, tracesCalls } from '../../functions/catalogue';
import { buildCreditControlApp } from '../../lib/credit-control-app';
import type { CreditControlStack } from '../../lib/credit-control-stack';
import { CONTEXT, rolePermissions, synthesize } from './app-fixture';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

describe('the functions of the catalogue', () => {
  let stack: CreditControlStack;
  let template: Template;
  beforeAll(() => {
    ({ stack, template } = synthesize('dev'));
  });

  const logicalId = (name: string, part: 'lambda' | 'role') => {
    const fn = stack.functions.get(name);
    const construct = part === 'lambda' ? fn.lambda : fn.lambda.role!;
    return stack.getLogicalId(construct.node.defaultChild as CfnElement);
  };
  const environmentOf = (name: string): Record<string, unknown> =>
    template.toJSON().Resources[logicalId(name, 'lambda')].Properties.Environment.Variables;
  const statementsOf = (name: string): Statement[] =>
    (rolePermissions(template).get(logicalId(name, 'role')) ?? []) as Statement[];
  const actionsOf = (name: string): string[] => statementsOf(name).flatMap((s) => [s.Action].flat());

  it('creates one Lambda per catalogue function', () => {
    template.resourceCountIs('AWS::Lambda::Function', FUNCTIONS.length);
  });

  it.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))(
    '%s runs on arm64 Node.js 22 with active tracing and its own log group',
    (name, spec: FunctionSpec) => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: spec.description,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        Timeout: spec.timeoutSeconds ?? 15,
        MemorySize: spec.memoryMb ?? 512,
        LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('Logs') } },
      });
      expect(environmentOf(name)).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'credit-control',
        STAGE: 'dev',
        CREDITOR_NAME: 'Voorbeeld Groothandel B.V.',
        CREDITOR_IBAN: 'NL91ABNA0417164300',
        CREDITOR_BIC: 'ABNANL2A',
        PAYMENT_REFERENCE_SCHEME: 'rf',
      });
    },
  );

  it('parses no source map at cold start: stack traces are mapped when an error is logged or thrown', () => {
    const templates = [template, Template.fromStack(stack.printedLetters.stack)];
    const nodeOptions = templates.flatMap((each) =>
      Object.values(each.findResources('AWS::Lambda::Function')).map(
        (resource) => resource.Properties.Environment?.Variables?.NODE_OPTIONS ?? '',
      ),
    );
    expect(nodeOptions.length).toBeGreaterThan(FUNCTIONS.length);
    expect(nodeOptions.filter((options) => String(options).includes('--enable-source-maps'))).toEqual([]);
  });

  it('loads the tracer in no function unless the stage traces calls', () => {
    for (const spec of FUNCTIONS) expect(environmentOf(spec.name).POWERTOOLS_TRACE_ENABLED).toBe('false');
  });

  it('loads the tracer, in a stage that traces calls, only in the functions that call a service besides their table', () => {
    const app = new App({
      context: { ...CONTEXT.dev, traceCalls: 'true', 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    const traced = buildCreditControlApp(app);
    const resources = Template.fromStack(traced).toJSON().Resources;
    const tracerOff = (name: string) => {
      const id = traced.getLogicalId(traced.functions.get(name).lambda.node.defaultChild as CfnElement);
      return resources[id].Properties.Environment.Variables.POWERTOOLS_TRACE_ENABLED === 'false';
    };
    expect(tracerOff('list-tasks')).toBe(true);
    expect(tracerOff('send-dunning-letter')).toBe(false);
    for (const spec of FUNCTIONS) expect(tracerOff(spec.name)).toBe(!tracesCalls(spec.needs));
  });

  it.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))(
    '%s gets exactly the access and settings its needs list',
    (name, { needs }: FunctionSpec) => {
      const actions = actionsOf(name);
      const env = environmentOf(name);
      const has = (prefix: string) => actions.some((action) => action.startsWith(prefix));

      expect(has('dynamodb:')).toBe(needs.table !== undefined);
      expect(has('dynamodb:PutItem')).toBe(needs.table === 'write');
      expect('TABLE_NAME' in env).toBe(needs.table !== undefined);

      const dunning = new Set(needs.dunning ?? []);
      const plans = new Set(needs.paymentPlans ?? []);
      expect(actions.filter((action) => action.startsWith('states:')).sort()).toEqual(
        [
          ...(plans.has('start') ? ['states:StartExecution'] : []),
          ...(plans.has('stop') ? ['states:StopExecution'] : []),
          ...(plans.has('read') ? ['states:DescribeExecution'] : []),
          ...(dunning.has('start') ? ['states:StartExecution'] : []),
          ...(dunning.has('stop') ? ['states:StopExecution'] : []),
          ...(dunning.has('read') ? ['states:DescribeExecution', 'states:ListExecutions'] : []),
          ...(dunning.has('callback')
            ? ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess']
            : []),
          ...(dunning.has('answer') ? ['states:SendTaskSuccess'] : []),
        ].sort(),
      );
      expect('DUNNING_STATE_MACHINE_ARN' in env).toBe(dunning.size > 0);
      expect('PAYMENT_PLAN_STATE_MACHINE_ARN' in env).toBe(plans.size > 0);

      expect(has('ses:')).toBe(needs.sendEmail === true);
      for (const variable of ['SENDER_EMAIL', 'SES_CONFIGURATION_SET']) {
        expect(variable in env).toBe(needs.sendEmail === true);
      }
      // The reply address makes each letter's own, and tells whose reply a message is.
      expect('REPLY_TO_EMAIL' in env).toBe(needs.sendEmail === true || needs.replyMail === true);
      expect(has('s3:GetObject')).toBe(needs.replyMail === true);
      expect('REPLY_MAIL_BUCKET' in env).toBe(needs.replyMail === true);

      expect(has('sns:')).toBe((needs.publish ?? []).length > 0 || needs.sendSms === true);
      expect(Object.keys(env).filter((variable) => variable.endsWith('_TOPIC_ARN'))).toEqual(
        (needs.publish ?? []).map(topicEnvName),
      );

      expect(has('secretsmanager:')).toBe(
        needs.webhookSecret === true || needs.agencyWebhookSecret === true || needs.selfServiceKey === true,
      );
      expect('WEBHOOK_SECRET_ARN' in env).toBe(needs.webhookSecret === true);
      expect('AGENCY_WEBHOOK_SECRET_ARN' in env).toBe(needs.agencyWebhookSecret === true);
      expect('SELF_SERVICE_KEY_ARN' in env).toBe(needs.selfServiceKey === true);
      expect('SELF_SERVICE_BASE_URL' in env).toBe(needs.selfServiceKey === true);
    },
  );

  it('gives the self-service page the least part a debtor may pay online, and no other function', () => {
    expect(environmentOf('self-service').SELF_SERVICE_MINIMUM_PAYMENT).toBe('1000');
    const others = FUNCTIONS.filter(({ name }) => name !== 'self-service');
    for (const { name } of others) expect(environmentOf(name).SELF_SERVICE_MINIMUM_PAYMENT).toBeUndefined();
  });

  it('lets only the functions that text debtors publish on *, and only sns:Publish there', () => {
    const texting = FUNCTIONS.filter((spec) => spec.needs.sendSms).map((spec) => spec.name);
    expect(texting).toEqual(['send-dunning-letter']);
    for (const { name } of FUNCTIONS) {
      const onAnything = statementsOf(name).filter(
        (statement) =>
          statement.Resource === '*' && [statement.Action].flat().some((a) => a.startsWith('sns:')),
      );
      expect(onAnything.flatMap((statement) => [statement.Action].flat())).toEqual(
        texting.includes(name) ? ['sns:Publish'] : [],
      );
    }
  });

  it("lets only the agency's function read the agency's webhook secret, and only that secret", () => {
    const readers = FUNCTIONS.filter((spec) => spec.needs.agencyWebhookSecret).map((spec) => spec.name);
    expect(readers).toEqual(['collection-agency']);
    const secrets = JSON.stringify(
      [...rolePermissions(template).values()].filter((statements) =>
        JSON.stringify(statements).includes('secretsmanager:GetSecretValue'),
      ),
    );
    expect(secrets).toMatch(/AgencyWebhookSecret/);
  });

  it('lets send-dunning-letter send email but not stop a dunning', () => {
    const actions = actionsOf('send-dunning-letter');
    expect(actions).toContain('ses:SendEmail');
    expect(actions).not.toContain('states:StopExecution');
  });

  it('sends email only from the sender address, through the configuration set', () => {
    const [sendEmail] = statementsOf('send-dunning-letter').filter((s) => s.Action === 'ses:SendEmail');
    expect(sendEmail).toMatchObject({
      Condition: { StringEquals: { 'ses:FromAddress': 'credit-control@example.com' } },
      Resource: [
        expect.objectContaining({ 'Fn::Join': expect.anything() }),
        expect.objectContaining({ 'Fn::Join': expect.anything() }),
      ],
    });
    expect(JSON.stringify(sendEmail?.Resource)).toMatch(/:identity\/.*:configuration-set\//);
  });

  it('gives get-me no access to the table', () => {
    expect(actionsOf('get-me').filter((action) => !/^(logs|xray):/.test(action))).toEqual([]);
    expect(environmentOf('get-me')).not.toHaveProperty('TABLE_NAME');
  });

  it('addresses the state machine the workflow creates', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'CreditControl-dev-Dunning',
    });
    expect(JSON.stringify(environmentOf('sweep-due-invoices').DUNNING_STATE_MACHINE_ARN)).toContain(
      ':stateMachine:CreditControl-dev-Dunning',
    );
  });

  it('lets only the functions of payment plans start or stop their executions, each with what it uses', () => {
    expect(JSON.stringify(environmentOf('create-payment-plan').PAYMENT_PLAN_STATE_MACHINE_ARN)).toContain(
      ':stateMachine:CreditControl-dev-PaymentPlans',
    );
    expect(actionsOf('create-payment-plan')).toContain('states:StartExecution');
    expect(actionsOf('amend-payment-plan')).toEqual(
      expect.arrayContaining(['states:StartExecution', 'states:StopExecution']),
    );
    expect(actionsOf('check-instalment').filter((action) => action.startsWith('states:'))).toEqual([]);
    expect(environmentOf('get-payment-plan')).not.toHaveProperty('PAYMENT_PLAN_STATE_MACHINE_ARN');
  });
});

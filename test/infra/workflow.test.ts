import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DunningWorkflow } from '../../lib/constructs/workflow';
import type { CreditControlStack } from '../../lib/credit-control-stack';
import { PROJECT_ROOT } from '../../lib/project-root';
import { stagePolicy } from '../../lib/stage-policy';
import { rolePermissions, synthesize } from './app-fixture';

const ASL_FILE = join(PROJECT_ROOT, 'statemachines', 'dunning.asl.json');

describe('the dunning workflow', () => {
  let stack: CreditControlStack;
  let template: Template;
  beforeAll(() => {
    ({ stack, template } = synthesize('dev'));
  });

  const functionId = (name: string) =>
    stack.getLogicalId(stack.functions.get(name).lambda.node.defaultChild as CfnElement);
  const stateMachine = (name = 'CreditControl-dev-Dunning') => {
    const [resource] = Object.values(
      template.findResources('AWS::StepFunctions::StateMachine', { Properties: { StateMachineName: name } }),
    );
    return resource?.Properties as {
      DefinitionString: string;
      DefinitionSubstitutions: Record<string, { 'Fn::GetAtt': [string, string] }>;
    };
  };

  it('is one standard state machine, traced, logging every transition without its data', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 3);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'CreditControl-dev-Dunning',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }],
      },
    });
  });

  it('deploys the ASL file with every task pointing at its catalogue function', () => {
    const { DefinitionString, DefinitionSubstitutions } = stateMachine();
    // CloudFormation substitutes the placeholders at deploy time: do the same with the ARNs
    // written as the logical ids they resolve to.
    const deployed = JSON.parse(
      DefinitionString.replace(/\$\{(\w+)\}/g, (_, name: string) => {
        const arn = DefinitionSubstitutions[name]?.['Fn::GetAtt'];
        return arn?.[1] === 'Arn' ? `arn-of:${arn[0]}` : `unsubstituted:${name}`;
      }),
    );
    const file = JSON.parse(readFileSync(ASL_FILE, 'utf8'));

    expect(Object.keys(deployed.States)).toEqual(Object.keys(file.States));
    const functionOf = (state: string) => deployed.States[state].Parameters.FunctionName;
    expect(functionOf('SendFirstReminder')).toBe(`arn-of:${functionId('send-dunning-letter')}`);
    expect(functionOf('SendSecondReminder')).toBe(`arn-of:${functionId('send-dunning-letter')}`);
    expect(functionOf('SendFinalNotice')).toBe(`arn-of:${functionId('send-dunning-letter')}`);
    expect(functionOf('CallDebtor')).toBe(`arn-of:${functionId('create-call-task')}`);
    expect(functionOf('RecordUnansweredCall')).toBe(`arn-of:${functionId('create-call-task')}`);
    expect(functionOf('EscalateToAccountManager')).toBe(`arn-of:${functionId('notify-account-manager')}`);
    expect(functionOf('HandOverToCollectionAgency')).toBe(
      `arn-of:${functionId('hand-over-to-collection-agency')}`,
    );
    expect(JSON.stringify(deployed)).not.toContain('unsubstituted:');
  });

  it('goes from an unanswered call straight on to the account manager when its park ends, with no Wait between', () => {
    const { DefinitionString } = stateMachine();
    const unanswered = JSON.parse(DefinitionString).States.RecordUnansweredCall;
    expect(unanswered).toMatchObject({
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      TimeoutSecondsPath: '$.parkSeconds.call',
      Next: 'WaitUntilAccountManager',
    });
    expect(unanswered.Catch[0]).toEqual({
      ErrorEquals: ['States.Timeout'],
      ResultPath: null,
      Next: 'EscalateToAccountManager',
    });
  });

  it.each([
    ['SendFirstReminder', 'firstReminder', 'secondReminder', 'SendSecondReminder', 'WaitUntilSecondReminder'],
    ['SendSecondReminder', 'secondReminder', 'call', 'CallDebtor', 'WaitUntilCall'],
    ['EscalateToAccountManager', 'accountManager', 'finalNotice', 'SendFinalNotice', 'WaitUntilFinalNotice'],
    [
      'SendFinalNotice',
      'finalNotice',
      'collectionAgency',
      'HandOverToCollectionAgency',
      'WaitUntilCollectionAgency',
    ],
  ])(
    'parks %s after its step until the next step, straight on to its task, and through its Wait when answered',
    (state, slot, next, nextTask, nextWait) => {
      const { DefinitionString } = stateMachine();
      const task = JSON.parse(DefinitionString).States[state];
      expect(task).toMatchObject({
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        TimeoutSecondsPath: `$.parkSeconds.${slot}`,
        Next: nextWait,
      });
      expect(task.Parameters.Payload.park).toEqual({
        'taskToken.$': '$$.Task.Token',
        'nextStepAt.$': `$.schedule.${next}`,
        'seconds.$': `$.parkSeconds.${slot}`,
      });
      const timeout = task.Catch.findIndex((c: { ErrorEquals: string[] }) =>
        c.ErrorEquals.includes('States.Timeout'),
      );
      const all = task.Catch.findIndex((c: { ErrorEquals: string[] }) =>
        c.ErrorEquals.includes('States.ALL'),
      );
      expect(task.Catch[timeout]).toEqual({
        ErrorEquals: ['States.Timeout'],
        ResultPath: null,
        Next: nextTask,
      });
      expect(timeout).toBeLessThan(all);
      // The park's end is not a fault to retry.
      for (const retrier of task.Retry) expect(retrier.ErrorEquals).not.toContain('States.Timeout');
    },
  );

  it('lets the parking step functions answer task tokens with success only, on the dunning machine only', () => {
    const permissions = rolePermissions(template);
    for (const name of ['send-dunning-letter', 'notify-account-manager']) {
      const role = stack.getLogicalId(stack.functions.get(name).lambda.role?.node.defaultChild as CfnElement);
      const answering = (permissions.get(role) ?? []).filter((statement) =>
        [statement.Action].flat().some((action) => String(action).startsWith('states:')),
      );
      expect(answering).toHaveLength(1);
      expect(answering[0]?.Action).toBe('states:SendTaskSuccess');
      expect(JSON.stringify(answering[0]?.Resource)).toContain('CreditControl-dev-Dunning');
    }
  });

  it('puts no alarm on task timeouts of the dunning machine, since every parked step ends in one', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const timeouts = alarms.filter((alarm) =>
      /ServiceIntegrationsTimedOut|ActivitiesTimedOut|LambdaFunctionsTimedOut|ExecutionsTimedOut/.test(
        JSON.stringify(alarm),
      ),
    );
    expect(timeouts).toEqual([]);
  });

  it('deploys the payment-plan ASL file as a second state machine, each task on its catalogue function', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'CreditControl-dev-PaymentPlans',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
    const { DefinitionString, DefinitionSubstitutions } = stateMachine('CreditControl-dev-PaymentPlans');
    const deployed = JSON.parse(
      DefinitionString.replace(/\$\{(\w+)\}/g, (_, name: string) => {
        const arn = DefinitionSubstitutions[name]?.['Fn::GetAtt'];
        return arn?.[1] === 'Arn' ? `arn-of:${arn[0]}` : `unsubstituted:${name}`;
      }),
    );
    const functionOf = (state: string) => deployed.States[state].Parameters.FunctionName;
    expect(functionOf('SendInstalmentReminder')).toBe(`arn-of:${functionId('send-instalment-reminder')}`);
    expect(functionOf('CheckInstalment')).toBe(`arn-of:${functionId('check-instalment')}`);
    expect(functionOf('BreakPlan')).toBe(`arn-of:${functionId('break-payment-plan')}`);
    expect(JSON.stringify(deployed)).not.toContain('unsubstituted:');
  });

  it('may invoke its task functions', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'lambda:InvokeFunction',
            Resource: Match.arrayWith([{ 'Fn::GetAtt': [functionId('create-call-task'), 'Arn'] }]),
          }),
        ]),
      },
    });
  });

  it('sweeps for due invoices every day at 06:00 Amsterdam time', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('DailySweepStateMachine') } }),
    });
  });

  it('sweeps through a state machine that calls the sweep function slice after slice', () => {
    const { DefinitionString, DefinitionSubstitutions } = stateMachine('CreditControl-dev-DailySweep');
    const states = JSON.parse(DefinitionString).States;
    expect(states.SweepRanges.ItemProcessor.States.RangeDone.Type).toBe('Choice');
    expect(DefinitionSubstitutions.SweepDueInvoicesFunctionArn?.['Fn::GetAtt']).toEqual([
      functionId('sweep-due-invoices'),
      'Arn',
    ]);
  });

  it('fans the sweep out in a Distributed Map whose role may start and stop its child executions', () => {
    const { DefinitionString } = stateMachine('CreditControl-dev-DailySweep');
    const map = JSON.parse(DefinitionString).States.SweepRanges;
    expect(map).toMatchObject({ Type: 'Map', MaxConcurrency: 8, ResultPath: null });
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'states:StartExecution',
            Resource: {
              'Fn::Join': ['', Match.arrayWith([':stateMachine:CreditControl-dev-DailySweep'])],
            },
          }),
          Match.objectLike({ Action: ['states:DescribeExecution', 'states:StopExecution'] }),
        ]),
      },
    });
  });

  it('fails synth when a placeholder names no catalogue function', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-'));
    const file = join(dir, 'broken.asl.json');
    writeFileSync(
      file,
      JSON.stringify({
        StartAt: 'A',
        States: { A: { Type: 'Task', Resource: '${ChaseByCarrierPigeonFunctionArn}', End: true } },
      }),
    );
    const stack = new Stack(new App(), 'Broken');
    const noFunctions = {
      get: (name: string): never => {
        throw new Error(`No function named '${name}' in functions/catalogue.ts`);
      },
    };

    expect(
      () =>
        new DunningWorkflow(stack, 'Workflow', {
          policy: stagePolicy('dev'),
          stateMachineName: 'Broken',
          definitionPath: file,
          functions: noFunctions,
        }),
    ).toThrow(
      /\$\{ChaseByCarrierPigeonFunctionArn\} has no function: No function named 'chase-by-carrier-pigeon'/,
    );
  });
});

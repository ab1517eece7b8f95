import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readStageConfig } from '../../lib/config';
import { CONTEXT } from './app-fixture';

const read = (context: Record<string, unknown>) => readStageConfig(new App({ context }).node);

describe('the deployment settings', () => {
  it('run dev on the demo creditor with the rf reference scheme', () => {
    const config = read(CONTEXT.dev);
    expect(config).toMatchObject({
      stage: 'dev',
      senderEmail: 'credit-control@example.com',
      replyToEmail: 'debiteuren@example.com',
      alarmEmail: undefined,
      env: undefined,
      creditor: { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', paymentReferenceScheme: 'rf' },
    });
  });

  it('normalise the IBAN and default the creditor email to the reply-to address', () => {
    expect(read(CONTEXT.prod).creditor).toMatchObject({
      iban: 'NL91ABNA0417164300',
      email: 'debiteuren@example.com',
      paymentReferenceScheme: 'betalingskenmerk',
    });
  });

  it('trace calls only in a stage that asks for it, from the command line or cdk.json', () => {
    expect(read(CONTEXT.dev).traceCalls).toBe(false);
    expect(read({ ...CONTEXT.dev, traceCalls: 'true' }).traceCalls).toBe(true);
    expect(read({ ...CONTEXT.dev, traceCalls: true }).traceCalls).toBe(true);
    expect(read({ ...CONTEXT.dev, traceCalls: 'false' }).traceCalls).toBe(false);
    expect(() => read({ ...CONTEXT.dev, traceCalls: 'yes' })).toThrow(/traceCalls must be true or false/);
  });

  it('alarm on overdue up more than 10% week on week unless the stage sets its own percentage', () => {
    expect(read(CONTEXT.dev).overdueWeekOnWeekAlarmPercent).toBe(10);
    expect(read({ ...CONTEXT.dev, overdueWeekOnWeekAlarmPercent: '25' }).overdueWeekOnWeekAlarmPercent).toBe(
      25,
    );
    expect(() => read({ ...CONTEXT.dev, overdueWeekOnWeekAlarmPercent: 'ten' })).toThrow(
      /overdueWeekOnWeekAlarmPercent must be a percentage above 0/,
    );
    expect(() => read({ ...CONTEXT.dev, overdueWeekOnWeekAlarmPercent: 0 })).toThrow(
      /overdueWeekOnWeekAlarmPercent must be a percentage above 0/,
    );
  });

  it('pin the stack to an account and region only when asked', () => {
    expect(read({ ...CONTEXT.dev, account: '123456789012', region: 'eu-west-1' }).env).toEqual({
      account: '123456789012',
      region: 'eu-west-1',
    });
  });

  it('refuse prod without a real creditor', () => {
    const {
      creditorName: _name,
      creditorIban: _iban,
      creditorBic: _bic,
      ...prodWithoutCreditor
    } = CONTEXT.prod;
    expect(() => read(prodWithoutCreditor)).toThrow(
      /creditorName is required outside dev[\s\S]*creditorIban is required/,
    );
  });

  it('refuse prod without the KvK number and VAT id that every letter must carry', () => {
    const { creditorKvkNumber: _kvk, creditorVatId: _vat, ...prodWithoutRegistration } = CONTEXT.prod;
    expect(() => read(prodWithoutRegistration)).toThrow(
      /creditorKvkNumber is required outside dev[\s\S]*creditorVatId is required outside dev/,
    );
    expect(read(CONTEXT.dev).creditor).toMatchObject({ kvkNumber: '12345678', vatId: 'NL001234567B01' });
  });

  it('give the From line the creditor name as display name unless senderName says otherwise', () => {
    expect(read(CONTEXT.prod).creditor.senderName).toBe('Voorbeeld Groothandel B.V.');
    expect(read({ ...CONTEXT.prod, senderName: 'Debiteuren Voorbeeld' }).creditor.senderName).toBe(
      'Debiteuren Voorbeeld',
    );
  });

  it('let a debtor pay a part of at least EUR 10 online unless the stage sets another minimum', () => {
    expect(read(CONTEXT.dev).selfServiceMinimumPayment).toBe(1000);
    expect(read({ ...CONTEXT.dev, selfServiceMinimumPayment: '2500' }).selfServiceMinimumPayment).toBe(2500);
    expect(read({ ...CONTEXT.dev, selfServiceMinimumPayment: 0 }).selfServiceMinimumPayment).toBe(0);
    expect(() => read({ ...CONTEXT.dev, selfServiceMinimumPayment: '12.50' })).toThrow(
      /selfServiceMinimumPayment must be whole cents/,
    );
  });

  it('name every bad key at once', () => {
    expect(() =>
      read({ stage: 'production', senderEmail: 'not-an-address', creditorIban: 'NL91ABNA0417164301' }),
    ).toThrow(
      /stage must be one of dev, staging, prod \(got production\)[\s\S]*senderEmail must be an email address[\s\S]*creditorIban is not a valid IBAN/,
    );
  });
});

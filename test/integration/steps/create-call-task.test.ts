import { beforeEach, describe, expect, it } from 'vitest';
import type { DebtorRecord } from '../../../functions/ports/credit-store';
import { type CallTaskDeps, createCallTask } from '../../../functions/use-cases/steps/create-call-task-step';
import { type StepWorld, stepWorld } from './step-world';

describe('the call task for a credit controller', () => {
  let world: StepWorld;
  let deps: CallTaskDeps;
  let debtor: DebtorRecord;

  beforeEach(async () => {
    world = await stepWorld('2025-02-06T06:00:00Z');
    deps = world;
    debtor = await world.addDebtor({ phone: '+31 6 1234 5678' });
  });

  it('answers the workflow at once when the invoice was paid, so it does not wait for the call window', async () => {
    const invoice = await world.addDunnedInvoice(debtor);
    await world.advanceTo(invoice.id, 'call');
    await world.pay(invoice.id);

    const outcome = await createCallTask(deps, {
      ...(await world.payload(invoice.id, 'call')),
      taskToken: 'token-1',
    });

    expect(outcome).toMatchObject({ status: 'skipped', reason: 'the invoice is paid' });
    expect(world.workflow.completed).toEqual([{ taskToken: 'token-1', output: outcome }]);
    expect(await world.store.listOpenTasks()).toHaveLength(0);
    expect(world.notifier.published).toHaveLength(0);
  });

  it('puts the call on a controller’s list with the workflow’s token and tells the controllers', async () => {
    const invoice = await world.addDunnedInvoice(debtor, { number: '2025-300', openAmount: 2_500_00 });
    await world.advanceTo(invoice.id, 'call');

    const outcome = await createCallTask(deps, {
      ...(await world.payload(invoice.id, 'call')),
      taskToken: 'token-1',
    });

    expect(outcome).toMatchObject({ status: 'parked' });
    const [task] = await world.store.listOpenTasks();
    expect(task).toMatchObject({
      kind: 'call',
      invoiceId: invoice.id,
      taskToken: 'token-1',
      dueDate: '2025-02-26',
      // € 2.500 (20 × log10(2501) ≈ 68) and 21 days overdue.
      priority: 89,
    });
    expect(world.workflow.completed).toHaveLength(0);
    const [notice] = world.notifier.on('call-tasks');
    expect(notice?.message).toMatchObject({ taskId: task?.id, invoiceId: invoice.id, priority: 89 });
    expect(JSON.stringify(notice)).not.toContain(debtor.name);
    expect(JSON.stringify(notice)).not.toContain('+31 6 1234 5678');
    expect((await world.timeline(invoice.id)).map((event) => event.type)).toContain('task_created');
  });

  it('gives the call task a brief that says who to call on which number, the amount, the history and the tone', async () => {
    const invoice = await world.addDunnedInvoice(debtor, { number: '2025-300', openAmount: 2_500_00 });
    await world.advanceTo(invoice.id, 'call');

    await createCallTask(deps, { ...(await world.payload(invoice.id, 'call')), taskToken: 'token-1' });

    const [task] = await world.store.listOpenTasks();
    const brief = task?.brief ?? '';
    expect(brief).toContain(`Bel ${debtor.name} over onderstaande factuur: er staat €\u00a02.500,00 open.`);
    expect(brief).toContain('Toon van het gesprek: vriendelijk maar stellig.');
    expect(brief).toContain('- de crediteurenadministratie (geen contactpersoon bekend)');
    expect(brief).toContain('- Telefoon: +31 6 1234 5678');
    expect(brief).toMatch(/- 2025-300: €\u00a02\.500,00, vervallen op 5 februari 2025 \(21 dagen te laat\)/);
    expect(brief).toContain('Wat er al is gedaan:');
    expect(brief).toContain(
      'Leg de uitkomst vast: geen gehoor, gesproken, verkeerd contact, betaalbelofte, geschil',
    );
  });

  it('keeps one task when the workflow retries the step, holding the newest token', async () => {
    const invoice = await world.addDunnedInvoice(debtor);
    await world.advanceTo(invoice.id, 'call');
    const payload = await world.payload(invoice.id, 'call');

    await createCallTask(deps, { ...payload, taskToken: 'token-1' });
    await createCallTask(deps, { ...payload, taskToken: 'token-2' });

    const tasks = await world.store.listOpenTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.taskToken).toBe('token-2');
    const created = (await world.timeline(invoice.id)).filter((event) => event.type === 'task_created');
    expect(created).toHaveLength(1);
  });

  it('answers the workflow at once when the debtor’s policy has no call', async () => {
    const consumer = await world.addDebtor({ kind: 'consumer' });
    const invoice = await world.addDunnedInvoice(consumer);
    await world.advanceTo(invoice.id, 'call');

    const outcome = await createCallTask(deps, {
      ...(await world.payload(invoice.id, 'call')),
      taskToken: 'token-1',
    });

    expect(outcome).toMatchObject({ status: 'skipped', reason: 'not in policy' });
    expect(world.workflow.completed).toEqual([{ taskToken: 'token-1', output: outcome }]);
    expect(await world.store.listOpenTasks()).toHaveLength(0);
  });
});

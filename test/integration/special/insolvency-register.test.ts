import { afterEach, describe, expect, it } from 'vitest';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { advanceTo, businessDebtor, emailsTo, invoice, invoiceView } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam.
const START = new Date('2026-03-02T05:00:00Z');
const KVK = '34567890';
const PUBLICATION = {
  kvkNumber: KVK,
  kind: 'bankruptcy',
  date: '2026-03-02',
  court: 'Rechtbank Den Haag',
  caseNumber: 'C/09/26/77 F',
  administrator: { name: 'mr. P. Bos' },
};

interface Task {
  id: string;
  kind: string;
  debtorId?: string;
  invoiceId?: string;
}
interface Plan {
  id: string;
  status: string;
}

async function specialTasks(h: CloudHarness): Promise<Task[]> {
  return (await h.get<{ tasks: Task[] }>('/tasks?list=special', 'special')).body.tasks;
}

describe('the central insolvency register and special management', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('a register entry on a known debtor KvK number starts the insolvency flow, and a debtor arriving with it too', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, { kvkNumber: KVK });
    const inv = await invoice(h, debtor.id, { dueDate: '2026-02-01' });
    const other = await businessDebtor(h, { kvkNumber: '11111111' });

    expect((await h.send('POST', '/insolvency-register/entries', PUBLICATION, 'controller')).status).toBe(
      403,
    );
    const bad = await h.send<{ error: { issues: { path: string }[] } }>(
      'POST',
      '/insolvency-register/entries',
      { ...PUBLICATION, kvkNumber: '123' },
      'special',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue) => issue.path)).toEqual(['kvkNumber']);

    const entered = await h.send<{ recorded: boolean; debtors: { debtorId: string; result: string }[] }>(
      'POST',
      '/insolvency-register/entries',
      PUBLICATION,
      'special',
    );
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({
      recorded: true,
      debtors: [{ debtorId: debtor.id, result: 'opened' }],
    });
    const view = await h.get<{ management: string }>(`/debtors/${debtor.id}`);
    expect(view.body.management).toBe('special');
    expect((await h.get<{ management: string }>(`/debtors/${other.id}`)).body.management).toBe('normal');
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'special_management',
    });
    expect(await specialTasks(h)).toContainEqual(
      expect.objectContaining({ kind: 'file_insolvency_claim', debtorId: debtor.id }),
    );

    // Entered twice: nothing starts twice.
    const again = await h.send<{ recorded: boolean; debtors: { result: string }[] }>(
      'POST',
      '/insolvency-register/entries',
      PUBLICATION,
      'manager',
    );
    expect(again.body).toMatchObject({ recorded: false, debtors: [{ result: 'known' }] });

    // A debtor the invoicing system sends later with that KvK number is looked up at intake.
    const laterId = newId('deb');
    expect(
      (await h.post(debtorUpserted({ id: laterId, email: `${laterId}@debtor.example`, kvkNumber: KVK })))
        .status,
    ).toBe(200);
    await eventually(async () => {
      expect((await h.get<{ management: string }>(`/debtors/${laterId}`)).body.management).toBe('special');
    });
    await advanceTo(h, '2026-03-20T12:00:00Z');
    expect(await emailsTo(h, debtor.email)).toEqual([]);
  });

  it('an insolvency suspends a payment plan agreed before it: no instalment reminder reaches the debtor', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 900_00 });
    const plan = await h.send<Plan>('POST', `/debtors/${debtor.id}/payment-plans`, {
      invoiceIds: [inv.id],
      instalments: [
        { dueDate: '2026-03-20', amount: 300_00 },
        { dueDate: '2026-04-20', amount: 300_00 },
        { dueDate: '2026-05-20', amount: 300_00 },
      ],
    });
    expect(plan.status).toBe(201);
    const confirmed = (await emailsTo(h, debtor.email)).length;
    expect(confirmed).toBe(1);

    const opened = await h.send<{ plansSuspended: string[] }>(
      'POST',
      `/debtors/${debtor.id}/insolvency`,
      {
        kind: 'wsnp',
        date: '2026-03-02',
        court: 'Rechtbank Utrecht',
        caseNumber: 'C/16/26/9 R',
        administrator: { name: 'Bewindvoerder B.V.' },
      },
      'special',
    );
    expect(opened.status).toBe(201);
    expect(opened.body.plansSuspended).toEqual([plan.body.id]);
    expect((await h.get<Plan>(`/payment-plans/${plan.body.id}`)).body.status).toBe('suspended');
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'special_management',
    });

    await advanceTo(h, '2026-06-01T12:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(confirmed);
    expect((await h.get<Plan>(`/payment-plans/${plan.body.id}`)).body.status).toBe('suspended');
  });

  it('under special management the special team agrees a plan beyond the policy limits and notes the financial position', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-02-01', totalAmount: 2_400_00 });
    // Two years of monthly instalments: beyond the policy's longest term.
    const instalments = Array.from({ length: 24 }, (_, index) => ({
      dueDate: `${2026 + Math.floor((index + 2) / 12)}-${String(((index + 2) % 12) + 1).padStart(2, '0')}-15`,
      amount: 100_00,
    }));
    const refused = await h.send('POST', `/debtors/${debtor.id}/payment-plans`, {
      invoiceIds: [inv.id],
      instalments,
    });
    expect(refused.status).toBe(403);

    expect(
      (
        await h.send(
          'POST',
          `/debtors/${debtor.id}/special-management`,
          { reason: 'financial_trouble' },
          'special',
        )
      ).status,
    ).toBe(201);
    const note = await h.send<{ type: string; details: { attachments: unknown[] } }>(
      'POST',
      `/debtors/${debtor.id}/financial-position/notes`,
      {
        text: 'Jaarrekening 2025: negatief eigen vermogen',
        attachments: [
          { name: 'Jaarrekening 2025', url: 'https://docs.example/jaarrekening-2025.pdf' },
          { name: 'Bankafschrift februari', reference: 'DMS-2026-0042' },
        ],
      },
      'special',
    );
    expect(note.status).toBe(201);
    expect(note.body.details.attachments).toHaveLength(2);
    const badNote = await h.send<{ error: { issues: { path: string }[] } }>(
      'POST',
      `/debtors/${debtor.id}/financial-position/notes`,
      { text: 'x', attachments: [{ name: 'no link' }] },
      'special',
    );
    expect(badNote.status).toBe(400);
    expect(badNote.body.error.issues.map((issue) => issue.path)).toEqual(['attachments.0']);

    const agreed = await h.send<Plan>(
      'POST',
      `/debtors/${debtor.id}/payment-plans`,
      { invoiceIds: [inv.id], instalments },
      'special',
    );
    expect(agreed.status).toBe(201);
    expect(agreed.body.status).toBe('active');
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({ pausedFor: 'payment_plan' });
  });

  it('the limitation watch covers a dormant claim under special management (no recourse) on the special list', async () => {
    // Friday 30 January 2026: a claim due 30 April 2021 lapses on 1 May 2026 (art. 3:307 BW).
    h = await startCloudHarness(new Date('2026-01-30T07:00:00Z'), { dailySweep: true });
    const debtor = await businessDebtor(h);
    expect(
      (
        await h.send(
          'POST',
          `/debtors/${debtor.id}/special-management`,
          { reason: 'no_recourse', note: 'Geen verhaal; over een jaar opnieuw bekijken' },
          'special',
        )
      ).status,
    ).toBe(201);
    const dormant = { id: newId('inv') };
    const created = invoiceCreated({
      id: dormant.id,
      debtorId: debtor.id,
      dueDate: '2021-04-30',
      issueDate: '2021-03-31',
    });
    expect((await h.post(created)).status).toBe(200);
    expect((await invoiceView(h, dormant.id)).dunning).toMatchObject({ pausedFor: 'special_management' });

    await advanceTo(h, '2026-01-31T05:30:00Z');
    await eventually(async () => {
      expect(await specialTasks(h)).toContainEqual(
        expect.objectContaining({ kind: 'limitation_warning', invoiceId: dormant.id }),
      );
    });
    const controllers = (await h.get<{ tasks: Task[] }>('/tasks', 'controller')).body.tasks;
    expect(controllers.filter((task) => task.invoiceId === dormant.id)).toEqual([]);
    expect(await emailsTo(h, debtor.email)).toEqual([]);
  });
});

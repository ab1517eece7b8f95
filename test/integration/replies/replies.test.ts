import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../functions/core/ledger/timeline';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { sendRawMail } from '../../../local/smtp/smtp-client';
import { type ClaimsCloud, claimsCloud } from '../claims/claims-cloud';

/** Business time on the local cloud: Monday 10 March 2025, 08:00 in Amsterdam. */
const START = '2025-03-10T07:00:00Z';

interface Task {
  id: string;
  kind: string;
  debtorId?: string;
  summary: string;
  brief?: string;
}

/** A debtor with one invoice due today, whose first reminder goes out on Thursday 13 March. */
interface Debtor {
  id: string;
  email: string;
  invoiceId: string;
}

/**
 * Debtors who answer a letter by email: SMTP (SES in AWS) → the reply-mail bucket → its event →
 * record-email-event, which puts the reply next to the letter it answers.
 */
describe('replies from debtors, on the local cloud', () => {
  let world: ClaimsCloud;
  const debtors: Record<'replying' | 'away' | 'twice', Debtor> = {} as never;

  beforeAll(async () => {
    world = await claimsCloud(START);
    for (const name of ['replying', 'away', 'twice'] as const) {
      const id = newId('deb');
      const email = `${id}@debtor.example`;
      expect((await world.deliver(debtorUpserted({ id, name: `Debtor ${id}`, email }))).status).toBe(200);
      const invoiceId = newId('inv');
      const created = await world.deliver(
        invoiceCreated({
          id: invoiceId,
          debtorId: id,
          dueDate: '2025-03-10',
          issueDate: '2025-02-08',
          totalAmount: 420_00,
        }),
      );
      expect(created.status).toBe(200);
      debtors[name] = { id, email, invoiceId };
    }
    await world.cloud.advanceTo(new Date('2025-03-13T09:00:00Z'));
  });

  afterAll(async () => {
    await world?.stop();
  });

  /** The address the debtor's first reminder asks replies to go to. */
  async function replyAddressOf(debtor: Debtor): Promise<string> {
    const letters = (await world.cloud.emails()).filter((email) => email.to.includes(debtor.email));
    expect(letters).toHaveLength(1);
    const [replyTo] = letters[0]?.replyTo ?? [];
    expect(replyTo).toMatch(/^debiteuren\+[a-z2-7]{20}@voorbeeld\.example$/);
    return replyTo ?? '';
  }

  async function reply(
    from: string,
    to: string,
    lines: { subject: string; headers?: string[]; id?: string; body: string },
  ) {
    const raw = [
      `From: Debtor <${from}>`,
      `To: ${to}`,
      `Subject: ${lines.subject}`,
      `Message-ID: <${lines.id ?? newId('msg')}@debtor.example>`,
      'Date: Fri, 21 Mar 2025 10:00:00 +0100',
      ...(lines.headers ?? []),
      'Content-Type: text/plain; charset=utf-8',
      '',
      lines.body,
      '',
    ].join('\r\n');
    await sendRawMail(world.cloud.smtp.url, { from, to: [to] }, Buffer.from(raw, 'utf8'));
    await world.cloud.idle();
  }

  const repliesOn = async (debtorId: string): Promise<TimelineEvent[]> =>
    (await world.store.timeline({ debtorId })).filter((event) => event.type === 'reply_received');

  const openTasks = async () =>
    (await world.call<{ tasks: Task[] }>('controller', 'GET', '/tasks')).body.tasks;

  it('an out-of-office reply creates no task', async () => {
    const debtor = debtors.away;
    await reply(debtor.email, await replyAddressOf(debtor), {
      subject: 'Automatisch antwoord: Betalingsherinnering',
      headers: ['Auto-Submitted: auto-replied'],
      body: 'Ik ben afwezig tot en met 24 maart.',
    });

    const [entry] = await repliesOn(debtor.id);
    expect(entry?.details).toMatchObject({
      automatic: true,
      automaticSign: 'auto_submitted',
      slot: 'firstReminder',
    });
    expect(entry?.details?.taskId).toBeUndefined();
    expect((await openTasks()).filter((task) => task.debtorId === debtor.id)).toEqual([]);
    expect((await world.store.getDebtor(debtor.id))?.hold).toBeUndefined();
  });

  it('a reply with an unknown token is kept for a controller', async () => {
    await reply('someone@elsewhere.example', 'debiteuren+aaaaaaaaaaaaaaaaaaaa@voorbeeld.example', {
      subject: 'Vraag over factuur 2025-17',
      body: 'Welke factuur bedoelt u?',
    });

    const kept = (await openTasks()).filter((task) => task.kind === 'unmatched_reply');
    expect(kept).toEqual([
      expect.objectContaining({
        summary: expect.stringContaining('"Vraag over factuur 2025-17"'),
        brief: expect.stringContaining('Welke factuur bedoelt u?'),
      }),
    ]);
  });

  it('the same reply delivered twice is handled once', async () => {
    const debtor = debtors.twice;
    const to = await replyAddressOf(debtor);
    const message = { subject: 'Re: Betalingsherinnering', id: newId('twice'), body: 'Wij betalen vrijdag.' };
    await reply(debtor.email, to, message);
    await reply(debtor.email, to, message);

    expect(await repliesOn(debtor.id)).toHaveLength(1);
    expect(
      (await openTasks()).filter((task) => task.debtorId === debtor.id && task.kind === 'debtor_replied'),
    ).toHaveLength(1);
  });

  it("a reply to a reminder lands on the debtor's timeline with a task and holds the next reminder", async () => {
    const debtor = debtors.replying;
    const to = await replyAddressOf(debtor);
    // Friday 21 March; the second reminder is planned for Monday 24 March.
    await world.cloud.advanceTo(new Date('2025-03-21T09:00:00Z'));
    await reply(debtor.email, to, {
      subject: 'Re: Betalingsherinnering',
      body: 'De factuur is vorige week betaald.',
    });

    const [entry] = await repliesOn(debtor.id);
    expect(entry).toMatchObject({
      actor: 'debtor-email',
      details: {
        slot: 'firstReminder',
        letterDay: '2025-03-13',
        invoiceIds: [debtor.invoiceId],
        from: debtor.email,
        subject: 'Re: Betalingsherinnering',
        text: 'De factuur is vorige week betaald.',
        automatic: false,
        heldUntil: '2025-03-25',
        stored: expect.stringMatching(/^s3:\/\/local-reply-mail\/inbound\//),
      },
    });
    // Next to the letter: on the invoice's timeline too.
    expect(
      (await world.store.timeline({ invoiceId: debtor.invoiceId })).map((event) => event.type),
    ).toContain('reply_received');
    const tasks = (await openTasks()).filter((task) => task.debtorId === debtor.id);
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'debtor_replied',
        brief: expect.stringContaining('vorige week betaald'),
      }),
    ]);
    const timeline = await world.call<{ events: { type: string }[] }>(
      'controller',
      'GET',
      `/debtors/${debtor.id}/timeline`,
    );
    expect(timeline.body.events.map((event) => event.type)).toContain('reply_received');

    // Monday 24 March, the second reminder's day, passes without a letter: the reply is unread.
    await world.cloud.advanceTo(new Date('2025-03-24T15:00:00Z'));
    const lettersTo = async () =>
      (await world.cloud.emails()).filter((email) => email.to.includes(debtor.email));
    expect(await lettersTo()).toHaveLength(1);
    expect((await world.store.getInvoice(debtor.invoiceId))?.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'hold',
      pausedUntil: '2025-03-25',
    });

    // The hold ends on Tuesday 25 March, and the dunning goes on with the second reminder.
    await world.cloud.advanceTo(new Date('2025-03-26T15:00:00Z'));
    expect(await lettersTo()).toHaveLength(2);
  });
});

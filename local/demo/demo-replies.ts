import { BUSINESS_TIME_ZONE } from '../../functions/core/calendar/time-zone';
import { runDaily } from '../cloud/daily-schedule';
import type { LocalCloud } from '../cloud/local-cloud';
import { sendRawMail } from '../smtp/smtp-client';

/** After the morning's letters: the debtors' mail servers answer before noon. */
const DEBTORS_ANSWER = { hour: 11, minute: 30, timeZone: BUSINESS_TIME_ZONE };
const TAGGED_REPLY_TO = /\+[a-z2-7]{20}@/;

/** The two answers the demo's debtors send: one a person wrote, one their mail server's. */
const ANSWERS = [
  {
    kind: 'reply',
    headers: [] as string[],
    subject: (letter: string) => `Re: ${letter}`,
    body: 'Goedemorgen,\r\n\r\nDeze factuur hebben wij vorige week al betaald. Kunt u dat nagaan?\r\n\r\nMet vriendelijke groet,\r\nde crediteurenadministratie',
  },
  {
    kind: 'out-of-office',
    headers: ['Auto-Submitted: auto-replied', 'X-Autoreply: yes'],
    subject: (letter: string) => `Automatisch antwoord: ${letter}`,
    body: 'Ik ben afwezig tot en met volgende week en lees mijn e-mail niet.',
  },
] as const;

/**
 * Debtors who answer a letter by email, so that a reply on the timeline, its `debtor_replied`
 * task and the hold it brings are there to look at: the first debtor to get a letter replies, the
 * next one's mail server answers that its owner is away. Each answer goes through the local SMTP
 * server as a debtor's mail server would send it; its Message-ID is made from the letter's reply
 * address, so a restart of the demo sends it again and it is still handled once.
 */
export function playDebtorReplies(cloud: LocalCloud, signal: AbortSignal, log: (line: string) => void): void {
  let answered = 0;
  const repliedTo = new Set<string>();
  void runDaily(
    cloud.activity,
    'demo debtor replies',
    DEBTORS_ANSWER,
    async () => {
      if (answered >= ANSWERS.length) return;
      for (const letter of await cloud.emails()) {
        const [replyTo] = letter.replyTo;
        const [debtor] = letter.to;
        if (answered >= ANSWERS.length) return;
        if (!replyTo || !debtor || !TAGGED_REPLY_TO.test(replyTo) || repliedTo.has(debtor)) continue;
        const answer = ANSWERS[answered]!;
        repliedTo.add(debtor);
        answered += 1;
        const raw = [
          `From: ${debtor}`,
          `To: ${replyTo}`,
          `Subject: ${answer.subject(letter.subject)}`,
          `Message-ID: <demo-${answer.kind}-${replyTo.replace(/[^a-z0-9]/g, '')}@debtor.example>`,
          `Date: ${cloud.clock.now().toUTCString()}`,
          ...answer.headers,
          'Content-Type: text/plain; charset=utf-8',
          '',
          answer.body,
          '',
        ].join('\r\n');
        await sendRawMail(cloud.smtp.url, { from: debtor, to: [replyTo] }, Buffer.from(raw, 'utf8'));
        log(
          `demo: a debtor sent ${answer.kind === 'reply' ? 'a reply' : 'an out-of-office reply'} to "${letter.subject}" (GET /tasks, the debtor's timeline)`,
        );
      }
    },
    signal,
    (error) =>
      log(`demo: a debtor's reply failed: ${error instanceof Error ? error.message : String(error)}`),
  );
}

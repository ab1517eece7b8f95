import { describe, expect, it } from 'vitest';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { DEFAULT_SCORE_RULES } from '../../../functions/core/score/score-rules';
import type { OutgoingEmail } from '../../../functions/ports/mailer';
import type { Notification } from '../../../functions/ports/notifier';
import { announceGoodPayer } from '../../../functions/use-cases/score/announce-good-payer';
import { renderGoodPayerThanks } from '../../../functions/templates/good-payer-thanks';
import { debtorRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const clock = { now: () => new Date('2026-03-16T09:00:00Z') };

async function newGoodPayer(thankGoodPayers: boolean | undefined, email?: string) {
  const store = new InMemoryCreditStore();
  const seed = SEED_POLICIES.find((policy) => policy.id === 'business-good-payer');
  if (!seed) throw new Error('no good-payer policy');
  await store.putPolicy({ ...seed, ...(thankGoodPayers === undefined ? {} : { thankGoodPayers }) });
  const debtor = debtorRecord({
    name: 'Bakkerij De Korenschoof B.V.',
    language: 'nl',
    ...(email === undefined ? {} : { email }),
    goodPayerReward: {
      status: 'pending',
      since: '2026-03-15T10:00:00.000Z',
      onTimeInRow: 10,
      score: 100,
      rulesVersion: 1,
      reward: DEFAULT_SCORE_RULES.reward,
    },
  });
  await store.commit([{ kind: 'putDebtor', debtor, expectedVersion: null }]);
  const sent: OutgoingEmail[] = [];
  const published: Notification[] = [];
  const deps = {
    store,
    clock,
    notifier: {
      publish: async (message: Notification) => {
        published.push(message);
        return { messageId: `sns-${published.length}` };
      },
    },
    mailer: {
      send: async (message: OutgoingEmail) => {
        sent.push(message);
        return { messageId: `msg-${sent.length}` };
      },
    },
    creditor: { name: 'Groothandel Noord B.V.' },
  };
  return { store, debtor, deps, sent, published };
}

describe('the thank-you email to a new good payer', () => {
  it('is sent once, in the debtor’s language, and put on its timeline, when the policy says so', async () => {
    const { store, debtor, deps, sent } = await newGoodPayer(true);

    expect(await announceGoodPayer(deps, debtor.id)).toBe(true);
    expect(await announceGoodPayer(deps, debtor.id)).toBe(false);

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: debtor.email, subject: 'Dank u wel voor uw stipte betalingen' });
    expect(sent[0]?.text).toContain('laatste 10 facturen allemaal op tijd betaald');
    const timeline = await store.timeline({ debtorId: debtor.id });
    expect(timeline.filter((event) => event.type === 'email_sent').map((event) => event.summary)).toEqual([
      'Email "Dank u wel voor uw stipte betalingen" sent to the debtor: thanks for 10 invoices in a row paid on time',
    ]);
  });

  it('is not sent when the policy says nothing, nor to a debtor without an email address', async () => {
    const silent = await newGoodPayer(undefined);
    await announceGoodPayer(silent.deps, silent.debtor.id);
    expect(silent.sent).toEqual([]);
    expect(silent.published).toHaveLength(1);

    const noAddress = await newGoodPayer(true, '');
    await announceGoodPayer(noAddress.deps, noAddress.debtor.id);
    expect(noAddress.sent).toEqual([]);
  });

  it('reads in English for a debtor of any other language, signed by the creditor', () => {
    const email = renderGoodPayerThanks({
      language: 'de',
      debtorName: 'Müller <GmbH>',
      onTimeInRow: 12,
      creditorName: 'Groothandel Noord B.V.',
    });
    expect(email.subject).toBe('Thank you for paying on time');
    expect(email.text).toContain('You paid your last 12 invoices on time');
    expect(email.text).toContain('Credit control, Groothandel Noord B.V.');
    expect(email.html).toContain('Dear Müller &lt;GmbH&gt;,');
  });
});

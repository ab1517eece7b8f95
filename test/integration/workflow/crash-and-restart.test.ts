import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DynamoDbCreditStore } from '../../../functions/adapters/dynamodb/dynamodb-credit-store';
import { addDays } from '../../../functions/core/calendar/calendar-date';
import { DUNNING_SLOTS } from '../../../functions/core/dunning/dunning-slot';
import { startInspectingProxy } from '../../../local/http/inspecting-proxy';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, invoice, invoiceView } from './scenario';

const START = new Date('2026-03-02T05:00:00Z');

/** The timeline entry each step of the business-standard policy leaves, by slot. */
const STEP_ENTRIES: Record<string, readonly string[]> = {
  firstReminder: ['email_sent', 'step_skipped'],
  secondReminder: ['email_sent', 'step_skipped'],
  call: ['task_created', 'step_skipped'],
  accountManager: ['account_manager_notified', 'step_skipped'],
  finalNotice: ['email_sent', 'step_skipped'],
  collectionAgency: ['handed_over_to_agency', 'step_skipped'],
};

/**
 * A DynamoDB that the crash cuts off: from that moment every request of the old local cloud
 * fails, as nothing a killed process still had in hand is ever written. What reached DynamoDB
 * before stays, and the restarted local cloud reads it directly.
 */
async function cuttableDynamoDb() {
  let cut = false;
  const proxy = await startInspectingProxy({
    name: 'DynamoDB of the crashing local cloud',
    target: inject('dynamodbEndpoint'),
    intercept: () =>
      cut
        ? {
            status: 500,
            headers: { 'content-type': 'application/x-amz-json-1.0' },
            body: JSON.stringify({
              __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
              message: 'the local cloud was killed',
            }),
          }
        : undefined,
  });
  return { url: proxy.url, cut: () => (cut = true), stop: () => proxy.stop() };
}

/** Letters whose intent was recorded and whose send was not: under way when the process died. */
async function lettersBeingSent(tableName: string, debtors: readonly { id: string }[]): Promise<number> {
  const client = new DynamoDBClient({
    endpoint: inject('dynamodbEndpoint'),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const store = new DynamoDbCreditStore(client, tableName);
  let count = 0;
  for (const debtor of debtors) {
    for (const slot of ['firstReminder', 'secondReminder', 'finalNotice']) {
      count += (await store.listLetters(debtor.id, slot)).filter((l) => l.status === 'sending').length;
    }
  }
  client.destroy();
  return count;
}

describe('a crash of the local cloud in the middle of dunning', () => {
  let h: CloudHarness | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await h?.stop();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('resumes every invoice after a restart on the same data and loses no step', async () => {
    const db = await cuttableDynamoDb();
    cleanups.push(db.stop);
    const first = await startCloudHarness(START, { sesFaultProxy: true, dynamodbEndpoint: db.url });
    h = first;
    const invoices: string[] = [];
    const debtors: { id: string; email: string }[] = [];
    for (let d = 0; d < 3; d++) {
      const debtor = await businessDebtor(first);
      debtors.push(debtor);
      for (const overdue of [1, 3, 6]) {
        const dueDate = addDays('2026-03-02', -overdue - d);
        invoices.push((await invoice(first, debtor.id, { dueDate, totalAmount: 500_00 })).id);
      }
    }

    // Killed the moment SES has answered the fifth letter, before that answer reaches its function.
    let crashedAt: Date | undefined;
    first.cloud.sesFaults!.onForwarded((count) => {
      if (count !== 5) return;
      db.cut();
      crashedAt = first.cloud.clock.now();
    });
    const running = first.advanceDays(30).catch(() => undefined);
    await eventually(() => expect(crashedAt).toBeDefined(), 30_000);
    h = undefined;
    await first.stop();
    await running;
    const inFlight = await lettersBeingSent(first.cloud.tableName, debtors);

    // Same table, new processes; the sweep at start restores what the crash lost.
    h = await startCloudHarness(crashedAt!, { tableName: first.cloud.tableName, dailySweep: true });
    const restarted = h;
    for (const id of invoices) {
      await eventually(async () => {
        const view = await invoiceView(restarted, id);
        expect(view.dunning?.executionStatus).toBe('RUNNING');
      });
    }
    await restarted.advanceDays(75);

    const lettersOnFile = new Set<string>();
    for (const id of invoices) {
      const view = await invoiceView(restarted, id);
      expect(view.status, id).toBe('in_collection');
      for (const slot of DUNNING_SLOTS) {
        const entries = view.timeline.filter(
          (e) => e.details?.slot === slot && STEP_ENTRIES[slot]!.includes(e.type),
        );
        expect(entries, `${id} ${slot}`).toHaveLength(1);
      }
      for (const sent of view.timeline.filter((e) => e.type === 'email_sent')) {
        lettersOnFile.add(String(sent.details?.messageId));
      }
    }
    // The SES emulator's inbox outlives the crash (one store per process): it holds both clouds' emails.
    const addresses = new Set(debtors.map((debtor) => debtor.email));
    const emails = (await restarted.cloud.emails()).filter((e) => e.to.some((to) => addresses.has(to)));
    const resent = emails.length - lettersOnFile.size;
    process.stdout.write(
      `\ncrash and restart: ${emails.length} emails for ${lettersOnFile.size} letters: ${resent} re-sent, ` +
        `${inFlight} letters were being sent when the local cloud was killed\n`,
    );
    // Only a letter whose send was under way when the process died can go out twice, and only
    // when no SES event about it was recorded before the retry (docs/architecture.md).
    expect(resent).toBeGreaterThanOrEqual(0);
    expect(resent).toBeLessThanOrEqual(inFlight);
  }, 180_000);
});

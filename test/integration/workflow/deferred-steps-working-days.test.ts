import { afterEach, describe, expect, it } from 'vitest';
import { BUSINESS_TIME_ZONE, localDate } from '../../../functions/core/calendar/time-zone';
import { type CloudHarness, startCloudHarness } from './local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
} from './scenario';

const setSending = (h: CloudHarness, paused: boolean, reason: string) =>
  h.send('PUT', '/settings/sending', { paused, reason }, 'admin');

describe('a step that defers itself', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('retries a step deferred by a sending pause on the next working day, not on the weekend', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const { id } = await invoice(h, debtor.id, { dueDate: DUE });
    expect((await setSending(h, true, 'billing error being sorted out')).status).toBe(200);

    // The first reminder was planned for Wednesday 4 March at 09:00 and retried daily at 09:00.
    // Released on Friday at noon, after that day's try: the next tries fall on Saturday and Sunday.
    await advanceTo(h, '2026-03-06T11:00:00Z');
    expect((await setSending(h, false, 'billing error fixed')).status).toBe(200);
    await advanceTo(h, '2026-03-08T20:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(0);

    await advanceTo(h, '2026-03-09T20:00:00Z');

    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
    const sent = (await invoiceView(h, id)).timeline.filter((event) => event.type === 'email_sent');
    const days = sent.map((event) =>
      localDate(new Date((event as unknown as { at: string }).at), BUSINESS_TIME_ZONE),
    );
    expect(days).toEqual(['2026-03-09']);
  });
});

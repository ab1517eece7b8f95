import { ConcurrentModificationError, type CreditStore, type SendingSetting } from '../../ports/credit-store';
import { conflict } from '../refusal';
import { SendingPausedError } from '../steps/step-deferred';

/** What GET and PUT /settings/sending answer: the switch, and who set it, when and why. */
export interface SendingView {
  paused: boolean;
  reason: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** Before any admin touched the switch, sending runs: version 0, nothing stored. */
const NEVER_PAUSED: SendingView = { paused: false, reason: '', version: 0 };

/** GET /settings/sending. */
export async function sendingSetting(store: Pick<CreditStore, 'getSendingSetting'>): Promise<SendingView> {
  return (await store.getSendingSetting()) ?? NEVER_PAUSED;
}

/**
 * PUT /settings/sending: pauses or releases every automatic step at once. Each change is stored
 * as a new version (the previous ones are kept), so who paused, when and why stays on record.
 * Two admins switching at the same moment: the second is refused, never silently overwritten.
 */
export async function setSending(
  store: Pick<CreditStore, 'getSendingSetting' | 'putSendingSetting'>,
  input: { paused: boolean; reason: string },
  admin: string,
  now: Date,
): Promise<SendingView> {
  const stored = await store.getSendingSetting();
  const setting: SendingSetting = {
    version: (stored?.version ?? 0) + 1,
    paused: input.paused,
    reason: input.reason,
    updatedAt: now.toISOString(),
    updatedBy: admin,
  };
  try {
    await store.putSendingSetting(setting, stored?.version ?? null);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      throw conflict('The sending setting was changed by someone else meanwhile; reload it and try again.');
    }
    throw error;
  }
  return setting;
}

/**
 * Every step task asks this before it acts: while sending is paused the step is deferred to the
 * next day by the ASL's Retry (SendingPausedError, retried daily for up to a year, so a pause of
 * any length fails no execution), so nothing goes out and nothing is lost; after the release the
 * deferred steps run, and the letter of the day still holds one letter per debtor, step,
 * currency and day.
 */
export async function deferWhileSendingPaused(store: Pick<CreditStore, 'getSendingSetting'>): Promise<void> {
  const setting = await store.getSendingSetting();
  if (setting?.paused) {
    throw new SendingPausedError(`all sending is paused since ${setting.updatedAt}: ${setting.reason}`);
  }
}

import type { TextSender } from '../../ports/text-sender';
import { lazyPort } from './lazy-port';
import { smsSenderIdFromEnvironment } from './text-sender-config';

/**
 * SNS texts, which only reminders on the sms channel send: the sender id is checked at cold start,
 * SNS's client is loaded with the first text. Call at module scope.
 */
export function textSenderOnFirstUse(env: NodeJS.ProcessEnv = process.env): TextSender {
  const senderId = smsSenderIdFromEnvironment(env);
  return lazyPort(() => import('./text-sender-adapter').then(({ snsTextSender }) => snsTextSender(senderId)));
}

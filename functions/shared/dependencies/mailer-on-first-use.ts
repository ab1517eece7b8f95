import type { Mailer } from '../../ports/mailer';
import { lazyPort } from './lazy-port';
import { mailerConfigFromEnvironment } from './mailer-config';

/**
 * The mailer for a function that sends email on some paths only: the variables are checked at
 * cold start, SES's client is loaded with the first email. Call at module scope.
 */
export function mailerOnFirstUse(env: NodeJS.ProcessEnv = process.env): Mailer {
  const config = mailerConfigFromEnvironment(env);
  return lazyPort(() => import('./mailer-adapter').then(({ sesMailer }) => sesMailer(config)));
}

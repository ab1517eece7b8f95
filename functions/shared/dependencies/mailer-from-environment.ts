import type { Mailer } from '../../ports/mailer';
import { sesMailer } from './mailer-adapter';
import { mailerConfigFromEnvironment } from './mailer-config';

/** SES v2 from the verified sender; call at module scope (see ./store-from-environment.ts). */
export function mailerFromEnvironment(env: NodeJS.ProcessEnv = process.env): Mailer {
  return sesMailer(mailerConfigFromEnvironment(env));
}

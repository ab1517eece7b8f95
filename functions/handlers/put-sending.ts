import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { logger } from '../shared/observability';
import { httpHandler } from '../shared/http/http-handler';
import { setSending } from '../use-cases/settings/sending-setting';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('put-sending', async ({ body, caller }) => {
  const setting = await setSending(store, body, caller.sub, clock.now());
  // On record for the operators as well: the switch holds every letter of the portfolio.
  logger.info(setting.paused ? 'all sending paused' : 'all sending released', {
    version: setting.version,
    reason: setting.reason,
    by: setting.updatedBy,
  });
  return setting;
});

import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { setDisputeCauses } from '../use-cases/settings/dispute-causes';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('put-dispute-causes', async ({ body, caller }) =>
  setDisputeCauses(
    store,
    {
      version: body.version,
      causes: body.causes.map((entry) => ({
        cause: entry.cause,
        label: entry.label,
        ...(entry.owner ? { owner: entry.owner } : {}),
      })),
    },
    caller.sub,
    clock.now(),
  ),
);

import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { snoozeTask } from '../use-cases/worklist/snooze-task';

const deps = { store: creditStoreFromEnvironment(), clock };

export const handler = httpHandler('snooze-task', async ({ path, body, caller }) =>
  snoozeTask(deps, { taskId: path.id, until: body.until, reason: body.reason, by: caller.sub }),
);

import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { placeInSpecialManagement } from '../use-cases/special/special-management';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

export const handler = httpHandler(
  'place-in-special-management',
  async ({ path, body, caller }) =>
    new Reply(
      201,
      await placeInSpecialManagement(deps, path.id, {
        reason: body.reason,
        ...(body.note ? { note: body.note } : {}),
        by: caller.sub,
      }),
    ),
);

import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';
import { updateScoreRules } from '../use-cases/score/score-rules';
import { updateWorklistRules } from '../use-cases/worklist/worklist-rules';

const deps = { store: creditStoreFromEnvironment(), clock };

/** A manager's new version of the worklist rules, or of the score rules. */
export const handler = capabilityHandler([
  [
    routeAt('PUT', '/worklist/rules'),
    routeHandler(routeAt('PUT', '/worklist/rules'), async ({ body, caller }) =>
      updateWorklistRules(deps, body, caller.sub),
    ),
  ],
  [
    routeAt('PUT', '/settings/score-rules'),
    routeHandler(routeAt('PUT', '/settings/score-rules'), async ({ body, caller }) =>
      updateScoreRules(deps, body, caller.sub),
    ),
  ],
]);

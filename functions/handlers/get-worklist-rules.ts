import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';
import { currentScoreRules } from '../use-cases/score/score-rules';
import { currentWorklistRules } from '../use-cases/worklist/worklist-rules';

const store = readingStoreFromEnvironment();

/** The rules that order the worklist, and those of the payment score it weighs. */
export const handler = capabilityHandler([
  [
    routeAt('GET', '/worklist/rules'),
    routeHandler(routeAt('GET', '/worklist/rules'), async () => currentWorklistRules(store)),
  ],
  [
    routeAt('GET', '/settings/score-rules'),
    routeHandler(routeAt('GET', '/settings/score-rules'), async () => currentScoreRules(store)),
  ],
]);

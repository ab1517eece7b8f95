import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { planWorkflowFromEnvironment } from '../shared/dependencies/plan-workflow-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { vatReturnPeriodFromEnvironment } from '../shared/special-config';
import { bookDistribution } from '../use-cases/special/insolvency-closing';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  plans: planWorkflowFromEnvironment(),
  clock,
  referenceScheme: readCreditor().referenceScheme,
  vatPeriod: vatReturnPeriodFromEnvironment(),
};

export const handler = httpHandler('book-insolvency-distribution', async ({ path, body, caller }) => {
  const booked = await bookDistribution(deps, path.id, { ...body, by: caller.sub });
  return new Reply(booked.status === 200 ? 201 : booked.status, booked);
});

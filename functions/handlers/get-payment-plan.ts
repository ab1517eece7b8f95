import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { paymentPlan } from '../use-cases/plans/plan-queries';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('get-payment-plan', async ({ path }) => paymentPlan(store, path.id));

import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { paymentPlan } from '../use-cases/plans/plan-queries';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('get-payment-plan', async ({ path }) => paymentPlan(store, path.id));

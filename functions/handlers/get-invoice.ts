import { clock, creditStoreFromEnvironment } from '../shared/dependencies/credit-store';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/dunning-workflow';
import { httpHandler } from '../shared/http/http-handler';
import { invoiceView } from '../use-cases/queries/invoice-view';

const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

export const handler = httpHandler('get-invoice', async ({ path }) => invoiceView(deps, path.id));

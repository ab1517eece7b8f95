import { idPath } from '../api/schemas/api-schemas';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { dunningWorkflow } from '../shared/dependencies/dunning-workflow';
import { httpHandler } from '../shared/http/http-handler';
import { invoiceView } from '../use-cases/queries/invoice-view';

export const handler = httpHandler({ route: 'get-invoice', path: idPath }, async ({ path }) =>
  invoiceView({ store: creditStore(), workflow: dunningWorkflow(), clock }, path.id),
);

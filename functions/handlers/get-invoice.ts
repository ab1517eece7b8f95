import { clock, readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { readerLanguage } from '../shared/http/reader-language';
import { invoiceView } from '../use-cases/queries/invoice-view';

const deps = { store: readingStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };

export const handler = httpHandler('get-invoice', async ({ path, query, event }) =>
  invoiceView(deps, path.id, readerLanguage(query.lang, event)),
);

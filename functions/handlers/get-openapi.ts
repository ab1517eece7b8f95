import { openApiDocument } from '../api/openapi';
import { httpHandler } from '../shared/http/http-handler';

// Built once per container: the document only changes with a deployment.
const document = openApiDocument();

export const handler = httpHandler('get-openapi', async () => document);

import { openApiDocument } from '../api/openapi';
import { httpHandler } from '../shared/http/http-handler';

// Built once per container, on its first request (it loads every route's schemas): the document
// only changes with a deployment.
let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = httpHandler('get-openapi', () => (document ??= openApiDocument()));

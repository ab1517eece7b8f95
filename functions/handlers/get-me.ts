import { httpHandler } from '../shared/http/http-handler';

/** GET /me: the caller as the API sees them, so a client can show who is signed in and what they may do. */
export const handler = httpHandler('get-me', async ({ caller }) => caller);

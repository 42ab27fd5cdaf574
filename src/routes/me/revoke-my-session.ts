import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { revokeSession } from '../../identity/accounts';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, idParam } from '../common';

export const revokeMySessionRoute = createRoute({
  method: 'delete',
  path: '/v1/me/sessions/{sessionId}',
  description: 'Revokes one of the account’s sessions; it fails on its next request.',
  operationId: 'revokeMySession',
  tags: ['Accounts'],
  summary: 'End one of your sessions',
  security: authSecurity,
  request: {
    params: z.object({ sessionId: idParam('sessionId', 'session', 'The session to end.') }),
  },
  responses: {
    204: { description: 'Ended; it stops working on the next request.' },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerRevokeMySession(app: OpenAPIHono<AppEnv>) {
  app.openapi(revokeMySessionRoute, async (c) => {
    await revokeSession({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listSessions } from '../../identity/accounts';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity } from '../common';
import { SessionList } from './definitions';

export const listMySessionsRoute = createRoute({
  method: 'get',
  path: '/v1/me/sessions',
  description:
    'The account’s active sessions (device, address, last use), marking the current one. Secrets are never shown.',
  operationId: 'listMySessions',
  tags: ['Accounts'],
  summary: 'Your active sessions',
  security: authSecurity,
  responses: {
    200: {
      description: 'Active sessions, most recently used first.',
      content: { 'application/json': { schema: SessionList } },
    },
    ...problemResponses(401, 403),
  },
});

export function registerListMySessions(app: OpenAPIHono<AppEnv>) {
  app.openapi(listMySessionsRoute, async (c) =>
    c.json(SessionList.parse(await listSessions({ ctx: c.get('ctx') })), 200),
  );
}

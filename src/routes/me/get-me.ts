import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getMe } from '../../identity/accounts';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity } from '../common';
import { MeSchema } from './definitions';

export const getMeRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  description:
    'The signed-in account with its memberships: each tenant, role and, for a liaison, the agency served.',
  operationId: 'getMe',
  tags: ['Accounts'],
  summary: 'The signed-in user and their tenants',
  security: authSecurity,
  responses: {
    200: { description: 'You.', content: { 'application/json': { schema: MeSchema } } },
    ...problemResponses(401, 403),
  },
});

export function registerGetMe(app: OpenAPIHono<AppEnv>) {
  app.openapi(getMeRoute, async (c) =>
    c.json(MeSchema.parse(await getMe({ ctx: c.get('ctx') })), 200),
  );
}

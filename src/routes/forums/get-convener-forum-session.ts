import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getConvenerSession } from '../../forums/sessions';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonResponse } from '../common';
import { readErrors, SessionParams, SessionSchema } from './schemas';

export const getConvenerForumSessionRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}',
  operationId: 'getConvenerForumSession',
  tags: ['Forums'],
  summary: 'A session, as its convener sees it',
  description: 'Drafts included, minutes always.',
  security: authSecurity,
  request: { params: SessionParams },
  responses: { 200: jsonResponse('The session.', SessionSchema), ...readErrors },
});

export function registerGetConvenerForumSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(getConvenerForumSessionRoute, async (c) =>
    c.json(
      SessionSchema.parse(
        await getConvenerSession({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

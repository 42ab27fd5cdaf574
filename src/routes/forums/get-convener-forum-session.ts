import { type OpenAPIHono } from '@hono/zod-openapi';
import { getConvenerSession } from '../../forums/sessions';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { SessionParams, SessionSchema } from './schemas';
export const getConvenerForumSessionRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}',
  operationId: 'getConvenerForumSession',
  tags: ['Forums'],
  summary: 'A session, as its convener sees it',
  description: 'Drafts included, minutes always.',
  request: { params: SessionParams },
  responses: { 200: jsonResponse('The session.', SessionSchema) },
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

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getForum } from '../../forums/series';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonResponse } from '../common';
import { ForumParams, ForumSchema, readErrors } from './schemas';

export const getForumRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}',
  operationId: 'getForum',
  tags: ['Forums'],
  summary: 'A forum this tenant convenes',
  description: 'The series with all its sessions.',
  security: authSecurity,
  request: { params: ForumParams },
  responses: { 200: jsonResponse('The forum.', ForumSchema), ...readErrors },
});

export function registerGetForum(app: OpenAPIHono<AppEnv>) {
  app.openapi(getForumRoute, async (c) =>
    c.json(
      ForumSchema.parse(await getForum({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

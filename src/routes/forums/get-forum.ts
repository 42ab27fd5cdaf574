import { type OpenAPIHono } from '@hono/zod-openapi';
import { getForum } from '../../forums/series';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { ForumParams, ForumSchema } from './schemas';
export const getForumRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}',
  operationId: 'getForum',
  tags: ['Forums'],
  summary: 'A forum this tenant convenes',
  description: 'The series with all its sessions.',
  request: { params: ForumParams },
  responses: { 200: jsonResponse('The forum.', ForumSchema) },
});

export function registerGetForum(app: OpenAPIHono<AppEnv>) {
  app.openapi(getForumRoute, async (c) =>
    c.json(
      ForumSchema.parse(await getForum({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

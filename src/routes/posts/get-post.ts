import { type OpenAPIHono } from '@hono/zod-openapi';
import { getPost } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { PostParams, PostSchema } from '../discussion/schemas';
import { tenantRead } from '../tenant-route';
export const getPostRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/posts/{postId}',
  operationId: 'getPost',
  tags: ['Discussion'],
  summary: 'A post',
  description:
    'As the tenant reads it on its boards; a post on a board it may not read answers 404.',
  request: { params: PostParams },
  responses: { 200: jsonResponse('The post.', PostSchema) },
});

export function registerGetPost(app: OpenAPIHono<AppEnv>) {
  app.openapi(getPostRoute, async (c) =>
    c.json(
      PostSchema.parse(await getPost({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

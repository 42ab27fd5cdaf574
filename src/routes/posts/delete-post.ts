import { type OpenAPIHono } from '@hono/zod-openapi';
import { deletePost } from '../../discussion/posts';
import type { AppEnv } from '../../platform/context';
import { PostParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const deletePostRoute = tenantWrite({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/posts/{postId}',
  operationId: 'deletePost',
  tags: ['Discussion'],
  summary: 'Delete your post (a tombstone keeps the thread readable)',
  description:
    'Only its author. Its text and history are removed; replies quoting it keep their place.',
  request: { params: PostParams },
  responses: { 204: { description: 'Deleted.' } },
});

export function registerDeletePost(app: OpenAPIHono<AppEnv>) {
  app.openapi(deletePostRoute, async (c) => {
    await deletePost({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

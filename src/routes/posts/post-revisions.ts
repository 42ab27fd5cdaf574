import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { postRevisionsOf } from '../../discussion/posts';
import type { AppEnv } from '../../platform/context';
import { jsonResponse, Timestamp } from '../common';
import { PostParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const PostRevisions = z
  .object({
    data: z.array(z.object({ version: z.number().int(), body: z.string(), createdAt: Timestamp })),
  })
  .openapi('PostRevisions');

export const postRevisionsRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/posts/{postId}/revisions',
  operationId: 'postRevisions',
  tags: ['Discussion'],
  summary: 'A post’s earlier texts, oldest first',
  description:
    'For whoever may read the post; none for a hidden post (except to its author) or a deleted one.',
  request: { params: PostParams },
  responses: { 200: jsonResponse('The history.', PostRevisions) },
});

export function registerPostRevisions(app: OpenAPIHono<AppEnv>) {
  app.openapi(postRevisionsRoute, async (c) =>
    c.json(
      PostRevisions.parse(
        await postRevisionsOf({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

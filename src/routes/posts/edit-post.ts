import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { readerOf } from '../../discussion/access';
import { editPost } from '../../discussion/posts';
import { postById } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { Attachments, Body, PostParams, PostSchema, postingLimited } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const EditPostRequest = z
  .object({ body: Body, attachments: Attachments })
  .strict()
  .openapi('EditPostRequest');

export const editPostRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/posts/{postId}',
  operationId: 'editPost',
  tags: ['Discussion'],
  summary: 'Edit your post (the earlier text is kept)',
  description:
    'Only its author (403 for anyone else). The earlier text joins the post’s history (`…/revisions`); `version` rises.',
  request: { params: PostParams, body: jsonBody(EditPostRequest) },
  responses: { 200: jsonResponse('The post.', PostSchema), ...postingLimited },
});

export function registerEditPost(app: OpenAPIHono<AppEnv>) {
  app.openapi(editPostRoute, async (c) => {
    const ctx = c.get('ctx');
    const input = { ...c.req.valid('param'), ...c.req.valid('json') };
    await editPost({ ctx, input });
    const reader = await readerOf(ctx, input.tenantId, 'discussion.read');
    return c.json(PostSchema.parse(await postById(ctx, reader, input.postId)), 200);
  });
}

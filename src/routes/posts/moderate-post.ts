import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { readerOf } from '../../discussion/access';
import { moderatePost } from '../../discussion/moderation';
import { postById } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { PostParams, PostSchema } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const ModeratePostRequest = z
  .object({
    action: z.enum(['hide', 'unhide']),
    reason: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .openapi({ description: 'Why: required to hide; the author sees it.' }),
  })
  .strict()
  .openapi('ModeratePostRequest');

export const moderatePostRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/posts/{postId}/moderation',
  operationId: 'moderatePost',
  tags: ['Discussion'],
  summary: 'Hide a post with a reason, or show it again (moderators)',
  description:
    'The board’s moderators: the convener’s admins for a session board, the province’s admins for its board, platform admins everywhere (403 for others). Hiding closes the post’s open reports. Audited.',
  request: { params: PostParams, body: jsonBody(ModeratePostRequest) },
  responses: { 200: jsonResponse('The post as the moderator sees it.', PostSchema) },
});

export function registerModeratePost(app: OpenAPIHono<AppEnv>) {
  app.openapi(moderatePostRoute, async (c) => {
    const ctx = c.get('ctx');
    const input = { ...c.req.valid('param'), ...c.req.valid('json') };
    await moderatePost({ ctx, input });
    const reader = await readerOf(ctx, input.tenantId, 'discussion.read');
    return c.json(PostSchema.parse(await postById(ctx, reader, input.postId)), 200);
  });
}

import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { readerOf } from '../../discussion/access';
import { replyToThread } from '../../discussion/posts';
import { postById } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody } from '../common';
import { Attachments, Body, PostSchema, postingLimited, ThreadParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const ReplyRequest = z
  .object({
    body: Body,
    quotePostId: z.string().max(40).optional().openapi({
      description: 'A visible post of this thread that the reply quotes (its author is notified).',
    }),
    attachments: Attachments,
  })
  .strict()
  .openapi('ReplyRequest');

export const replyToThreadRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/threads/{threadId}/posts',
  operationId: 'replyToThread',
  tags: ['Discussion'],
  summary: 'Reply in a thread',
  description:
    'Notifies (by email, and for the digests) the thread’s author, the quoted post’s author, those following the thread or board, and those mentioned who may read it. A locked thread answers 409; limits as for a new thread.',
  request: { params: ThreadParams, body: jsonBody(ReplyRequest) },
  responses: {
    201: createdResponse('The post.', PostSchema),
    ...postingLimited,
  },
});

export function registerReplyToThread(app: OpenAPIHono<AppEnv>) {
  app.openapi(replyToThreadRoute, async (c) => {
    const ctx = c.get('ctx');
    const input = { ...c.req.valid('param'), ...c.req.valid('json') };
    const postId = await replyToThread({ ctx, input });
    const reader = await readerOf(ctx, input.tenantId, 'discussion.read');
    c.header('Location', `/v1/tenants/${input.tenantId}/posts/${postId}`);
    return c.json(PostSchema.parse(await postById(ctx, reader, postId)), 201);
  });
}

import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { moderateThread } from '../../discussion/moderation';
import { getThread } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse } from '../common';
import { ThreadPage, ThreadParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const ModerateThreadRequest = z
  .object({
    action: z.enum(['pin', 'unpin', 'lock', 'unlock', 'move']),
    boardId: idParam('boardId', 'board', 'For `move`: the board it moves to.').optional(),
  })
  .strict()
  .openapi('ModerateThreadRequest');

export const moderateThreadRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/threads/{threadId}/moderation',
  operationId: 'moderateThread',
  tags: ['Discussion'],
  summary: 'Pin, lock or move a thread (moderators)',
  description:
    'A locked thread takes no replies. A thread moves only between open boards the moderator moderates, never into or out of a private conversation. Audited.',
  request: { params: ThreadParams, body: jsonBody(ModerateThreadRequest) },
  responses: { 200: jsonResponse('The thread.', ThreadPage) },
});

export function registerModerateThread(app: OpenAPIHono<AppEnv>) {
  app.openapi(moderateThreadRoute, async (c) => {
    const ctx = c.get('ctx');
    const input = { ...c.req.valid('param'), ...c.req.valid('json') };
    await moderateThread({ ctx, input });
    return c.json(
      ThreadPage.parse(
        await getThread({
          ctx,
          input: { tenantId: input.tenantId, threadId: input.threadId, limit: 20 },
        }),
      ),
      200,
    );
  });
}

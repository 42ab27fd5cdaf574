import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createThread } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody, Name } from '../common';
import { Attachments, BoardParams, Body, postingLimited, ThreadPage } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const CreateThreadRequest = z
  .object({
    title: Name(200),
    body: Body,
    issues: z
      .array(z.string().max(60))
      .max(9)
      .optional()
      .openapi({ description: 'Strategic issues it is about (tags).' }),
    affairs: z
      .array(z.string().max(60))
      .max(32)
      .optional()
      .openapi({ description: 'Government affairs it is about (tags).' }),
    attachments: Attachments,
  })
  .strict()
  .openapi('CreateThreadRequest');

export const createThreadRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/boards/{boardId}/threads',
  operationId: 'createThread',
  tags: ['Discussion'],
  summary: 'Open a thread with its first post',
  description:
    'As a member of this tenant, where it may write (403 otherwise; 403 naming the time and reason when muted). Posting is rate-limited per user (429); accounts younger than 7 days may carry at most 2 links per post. You follow the thread from then on.',
  request: { params: BoardParams, body: jsonBody(CreateThreadRequest) },
  responses: {
    201: createdResponse('The thread.', ThreadPage),
    ...postingLimited,
  },
});

export function registerCreateThread(app: OpenAPIHono<AppEnv>) {
  app.openapi(createThreadRoute, async (c) => {
    const p = c.req.valid('param');
    const created = ThreadPage.parse(
      await createThread({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/threads/${created.thread.id}`);
    return c.json(created, 201);
  });
}

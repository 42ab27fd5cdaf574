import { type OpenAPIHono } from '@hono/zod-openapi';
import { getThread } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { PageQuery, ThreadPage, ThreadParams } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const getThreadRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/threads/{threadId}',
  operationId: 'getThread',
  tags: ['Discussion'],
  summary: 'A thread and a page of its posts, oldest first',
  description:
    'Deleted posts stay as tombstones; a hidden post shows its text and the reason only to its author and the moderators. Reading does not move your last-read marker (`PUT …/read` does).',
  request: { params: ThreadParams, query: PageQuery },
  responses: { 200: jsonResponse('The thread.', ThreadPage) },
});

export function registerGetThread(app: OpenAPIHono<AppEnv>) {
  app.openapi(getThreadRoute, async (c) =>
    c.json(
      ThreadPage.parse(
        await getThread({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

import { type OpenAPIHono } from '@hono/zod-openapi';
import { listThreads } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { BoardParams, PageQuery, ThreadList } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const listThreadsRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/boards/{boardId}/threads',
  operationId: 'listThreads',
  tags: ['Discussion'],
  summary: 'A board’s threads: pinned first, then by last activity',
  description:
    'With each thread’s unread count and your last-read marker, whether you may write here and whether you moderate. A board this tenant may not read answers 404.',
  request: { params: BoardParams, query: PageQuery },
  responses: { 200: jsonResponse('A page of threads.', ThreadList) },
});

export function registerListThreads(app: OpenAPIHono<AppEnv>) {
  app.openapi(listThreadsRoute, async (c) =>
    c.json(
      ThreadList.parse(
        await listThreads({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

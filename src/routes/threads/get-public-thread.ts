import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getThread } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { PageQuery, PublicThreadParams, publicErrors, ThreadPage } from '../discussion/schemas';

export const getPublicThreadRoute = createRoute({
  method: 'get',
  path: '/v1/threads/{threadId}',
  operationId: 'getPublicThread',
  tags: ['Discussion'],
  summary: 'A thread of a public board',
  description: 'Hidden posts show only that they were hidden; deleted ones are tombstones.',
  security: [],
  request: { params: PublicThreadParams, query: PageQuery },
  responses: { 200: jsonResponse('The thread.', ThreadPage), ...publicErrors },
});

export function registerGetPublicThread(app: OpenAPIHono<AppEnv>) {
  app.openapi(getPublicThreadRoute, async (c) =>
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

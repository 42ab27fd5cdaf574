import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listThreads } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { PageQuery, PublicBoardParams, publicErrors, ThreadList } from '../discussion/schemas';

export const listPublicThreadsRoute = createRoute({
  method: 'get',
  path: '/v1/boards/{boardId}/threads',
  operationId: 'listPublicThreads',
  tags: ['Discussion'],
  summary: 'A public board’s threads',
  description: 'Any other board answers 404.',
  security: [],
  request: { params: PublicBoardParams, query: PageQuery },
  responses: { 200: jsonResponse('A page of threads.', ThreadList), ...publicErrors },
});

export function registerListPublicThreads(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPublicThreadsRoute, async (c) =>
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

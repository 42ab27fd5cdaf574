import { type OpenAPIHono } from '@hono/zod-openapi';
import { listBoards } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { BoardPage, BoardsQuery } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const listBoardsRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/boards',
  operationId: 'listBoards',
  tags: ['Discussion'],
  summary: 'The boards this tenant may read, most recently active first',
  description:
    'The national boards per strategic issue, its province’s board, the boards of forum sessions it convenes or takes part in, and the private conversations of its interests, proposals and agreements — each with the number of threads holding posts you have not read.',
  request: { query: BoardsQuery },
  responses: { 200: jsonResponse('A page of boards.', BoardPage) },
});

export function registerListBoards(app: OpenAPIHono<AppEnv>) {
  app.openapi(listBoardsRoute, async (c) =>
    c.json(
      BoardPage.parse(
        await listBoards({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

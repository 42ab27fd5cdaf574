import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listBoards } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { BoardPage, BoardsQuery, publicErrors } from '../discussion/schemas';

/** What everyone reads without signing in: the national boards and the session boards their conveners opened. */
export const listPublicBoardsRoute = createRoute({
  method: 'get',
  path: '/v1/boards',
  operationId: 'listPublicBoards',
  tags: ['Discussion'],
  summary: 'The public boards',
  description:
    'The national boards per strategic issue and the forum session boards opened to the public.',
  security: [],
  request: { query: BoardsQuery },
  responses: { 200: jsonResponse('A page of boards.', BoardPage), ...publicErrors },
});

export function registerListPublicBoards(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPublicBoardsRoute, async (c) =>
    c.json(
      BoardPage.parse(await listBoards({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
}

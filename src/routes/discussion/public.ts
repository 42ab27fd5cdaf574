import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { searchDiscussion } from '../../discussion/search';
import { getThread, listBoards, listThreads } from '../../discussion/threads';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import {
  BoardPage,
  BoardsQuery,
  PageQuery,
  PublicBoardParams,
  publicErrors,
  PublicThreadParams,
  SearchQuery,
  SearchResults,
  ThreadList,
  ThreadPage,
} from './schemas';

/** What everyone reads without signing in: the national boards and the session boards their conveners opened. */
export const publicBoardsRoute = createRoute({
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
export const publicThreadsRoute = createRoute({
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
export const publicThreadRoute = createRoute({
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
export const publicSearchRoute = createRoute({
  method: 'get',
  path: '/v1/discussion-search',
  operationId: 'searchPublicDiscussion',
  tags: ['Discussion'],
  summary: 'Search the public boards',
  description: 'Full text in Indonesian over the visible posts of public boards only.',
  security: [],
  request: { query: SearchQuery },
  responses: { 200: jsonResponse('Matching posts.', SearchResults), ...publicErrors },
});

export function registerPublicDiscussion(app: OpenAPIHono<AppEnv>) {
  app.openapi(publicBoardsRoute, async (c) =>
    c.json(
      BoardPage.parse(await listBoards({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
  app.openapi(publicThreadsRoute, async (c) =>
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
  app.openapi(publicThreadRoute, async (c) =>
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
  app.openapi(publicSearchRoute, async (c) =>
    c.json(
      SearchResults.parse(
        await searchDiscussion({ ctx: c.get('ctx'), input: c.req.valid('query') }),
      ),
      200,
    ),
  );
}

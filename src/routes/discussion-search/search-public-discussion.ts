import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { searchDiscussion } from '../../discussion/search';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { publicErrors, SearchQuery, SearchResults } from '../discussion/schemas';

export const searchPublicDiscussionRoute = createRoute({
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

export function registerSearchPublicDiscussion(app: OpenAPIHono<AppEnv>) {
  app.openapi(searchPublicDiscussionRoute, async (c) =>
    c.json(
      SearchResults.parse(
        await searchDiscussion({ ctx: c.get('ctx'), input: c.req.valid('query') }),
      ),
      200,
    ),
  );
}

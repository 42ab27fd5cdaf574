import { type OpenAPIHono } from '@hono/zod-openapi';
import { searchDiscussion } from '../../discussion/search';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { SearchQuery, SearchResults } from '../discussion/schemas';
import { tenantWrite } from '../tenant-route';
export const searchDiscussionRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/discussion-search',
  operationId: 'searchDiscussion',
  tags: ['Discussion'],
  summary: 'Search the posts this tenant may read',
  description:
    'Full text in Indonesian over visible posts of the boards this tenant may read — a private conversation only by its parties; newest first.',
  request: { query: SearchQuery },
  responses: { 200: jsonResponse('Matching posts.', SearchResults) },
});

export function registerSearchDiscussion(app: OpenAPIHono<AppEnv>) {
  app.openapi(searchDiscussionRoute, async (c) =>
    c.json(
      SearchResults.parse(
        await searchDiscussion({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

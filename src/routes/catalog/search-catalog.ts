import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { searchCatalog } from '../../potentials/catalog';
import { jsonResponse } from '../common';
import { PageSchema, SearchQuery } from './definitions';

export const searchCatalogRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/potentials',
  description:
    'Published, unexpired potentials of every region. Public. Full-text search in Indonesian (`q`), filters, sorts and cursor pagination; totals count every match (a text search counts up to 200).',
  operationId: 'searchCatalog',
  tags: ['Catalogue'],
  summary: 'Search published cooperation potentials',
  security: [],
  request: { query: SearchQuery },
  responses: {
    200: jsonResponse('A page of published potentials.', PageSchema),
    ...problemResponses(400),
  },
});

export function registerSearchCatalog(app: OpenAPIHono<AppEnv>) {
  app.openapi(searchCatalogRoute, async (c) =>
    c.json(
      PageSchema.parse(await searchCatalog({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
}

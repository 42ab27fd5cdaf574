import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { catalogFacets } from '../../potentials/facets';
import { jsonResponse } from '../common';
import { FacetsSchema, FilterQuery } from './definitions';

export const catalogFacetsRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/potentials/facets',
  operationId: 'catalogFacets',
  tags: ['Catalogue'],
  summary: 'Counts per filter value',
  description:
    'The same filters as the search; answers how many potentials match each value of each filter, e.g. "Pariwisata (42)".',
  security: [],
  request: { query: FilterQuery },
  responses: { 200: jsonResponse('Facet counts.', FacetsSchema), ...problemResponses(400) },
});

export function registerCatalogFacets(app: OpenAPIHono<AppEnv>) {
  app.openapi(catalogFacetsRoute, async (c) =>
    c.json(
      FacetsSchema.parse(await catalogFacets({ ctx: c.get('ctx'), input: c.req.valid('query') })),
      200,
    ),
  );
}

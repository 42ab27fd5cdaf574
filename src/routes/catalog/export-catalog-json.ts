import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { EXPORT_COLUMNS, exportCatalog } from '../../potentials/export';
import { jsonResponse } from '../common';
import { FilterQuery } from './definitions';

export const CatalogExportResponse = z.object({
  columns: z.array(z.string()),
  data: z.array(z.record(z.string(), z.unknown())),
});

export const exportCatalogJsonRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/export.json',
  description:
    'The whole public catalogue as JSON with documented, stable fields (open data). Public.',
  operationId: 'exportCatalogJson',
  tags: ['Catalogue'],
  summary: 'Open data: the catalogue as JSON',
  security: [],
  request: { query: FilterQuery },
  responses: {
    200: jsonResponse('The same columns as the CSV.', CatalogExportResponse),
    ...problemResponses(400),
  },
});

export function registerExportCatalogJson(app: OpenAPIHono<AppEnv>) {
  app.openapi(exportCatalogJsonRoute, async (c) =>
    c.json(
      CatalogExportResponse.parse({
        columns: [...EXPORT_COLUMNS],
        data: await exportCatalog({ ctx: c.get('ctx'), input: c.req.valid('query') }),
      }),
      200,
    ),
  );
}

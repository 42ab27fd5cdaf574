import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { EXPORT_COLUMNS, exportCatalog, toCsv } from '../../potentials/export';
import { FilterQuery } from './definitions';

export const exportCatalogCsvRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/export.csv',
  operationId: 'exportCatalogCsv',
  tags: ['Catalogue'],
  summary: 'Open data: the catalogue as CSV',
  description: `Stable columns: ${EXPORT_COLUMNS.join(', ')}. Lists are joined with |.`,
  security: [],
  request: { query: FilterQuery },
  responses: {
    200: { description: 'CSV (RFC 4180, UTF-8).', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(400),
  },
});

export function registerExportCatalogCsv(app: OpenAPIHono<AppEnv>) {
  app.openapi(exportCatalogCsvRoute, async (c) => {
    const rows = await exportCatalog({ ctx: c.get('ctx'), input: c.req.valid('query') });
    return c.body(toCsv(rows, EXPORT_COLUMNS), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="sinergi-katalog.csv"',
    });
  });
}

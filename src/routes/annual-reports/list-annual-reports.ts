import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { listAnnualReports } from '../../reports/annual';
import { jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { AnnualReport } from './schemas';
export const AnnualReportList = z
  .object({ data: z.array(AnnualReport) })
  .openapi('AnnualReportList');

export const listAnnualReportsRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/annual-reports',
  operationId: 'listAnnualReports',
  tags: ['Reports'],
  summary: 'The region’s own annual reports, every version',
  description:
    'Every report the region submitted, newest year and version first, each as it was frozen at submission, with its review.',
  responses: { 200: jsonResponse('Newest first.', AnnualReportList) },
});

export function registerListAnnualReports(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAnnualReportsRoute, async (c) =>
    c.json(
      AnnualReportList.parse(
        await listAnnualReports({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { getAnnualReport } from '../../reports/annual';
import { tenantRead } from '../tenant-route';
import { AnnualReport, ok, ReportParams } from './schemas';

export const getAnnualReportRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/annual-reports/{reportId}',
  operationId: 'getAnnualReport',
  tags: ['Reports'],
  summary: 'An annual report, as it was submitted',
  description:
    'Read by the region that submitted it, or by the province it reports to; anyone else gets 404.',
  request: { params: ReportParams },
  responses: ok('The report.'),
});

export function registerGetAnnualReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(getAnnualReportRoute, async (c) =>
    c.json(
      AnnualReport.parse(await getAnnualReport({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

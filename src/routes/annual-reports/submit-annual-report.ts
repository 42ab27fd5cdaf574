import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { submitAnnualReport } from '../../reports/annual';
import { createdResponse, jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { AnnualReport, Year } from './schemas';
export const SubmitAnnualReportRequest = z
  .object({ year: Year })
  .strict()
  .openapi('SubmitAnnualReportRequest');

export const submitAnnualReportRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/annual-reports',
  operationId: 'submitAnnualReport',
  tags: ['Reports'],
  summary: 'Submit the year’s annual report (frozen from now on)',
  description:
    'A kabupaten/kota submits to its province (its admins are emailed); a province forwards its consolidated report, listing who has not reported, to the Ministry. ' +
    'By the region’s admin or head. One current report per year: again only after the province returned it (409 otherwise); only autonomous regions report.',
  request: { body: jsonBody(SubmitAnnualReportRequest) },
  responses: {
    201: createdResponse('The submitted report.', AnnualReport),
  },
});

export function registerSubmitAnnualReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(submitAnnualReportRoute, async (c) => {
    const p = c.req.valid('param');
    const created = AnnualReport.parse(
      await submitAnnualReport({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/annual-reports/${created.id}`);
    return c.json(created, 201);
  });
}

import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { submitAnnualReport } from '../../reports/annual';
import { createdResponse, jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { AnnualReport, Year } from './schemas';
export const SubmitAnnualReportRequest = z
  .object({
    year: Year,
    interim: z.boolean().optional().openapi({
      description:
        'An interim report (laporan sementara) on the current year, clearly marked and superseded by the final one; the current year without it answers 409, a finished year with it 400.',
    }),
  })
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
    'By the region’s admin or head. A report covers a finished year (the current one only as `interim`). One current report per year: again only after the province returned it, after an interim one, or after a forwarded one went stale (409 otherwise); only autonomous regions report. A province forwards only once every submitted kabupaten/kota report is reviewed (409 naming them).',
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

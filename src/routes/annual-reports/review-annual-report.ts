import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { reviewAnnualReport } from '../../reports/annual';
import { jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { AnnualReport, ok, ReportParams } from './schemas';

export const ReviewAnnualReportRequest = z
  .object({
    decision: z.enum(['accept', 'return']),
    note: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .openapi({ description: 'What needs correcting: required when returning.' }),
  })
  .strict()
  .openapi('ReviewAnnualReportRequest');

export const reviewAnnualReportRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/annual-reports/{reportId}/review',
  operationId: 'reviewAnnualReport',
  tags: ['Reports'],
  summary: 'The province accepts or returns a kabupaten/kota’s report',
  description:
    'By the province’s admin or head, on a submitted report of one of its kabupaten/kota (another’s is 404; one already reviewed is 409). The region’s admins are emailed.',
  request: { params: ReportParams, body: jsonBody(ReviewAnnualReportRequest) },
  responses: ok('The reviewed report.'),
});

export function registerReviewAnnualReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(reviewAnnualReportRoute, async (c) =>
    c.json(
      AnnualReport.parse(
        await reviewAnnualReport({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

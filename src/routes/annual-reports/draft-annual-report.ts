import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { draftAnnualReport } from '../../reports/annual';
import { jsonResponse, TenantParams } from '../common';
import { tenantWrite } from '../tenant-route';
import { ReportContent, Year } from './schemas';
export const AnnualReportDraft = ReportContent.extend({ year: z.number().int() }).openapi(
  'AnnualReportDraft',
  { description: 'What the report would say now: generated, not stored.' },
);

export const draftAnnualReportRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/annual-report-drafts/{year}',
  operationId: 'draftAnnualReport',
  tags: ['Reports'],
  summary: 'What the year’s annual report would say now (not stored)',
  description:
    'Generated from the data: the mapping with its Berita Acara and SK, agreements by stage, evaluations, forums held; for a province also each kabupaten/kota’s report status.',
  request: { params: TenantParams.extend({ year: Year }) },
  responses: { 200: jsonResponse('The draft.', AnnualReportDraft) },
});

export function registerDraftAnnualReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(draftAnnualReportRoute, async (c) =>
    c.json(
      AnnualReportDraft.parse(
        await draftAnnualReport({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

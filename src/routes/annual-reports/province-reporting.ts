import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { provinceReporting } from '../../reports/annual';
import { jsonResponse, NullableTimestamp, TenantParams } from '../common';
import { tenantWrite } from '../tenant-route';
import { RegionReporting, Year } from './schemas';
export const ProvinceReporting = z
  .object({
    provinceCode: z.string(),
    year: z.number().int(),
    forwarded: z
      .object({
        id: z.string(),
        submittedAt: NullableTimestamp,
        stale: z.boolean().openapi({
          description:
            'A kabupaten/kota report changed after it was forwarded: submit a new version.',
        }),
      })
      .nullable()
      .openapi({ description: 'The province’s consolidated report, once forwarded.' }),
    data: z.array(RegionReporting),
    summary: z.object({
      regions: z.number().int(),
      reported: z.number().int(),
      accepted: z.number().int(),
      returned: z.number().int(),
      notReported: z.number().int(),
    }),
  })
  .openapi('ProvinceReporting');

export const provinceReportingRoute = tenantWrite({
  method: 'get',
  path: '/v1/tenants/{tenantId}/annual-reporting/{year}',
  operationId: 'provinceReporting',
  tags: ['Reports'],
  summary: 'For a province: which kabupaten/kota have reported for the year',
  description:
    'Each autonomous kabupaten/kota with its latest report’s status (`not_reported` when none), and the province’s own consolidated report once forwarded. Another tenant than a province gets 404.',
  request: { params: TenantParams.extend({ year: Year }) },
  responses: {
    200: jsonResponse('Each kabupaten/kota’s latest report.', ProvinceReporting),
  },
});

export function registerProvinceReporting(app: OpenAPIHono<AppEnv>) {
  app.openapi(provinceReportingRoute, async (c) =>
    c.json(
      ProvinceReporting.parse(
        await provinceReporting({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

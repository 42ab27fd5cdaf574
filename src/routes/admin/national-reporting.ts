import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { nationalReporting } from '../../reports/annual';
import { Year } from '../annual-reports/schemas';
import { authSecurity, jsonResponse, NullableTimestamp } from '../common';

export const NationalReporting = z
  .object({
    year: z.number().int(),
    data: z.array(
      z.object({
        provinceCode: z.string(),
        name: z.string(),
        forwarded: z.boolean(),
        forwardedAt: NullableTimestamp,
        regions: z.number().int(),
        reported: z.number().int(),
        accepted: z.number().int(),
        notReported: z.number().int(),
      }),
    ),
    summary: z.object({
      provinces: z.number().int(),
      forwarded: z.number().int(),
      regions: z.number().int(),
      reported: z.number().int(),
      accepted: z.number().int(),
      notReported: z.number().int(),
    }),
  })
  .openapi('NationalReporting');

export const nationalReportingRoute = createRoute({
  method: 'get',
  path: '/v1/admin/annual-reports/{year}',
  operationId: 'nationalReporting',
  tags: ['Platform admin'],
  summary: 'The national picture of annual reports, per province',
  description:
    'For the platform admin (standing for the Ministry): per province, whether it forwarded its consolidated report, and how many of its kabupaten/kota have reported, been accepted, or not reported.',
  security: authSecurity,
  request: { params: z.object({ year: Year }) },
  responses: {
    200: jsonResponse('Per province.', NationalReporting),
    ...problemResponses(400, 401, 403),
  },
});

export function registerNationalReporting(app: OpenAPIHono<AppEnv>) {
  app.openapi(nationalReportingRoute, async (c) =>
    c.json(
      NationalReporting.parse(
        await nationalReporting({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

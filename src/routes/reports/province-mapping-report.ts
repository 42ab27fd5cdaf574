import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { provinceReport } from '../../reports/mapping';
import { jsonResponse, RegionKind } from '../common';
import { Counts } from '../potentials/definitions';
import { tenantRead } from '../tenant-route';
export const ProvinceMappingReportResponse = z.object({
  provinceCode: z.string(),
  forumsHeldByProvince: z.number().int().openapi({
    description: 'Forum sessions the province itself convened and held this year.',
  }),
  year: z.number().int(),
  data: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      provinceCode: z.string(),
      kind: RegionKind,
      autonomous: z.boolean(),
      tenantId: z.string(),
      claimed: z.boolean(),
      mappedThisYear: z.boolean().openapi({
        description:
          'The head’s SK established potentials this year (a round merely opened does not count).',
      }),
      forumsHeld: z.number().int().openapi({
        description: 'Forum sessions the region convened and held this year.',
      }),
      potentials: Counts,
    }),
  ),
  summary: z.object({
    regions: z.number().int(),
    claimed: z.number().int(),
    mappedThisYear: z.number().int(),
    forumsHeld: z.number().int(),
    published: z.number().int(),
  }),
});

export const provinceMappingReportRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/reports/mapping',
  operationId: 'provinceMappingReport',
  tags: ['Reports'],
  summary: 'A province’s view of its kabupaten/kota',
  description:
    'For each kabupaten/kota: claimed or not, mapped this year or not (the head’s SK established potentials this year), potentials in each state, forum sessions held.',
  responses: {
    200: jsonResponse('The report.', ProvinceMappingReportResponse),
  },
});

export function registerProvinceMappingReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(provinceMappingReportRoute, async (c) =>
    c.json(
      ProvinceMappingReportResponse.parse(
        await provinceReport({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

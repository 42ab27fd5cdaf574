import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { nationalReport } from '../../reports/mapping';
import { authSecurity, jsonResponse } from '../common';

export const NationalMappingReport = z
  .object({
    year: z.number().int(),
    data: z.array(
      z.object({
        provinceCode: z.string(),
        name: z.string(),
        regions: z.number().int(),
        claimed: z.number().int(),
        mappedThisYear: z.number().int(),
        forumsHeld: z.number().int().openapi({
          description: 'Forum sessions held this year, by the province and its kabupaten/kota.',
        }),
        potentials: z.record(z.string(), z.number().int()),
      }),
    ),
    summary: z.object({
      regions: z.number().int(),
      mappedThisYear: z.number().int(),
      published: z.number().int(),
      forumsHeld: z.number().int(),
    }),
  })
  .openapi('NationalMappingReport');

export const nationalMappingReportRoute = createRoute({
  method: 'get',
  path: '/v1/admin/reports/mapping',
  description:
    'For the platform admin: mapping in each of the 38 provinces (claimed regions, rounds this year, potentials per state).',
  operationId: 'nationalMappingReport',
  tags: ['Platform admin'],
  summary: 'The national picture of mapping, per province',
  security: authSecurity,
  responses: {
    200: jsonResponse(
      'Per province: regions, claimed, mapped this year, potentials by state.',
      NationalMappingReport,
    ),
    ...problemResponses(401, 403),
  },
});

export function registerNationalMappingReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(nationalMappingReportRoute, async (c) =>
    c.json(NationalMappingReport.parse(await nationalReport({ ctx: c.get('ctx') })), 200),
  );
}

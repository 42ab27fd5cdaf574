import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAgencies } from '../../identity/agencies';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { AgencySchema } from '../tenants/definitions';
export const AgencyListResponse = z.object({
  data: z.array(AgencySchema),
  requiredLiaisons: z.number().int(),
  agenciesNeedingLiaisons: z.number().int(),
});

export const listAgenciesRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/agencies',
  description:
    'The region’s agencies (OPD) with their liaison officers (PPKSD), flagged when an agency has fewer than the two it needs.',
  operationId: 'listAgencies',
  tags: ['Agencies'],
  summary: 'List a region’s agencies (OPD) and their liaisons',
  responses: {
    200: jsonResponse('Agencies, flagged when short of liaisons.', AgencyListResponse),
  },
});

export function registerListAgencies(app: OpenAPIHono<AppEnv>) {
  app.openapi(listAgenciesRoute, async (c) =>
    c.json(
      AgencyListResponse.parse(
        await listAgencies({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

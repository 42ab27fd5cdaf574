import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateAgency } from '../../identity/agencies';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { AgencyParams, UpdateAgencyBody } from '../tenants/definitions';
export const AgencyResponse = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
});

export const updateAgencyRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/agencies/{agencyId}',
  description: 'Renames an agency or changes its short name.',
  operationId: 'updateAgency',
  tags: ['Agencies'],
  summary: 'Rename an agency',
  request: { params: AgencyParams, body: jsonBody(UpdateAgencyBody) },
  responses: {
    200: jsonResponse('The agency.', AgencyResponse),
  },
});

export function registerUpdateAgency(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateAgencyRoute, async (c) =>
    c.json(
      AgencyResponse.parse(
        await updateAgency({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

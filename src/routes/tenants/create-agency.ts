import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createAgency } from '../../identity/agencies';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonBody, jsonResponse, TenantParams } from '../common';
import { writeErrors, AgencySchema, CreateAgencyBody } from './definitions';

export const createAgencyRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agencies',
  description: 'Adds an agency (OPD) of the region. Names are unique within the region.',
  operationId: 'createAgency',
  tags: ['Agencies'],
  summary: 'Add an agency (OPD)',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(CreateAgencyBody) },
  responses: { 201: jsonResponse('The agency.', AgencySchema), ...writeErrors },
});

export function registerCreateAgency(app: OpenAPIHono<AppEnv>) {
  app.openapi(createAgencyRoute, async (c) =>
    c.json(
      AgencySchema.parse(
        await createAgency({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
}

import { type OpenAPIHono } from '@hono/zod-openapi';
import { createAgency } from '../../identity/agencies';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { AgencySchema, CreateAgencyBody } from '../tenants/definitions';
export const createAgencyRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/agencies',
  description: 'Adds an agency (OPD) of the region. Names are unique within the region.',
  operationId: 'createAgency',
  tags: ['Agencies'],
  summary: 'Add an agency (OPD)',
  request: { body: jsonBody(CreateAgencyBody) },
  responses: { 201: createdResponse('The agency.', AgencySchema) },
});

export function registerCreateAgency(app: OpenAPIHono<AppEnv>) {
  app.openapi(createAgencyRoute, async (c) => {
    const p = c.req.valid('param');
    const created = AgencySchema.parse(
      await createAgency({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/agencies/${created.id}`);
    return c.json(created, 201);
  });
}

import { type OpenAPIHono } from '@hono/zod-openapi';
import { deleteAgency } from '../../identity/agencies';
import type { AppEnv } from '../../platform/context';
import { tenantWrite } from '../tenant-route';
import { AgencyParams } from '../tenants/definitions';
export const deleteAgencyRoute = tenantWrite({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/agencies/{agencyId}',
  description:
    'Removes an agency no one refers to: one with liaisons, a pending invitation or potentials answers 409 naming what still refers to it.',
  operationId: 'deleteAgency',
  tags: ['Agencies'],
  summary: 'Remove an agency without liaisons',
  request: { params: AgencyParams },
  responses: { 204: { description: 'Removed.' } },
});

export function registerDeleteAgency(app: OpenAPIHono<AppEnv>) {
  app.openapi(deleteAgencyRoute, async (c) => {
    await deleteAgency({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

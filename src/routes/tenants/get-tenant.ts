import { type OpenAPIHono } from '@hono/zod-openapi';
import { getTenant } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { TenantDetail } from './definitions';
export const getTenantRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}',
  description:
    'A tenant (a region or a partner organisation) as its members and its facilitating province see it.',
  operationId: 'getTenant',
  tags: ['Tenants'],
  summary: 'A tenant, as its members see it',
  responses: {
    200: jsonResponse('The tenant and how you reach it.', TenantDetail),
  },
});

export function registerGetTenant(app: OpenAPIHono<AppEnv>) {
  app.openapi(getTenantRoute, async (c) =>
    c.json(
      TenantDetail.parse(await getTenant({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

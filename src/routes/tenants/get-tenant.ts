import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getTenant } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonResponse, TenantParams } from '../common';
import { TenantDetail, tenantErrors } from './definitions';

export const getTenantRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}',
  description:
    'A tenant (a region or a partner organisation) as its members and its facilitating province see it.',
  operationId: 'getTenant',
  tags: ['Tenants'],
  summary: 'A tenant, as its members see it',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('The tenant and how you reach it.', TenantDetail),
    ...tenantErrors,
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

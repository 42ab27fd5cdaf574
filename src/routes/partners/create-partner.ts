import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createPartnerTenant } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, createdResponse } from '../common';
import { TenantSchema } from '../tenants/schemas';
import { CreatePartnerBody } from './definitions';

export const createPartnerRoute = createRoute({
  method: 'post',
  path: '/v1/partners',
  operationId: 'createPartner',
  tags: ['Tenants'],
  summary: 'Register a partner organisation',
  description:
    'A signed-in user registers a company, BUMN/BUMD, university, NGO, foreign region or central institution and becomes its admin. It starts `unverified` until a platform admin verifies it.',
  security: authSecurity,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreatePartnerBody } } },
  },
  responses: {
    201: createdResponse('The new partner tenant.', TenantSchema),
    ...problemResponses(400, 401, 403),
  },
});

export function registerCreatePartner(app: OpenAPIHono<AppEnv>) {
  app.openapi(createPartnerRoute, async (c) => {
    const created = TenantSchema.parse(
      await createPartnerTenant({ ctx: c.get('ctx'), input: c.req.valid('json') }),
    );
    c.header('Location', `/v1/tenants/${created.id}`);
    return c.json(created, 201);
  });
}

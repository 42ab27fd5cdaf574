import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createPartnerTenant } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity } from '../common';
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
    201: {
      description: 'The new partner tenant.',
      content: { 'application/json': { schema: TenantSchema } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerCreatePartner(app: OpenAPIHono<AppEnv>) {
  app.openapi(createPartnerRoute, async (c) =>
    c.json(
      TenantSchema.parse(
        await createPartnerTenant({ ctx: c.get('ctx'), input: c.req.valid('json') }),
      ),
      201,
    ),
  );
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { verifyPartnerTenant } from '../../identity/tenants';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, jsonResponse, TenantParams } from '../common';
import { TenantSchema } from '../tenants/schemas';

export const adminVerifyPartnerRoute = createRoute({
  method: 'post',
  path: '/v1/admin/tenants/{tenantId}/verify',
  description:
    'Verifies a partner organisation: from then on it appears in the catalogue and may express interest and enter agreements.',
  operationId: 'adminVerifyPartner',
  tags: ['Platform admin'],
  summary: 'Verify a partner organisation',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('The verified partner.', TenantSchema),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerAdminVerifyPartner(app: OpenAPIHono<AppEnv>) {
  app.openapi(adminVerifyPartnerRoute, async (c) =>
    c.json(
      TenantSchema.parse(
        await verifyPartnerTenant({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

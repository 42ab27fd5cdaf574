import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listApiKeys } from '../../identity/api-keys';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonResponse, TenantParams } from '../common';
import { ApiKeySchema, tenantErrors } from '../tenants/definitions';

export const listApiKeysRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/api-keys',
  description:
    'The tenant’s API keys with scopes, expiry and last use. The secret is shown only once, at creation.',
  operationId: 'listApiKeys',
  tags: ['API keys'],
  summary: 'List the tenant’s API keys',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('Keys (never their secrets).', z.object({ data: z.array(ApiKeySchema) })),
    ...tenantErrors,
  },
});

export function registerListApiKeys(app: OpenAPIHono<AppEnv>) {
  app.openapi(listApiKeysRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(ApiKeySchema) })
        .parse(await listApiKeys({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

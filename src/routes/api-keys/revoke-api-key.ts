import { type OpenAPIHono } from '@hono/zod-openapi';
import { revokeApiKey } from '../../identity/api-keys';
import type { AppEnv } from '../../platform/context';
import { idParam, TenantParams } from '../common';
import { tenantWrite } from '../tenant-route';
export const revokeApiKeyRoute = tenantWrite({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/api-keys/{keyId}',
  operationId: 'revokeApiKey',
  tags: ['API keys'],
  summary: 'Revoke an API key',
  description: 'It stops working on the next request.',
  request: { params: TenantParams.extend({ keyId: idParam('keyId', 'apiKey', 'The API key.') }) },
  responses: { 204: { description: 'Revoked.' } },
});

export function registerRevokeApiKey(app: OpenAPIHono<AppEnv>) {
  app.openapi(revokeApiKeyRoute, async (c) => {
    await revokeApiKey({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

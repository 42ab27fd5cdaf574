import { type OpenAPIHono } from '@hono/zod-openapi';
import { createApiKey } from '../../identity/api-keys';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { CreateApiKeyBody, NewApiKeySchema } from '../tenants/definitions';
export const createApiKeyRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/api-keys',
  description:
    'Creates an API key for a machine client (scopes `read`/`write`, 1–365 days). The token is in this response only.',
  operationId: 'createApiKey',
  tags: ['API keys'],
  summary: 'Create an API key',
  request: { body: jsonBody(CreateApiKeyBody) },
  responses: {
    201: createdResponse('The key with its token, shown this once.', NewApiKeySchema),
  },
});

export function registerCreateApiKey(app: OpenAPIHono<AppEnv>) {
  app.openapi(createApiKeyRoute, async (c) => {
    const p = c.req.valid('param');
    const created = NewApiKeySchema.parse(
      await createApiKey({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/api-keys/${created.id}`);
    return c.json(created, 201);
  });
}

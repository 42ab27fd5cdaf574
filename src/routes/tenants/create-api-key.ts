import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createApiKey } from '../../identity/api-keys';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonBody, jsonResponse, TenantParams } from '../common';
import { writeErrors, NewApiKeySchema, CreateApiKeyBody } from './definitions';

export const createApiKeyRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/api-keys',
  description:
    'Creates an API key for a machine client (scopes `read`/`write`, 1–365 days). The token is in this response only.',
  operationId: 'createApiKey',
  tags: ['API keys'],
  summary: 'Create an API key',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(CreateApiKeyBody) },
  responses: {
    201: jsonResponse('The key with its token, shown this once.', NewApiKeySchema),
    ...writeErrors,
  },
});

export function registerCreateApiKey(app: OpenAPIHono<AppEnv>) {
  app.openapi(createApiKeyRoute, async (c) =>
    c.json(
      NewApiKeySchema.parse(
        await createApiKey({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
}

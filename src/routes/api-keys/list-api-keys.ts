import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listApiKeys } from '../../identity/api-keys';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { ApiKeySchema } from '../tenants/definitions';

/** The answer's shape, made once: the handler parses what it returns with it. */
const List = z.object({ data: z.array(ApiKeySchema) });

export const listApiKeysRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/api-keys',
  description:
    'The tenant’s API keys with scopes, expiry and last use. The secret is shown only once, at creation.',
  operationId: 'listApiKeys',
  tags: ['API keys'],
  summary: 'List the tenant’s API keys',
  responses: {
    200: jsonResponse('Keys (never their secrets).', List),
  },
});

export function registerListApiKeys(app: OpenAPIHono<AppEnv>) {
  app.openapi(listApiKeysRoute, async (c) =>
    c.json(List.parse(await listApiKeys({ ctx: c.get('ctx'), input: c.req.valid('param') })), 200),
  );
}

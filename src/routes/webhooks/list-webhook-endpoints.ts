import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { listWebhookEndpoints } from '../../webhooks/endpoints';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { WebhookEndpointList } from './definitions';

export const listWebhookEndpointsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/webhooks',
  operationId: 'listWebhookEndpoints',
  tags: ['Webhooks'],
  summary: 'List the tenant’s webhook endpoints',
  description: 'Never their secrets. Tenant admins, or an API key with the `webhooks` scope.',
  responses: {
    200: jsonResponse('Newest first, and every event type there is.', WebhookEndpointList),
  },
});

export function registerListWebhookEndpoints(app: OpenAPIHono<AppEnv>) {
  app.openapi(listWebhookEndpointsRoute, async (c) =>
    c.json(
      WebhookEndpointList.parse(
        await listWebhookEndpoints({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

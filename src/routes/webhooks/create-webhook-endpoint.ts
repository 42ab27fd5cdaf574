import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { createWebhookEndpoint } from '../../webhooks/endpoints';
import { createdResponse, jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { CreateWebhookBody, NewWebhookEndpointSchema } from './definitions';

export const createWebhookEndpointRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/webhooks',
  operationId: 'createWebhookEndpoint',
  tags: ['Webhooks'],
  summary: 'Add a webhook endpoint',
  description:
    'Sinergi calls this URL with each event concerning the tenant (the types chosen, or all), signed as Standard Webhooks does. `https:` only in production; a host at a private, loopback, link-local or otherwise non-public address is refused (400 naming `url`). The signing secret is in this response only. Tenant admins, or an API key with the `webhooks` scope.',
  request: { body: jsonBody(CreateWebhookBody) },
  responses: {
    201: createdResponse(
      'The endpoint, with its signing secret shown this once.',
      NewWebhookEndpointSchema,
    ),
  },
});

export function registerCreateWebhookEndpoint(app: OpenAPIHono<AppEnv>) {
  app.openapi(createWebhookEndpointRoute, async (c) => {
    const p = c.req.valid('param');
    const created = NewWebhookEndpointSchema.parse(
      await createWebhookEndpoint({ ctx: c.get('ctx'), input: { ...p, ...c.req.valid('json') } }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/webhooks/${created.id}`);
    return c.json(created, 201);
  });
}

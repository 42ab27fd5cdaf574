import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { updateWebhookEndpoint } from '../../webhooks/endpoints';
import { jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { UpdateWebhookBody, WebhookEndpointSchema, WebhookParams } from './definitions';

export const updateWebhookEndpointRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/webhooks/{endpointId}',
  operationId: 'updateWebhookEndpoint',
  tags: ['Webhooks'],
  summary: 'Change a webhook endpoint',
  description:
    'Its URL (checked as when added), description, event types, or whether it is on; turning it back on clears a failure.',
  request: { params: WebhookParams, body: jsonBody(UpdateWebhookBody) },
  responses: { 200: jsonResponse('The endpoint.', WebhookEndpointSchema) },
});

export function registerUpdateWebhookEndpoint(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateWebhookEndpointRoute, async (c) =>
    c.json(
      WebhookEndpointSchema.parse(
        await updateWebhookEndpoint({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

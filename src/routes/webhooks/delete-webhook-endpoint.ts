import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { deleteWebhookEndpoint } from '../../webhooks/endpoints';
import { tenantWrite } from '../tenant-route';
import { WebhookParams } from './definitions';

export const deleteWebhookEndpointRoute = tenantWrite({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/webhooks/{endpointId}',
  operationId: 'deleteWebhookEndpoint',
  tags: ['Webhooks'],
  summary: 'Remove a webhook endpoint',
  description: 'Nothing more is sent to it; its log goes with it.',
  request: { params: WebhookParams },
  responses: { 204: { description: 'Removed.' } },
});

export function registerDeleteWebhookEndpoint(app: OpenAPIHono<AppEnv>) {
  app.openapi(deleteWebhookEndpointRoute, async (c) => {
    await deleteWebhookEndpoint({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

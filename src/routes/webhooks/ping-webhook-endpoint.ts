import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { pingWebhookEndpoint } from '../../webhooks/endpoints';
import { jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { WebhookMessageRef, WebhookParams } from './definitions';

export const pingWebhookEndpointRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/webhooks/{endpointId}/ping',
  operationId: 'pingWebhookEndpoint',
  tags: ['Webhooks'],
  summary: 'Send a test message to an endpoint',
  description:
    'A `webhook.ping` message, signed like every other, sent now; its outcome shows in the delivery log.',
  request: { params: WebhookParams },
  responses: { 202: jsonResponse('Queued and being sent.', WebhookMessageRef) },
});

export function registerPingWebhookEndpoint(app: OpenAPIHono<AppEnv>) {
  app.openapi(pingWebhookEndpointRoute, async (c) =>
    c.json(
      WebhookMessageRef.parse(
        await pingWebhookEndpoint({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      202,
    ),
  );
}

import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { rotateWebhookSecret } from '../../webhooks/endpoints';
import { jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { NewWebhookEndpointSchema, WebhookParams } from './definitions';

export const rotateWebhookSecretRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/webhooks/{endpointId}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  tags: ['Webhooks'],
  summary: 'Rotate an endpoint’s signing secret',
  description:
    'A new secret, shown in this response only. For 24 hours deliveries carry a signature with the old secret too, so the receiver can switch without a gap.',
  request: { params: WebhookParams },
  responses: { 200: jsonResponse('The endpoint with its new secret.', NewWebhookEndpointSchema) },
});

export function registerRotateWebhookSecret(app: OpenAPIHono<AppEnv>) {
  app.openapi(rotateWebhookSecretRoute, async (c) =>
    c.json(
      NewWebhookEndpointSchema.parse(
        await rotateWebhookSecret({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

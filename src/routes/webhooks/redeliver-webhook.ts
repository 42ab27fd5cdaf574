import { type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { redeliverWebhook } from '../../webhooks/endpoints';
import { idParam, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { WebhookMessageRef, WebhookParams } from './definitions';

export const redeliverWebhookRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/webhooks/{endpointId}/deliveries/{messageId}/redeliver',
  operationId: 'redeliverWebhook',
  tags: ['Webhooks'],
  summary: 'Send one message again',
  description:
    'Sent now, with the same `webhook-id` (a receiver that has it already ignores it); its outcome shows in the delivery log.',
  request: {
    params: WebhookParams.extend({
      messageId: idParam('messageId', 'webhookMessage', 'The message (its `webhook-id`).'),
    }),
  },
  responses: { 202: jsonResponse('Queued and being sent.', WebhookMessageRef) },
});

export function registerRedeliverWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(redeliverWebhookRoute, async (c) =>
    c.json(
      WebhookMessageRef.parse(
        await redeliverWebhook({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      202,
    ),
  );
}

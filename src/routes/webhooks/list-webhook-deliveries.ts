import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { listWebhookDeliveries } from '../../webhooks/endpoints';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { WebhookDeliveryList, WebhookParams } from './definitions';

export const listWebhookDeliveriesRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/webhooks/{endpointId}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags: ['Webhooks'],
  summary: 'The delivery log of a webhook endpoint',
  description:
    'Each message sent to it, newest first, with every attempt: status, latency and the first bytes of the answer. Kept 30 days.',
  request: {
    params: WebhookParams,
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: 'limit', in: 'query' }, description: 'How many messages.' }),
    }),
  },
  responses: { 200: jsonResponse('Messages, newest first.', WebhookDeliveryList) },
});

export function registerListWebhookDeliveries(app: OpenAPIHono<AppEnv>) {
  app.openapi(listWebhookDeliveriesRoute, async (c) =>
    c.json(
      WebhookDeliveryList.parse(
        await listWebhookDeliveries({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

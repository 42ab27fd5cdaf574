import { z } from '@hono/zod-openapi';
import { EVENT_TYPE_NAMES } from '../../events/types';
import { idParam, Name, NullableTimestamp, TenantParams, Timestamp, WebLink } from '../common';

export const WebhookEventType = z.enum(EVENT_TYPE_NAMES).openapi('WebhookEventType');

export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z
      .array(WebhookEventType)
      .openapi({ description: 'The event types it receives; empty: all.' }),
    enabled: z.boolean(),
    disabledReason: z
      .enum(['failing'])
      .nullable()
      .openapi({ description: '`failing`: Sinergi turned it off after three days of failures.' }),
    failingSince: NullableTimestamp,
    previousSecretUntil: NullableTimestamp.openapi({
      description:
        'Until then deliveries are also signed with the secret before the last rotation.',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('WebhookEndpoint');

export const NewWebhookEndpointSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description: 'The signing secret (`whsec_…`), shown in this response only.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  }),
}).openapi('NewWebhookEndpoint');

export const WebhookEndpointList = z
  .object({
    data: z.array(WebhookEndpointSchema),
    eventTypes: z.array(WebhookEventType).openapi({ description: 'Every event type there is.' }),
  })
  .openapi('WebhookEndpointList');

export const CreateWebhookBody = z
  .object({
    url: WebLink(2000).openapi({ example: 'https://ksd.palukota.go.id/sinergi/webhook' }),
    description: Name(300).optional(),
    eventTypes: z.array(WebhookEventType).max(EVENT_TYPE_NAMES.length).optional(),
  })
  .strict()
  .openapi('CreateWebhookEndpoint');

export const UpdateWebhookBody = CreateWebhookBody.partial()
  .extend({ enabled: z.boolean().optional() })
  .strict()
  .openapi('UpdateWebhookEndpoint');

export const WebhookParams = TenantParams.extend({
  endpointId: idParam('endpointId', 'webhookEndpoint', 'The webhook endpoint.'),
});

export const WebhookDeliveryList = z
  .object({
    data: z.array(
      z.object({
        id: z.string().openapi({ description: 'The `webhook-id` the receiver got.' }),
        type: z.string(),
        status: z.enum(['pending', 'succeeded', 'failed']),
        attempts: z.array(
          z.object({
            at: Timestamp,
            statusCode: z.number().int().nullable(),
            latencyMs: z.number().int(),
            response: z
              .string()
              .openapi({ description: 'The first bytes of the answer, or why none came.' }),
          }),
        ),
        nextAttemptAt: NullableTimestamp,
        createdAt: Timestamp,
      }),
    ),
  })
  .openapi('WebhookDeliveryList');

export const WebhookMessageRef = z
  .object({ id: z.string().openapi({ description: 'The message id (its `webhook-id`).' }) })
  .openapi('WebhookMessageRef');

import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { EVENT_TYPE_NAMES, EVENT_TYPES, type EventObject } from '../../events/types';
import type { AppEnv } from '../../platform/context';
import { API_VERSION, ROUTING_FIELDS } from '../../webhooks/deliveries';
import { getAgreementRoute } from '../agreements/get-agreement';
import { getAnnualReportRoute } from '../annual-reports/get-annual-report';
import { getPublishedPotentialRoute } from '../catalog/get-published-potential';
import { getForumFollowUpRoute } from '../follow-ups/get-forum-follow-up';
import { getForumMeetingRoute } from '../forum-meetings/get-forum-meeting';
import { getForumRegistrationRoute } from '../forum-registrations/get-forum-registration';
import { getInterestRoute } from '../interests/get-interest';
import { getPostRoute } from '../posts/get-post';
import { getPotentialRoute } from '../potentials/get-potential';
import { getProposalRoute } from '../proposals/get-proposal';
import { getRoundRoute } from '../rounds/get-round';

/**
 * Every event type a webhook endpoint receives, in the OpenAPI document's
 * top-level `webhooks` (OpenAPI 3.1): the envelope with that type's `data`, so
 * a generated client has the payload types. The same shape `envelopeOf` sends.
 */
const DESCRIPTION =
  'Sent with `webhook-id` (deduplicate by it), `webhook-timestamp` and `webhook-signature` headers (Standard Webhooks). Answer 2xx within 10 s; anything else is retried.';

/** The schema of an operation's 200 answer: what `data.object` is, for each kind of object. */
const answerOf = (route: {
  responses: { 200: { content: { 'application/json': { schema: z.ZodType } } } };
}) => route.responses[200].content['application/json'].schema;

const OBJECTS: Record<EventObject, z.ZodType> = {
  interest: answerOf(getInterestRoute),
  proposal: answerOf(getProposalRoute),
  agreement: answerOf(getAgreementRoute),
  annual_report: answerOf(getAnnualReportRoute),
  mapping_round: answerOf(getRoundRoute),
  // its owner's view, or the catalogue's to any other tenant
  potential: z.union([answerOf(getPotentialRoute), answerOf(getPublishedPotentialRoute)]),
  forum_meeting: answerOf(getForumMeetingRoute),
  forum_registration: answerOf(getForumRegistrationRoute),
  forum_follow_up: answerOf(getForumFollowUpRoute),
  post: answerOf(getPostRoute),
};

export function registerWebhookEvents(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerWebhook({
    method: 'post',
    path: 'webhook.ping',
    operationId: 'webhookPing',
    summary: 'Test message',
    description: `Sent when the tenant asks (\`pingWebhookEndpoint\`). ${DESCRIPTION}`,
    tags: ['Webhooks'],
    security: [],
    request: {
      body: {
        content: {
          'application/json': {
            schema: z
              .object({
                id: z.string(),
                type: z.literal('webhook.ping'),
                apiVersion: z.literal(API_VERSION),
                occurredAt: z.string().openapi({ format: 'date-time' }),
                tenantId: z.string(),
                data: z.object({ text: z.object({ id: z.string(), en: z.string() }) }),
              })
              .openapi('WebhookEvent_webhook_ping'),
          },
        },
      },
    },
    responses: { 200: { description: 'Received.' } },
  });
  for (const type of EVENT_TYPE_NAMES) {
    const spec = EVENT_TYPES[type];
    const payload = spec.payload as z.ZodObject;
    const own = payload.omit(
      Object.fromEntries(
        ROUTING_FIELDS.filter((k) => k in payload.shape).map((k) => [k, true as const]),
      ) as Record<string, true> & Record<number, never>,
    );
    const envelope = z
      .object({
        id: z.string().openapi({ description: 'The event’s id (the same for every endpoint).' }),
        type: z.literal(type),
        apiVersion: z.literal(API_VERSION),
        occurredAt: z.string().openapi({ format: 'date-time' }),
        tenantId: z.string().openapi({ description: 'The tenant this endpoint belongs to.' }),
        data: own.extend({
          objectType: z.literal(spec.object),
          objectId: z.string(),
          object: OBJECTS[spec.object].nullable().openapi({
            description:
              'The object as the API returns it to this tenant (its own read operation), read when the message is first sent; null when the tenant may no longer read it.',
          }),
          kind: z.literal(spec.kind),
          operation: spec.operation === null ? z.null() : z.literal(spec.operation),
          text: z
            .object({ id: z.string(), en: z.string() })
            .openapi({ description: 'What its people are told, in Indonesian and English.' }),
          dueAt: z
            .string()
            .optional()
            .openapi({ format: 'date-time', description: 'When what is asked is due.' }),
        }),
      })
      .openapi(`WebhookEvent_${type.replace(/\W/g, '_')}`);
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: type,
      operationId: `webhook${type
        .split(/[._]/)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join('')}`,
      summary: `Event ${type}`,
      description: DESCRIPTION,
      tags: ['Webhooks'],
      // the receiver checks the signature (Standard Webhooks), not a credential of Sinergi's
      security: [],
      request: { body: { content: { 'application/json': { schema: envelope } } } },
      responses: { 200: { description: 'Received.' } },
    });
  }
}

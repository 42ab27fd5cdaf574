import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { setNotificationSettings } from '../../digests/preferences';
import { SECTIONS } from '../../digests/render';
import { EVENT_TYPE_NAMES } from '../../events/types';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, jsonBody, jsonResponse, TenantParams } from '../common';
import {
  DigestSection,
  NotificationChannel,
  NotificationSettings,
} from './list-notification-settings';

export const SetNotificationsRequest = z
  .object({
    frequency: z.enum(['off', 'daily', 'weekly']).optional(),
    sections: z
      .array(DigestSection)
      .max(SECTIONS.length)
      .optional()
      .openapi({ description: 'Empty: all sections.' }),
    language: z.enum(['id', 'en']).optional(),
    events: z
      .object(
        Object.fromEntries(EVENT_TYPE_NAMES.map((t) => [t, NotificationChannel.optional()])) as {
          [K in (typeof EVENT_TYPE_NAMES)[number]]: z.ZodOptional<typeof NotificationChannel>;
        },
      )
      .strict()
      .optional()
      .openapi({
        description:
          'The email channel per event type; a type not named keeps its choice. An unknown type or channel answers 400 naming it.',
      }),
  })
  .strict()
  .openapi('SetNotificationsRequest');

export const setNotificationSettingsRoute = createRoute({
  method: 'put',
  path: '/v1/me/notifications/{tenantId}',
  operationId: 'setNotificationSettings',
  tags: ['Me'],
  summary: 'Choose how the digest and the notifications of one of your tenants reach you',
  description: 'For a tenant you belong to (404 otherwise). Audited in that tenant.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(SetNotificationsRequest) },
  responses: {
    200: jsonResponse('The settings.', NotificationSettings),
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerSetNotificationSettings(app: OpenAPIHono<AppEnv>) {
  app.openapi(setNotificationSettingsRoute, async (c) =>
    c.json(
      NotificationSettings.parse(
        await setNotificationSettings({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

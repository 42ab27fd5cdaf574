import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listNotificationSettings } from '../../digests/preferences';
import { SECTIONS } from '../../digests/render';
import { CHANNELS } from '../../events/channels';
import { EVENT_TYPE_NAMES } from '../../events/types';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, jsonResponse } from '../common';

export const DigestSection = z.enum(SECTIONS).openapi('DigestSection');
export const NotificationChannel = z.enum(CHANNELS).openapi('NotificationChannel', {
  description:
    '`immediately`: an email within minutes (a burst collapsed into one); `daily`: at most one such email a day; `digest`: only in the digest; `off`: the inbox only.',
});
export const EventTypeName = z.enum(EVENT_TYPE_NAMES).openapi('EventType');
export const NotificationSettings = z
  .object({
    tenantId: z.string(),
    tenantName: z.string(),
    role: z.string(),
    frequency: z.enum(['off', 'daily', 'weekly']),
    isDefault: z
      .boolean()
      .openapi({ description: 'Never chosen: weekly for a head, off otherwise.' }),
    sections: z.array(DigestSection).openapi({ description: 'The sections wanted; empty: all.' }),
    language: z.enum(['id', 'en']),
    zone: z.enum(['WIB', 'WITA', 'WIT']).openapi({
      description: 'The digest is sent at 07:00 in this zone (the region’s own; partners WIB).',
    }),
    events: z
      .array(
        z.object({
          type: EventTypeName,
          kind: z.enum(['action', 'info']),
          channel: NotificationChannel,
          isDefault: z.boolean(),
        }),
      )
      .openapi({
        description:
          'How each event type reaches you by email (every one is in the inbox). Defaults: what asks something of you, immediately (a head: daily); news, in the digest.',
      }),
  })
  .openapi('NotificationSettings');
export const NotificationSettingsList = z
  .object({ data: z.array(NotificationSettings) })
  .openapi('NotificationSettingsList');

export const listNotificationSettingsRoute = createRoute({
  method: 'get',
  path: '/v1/me/notifications',
  operationId: 'listNotificationSettings',
  tags: ['Me'],
  summary: 'Your digest settings, per tenant you belong to',
  description:
    'How often the email digest of each of your tenants reaches you (weekly by default for a head, off otherwise), which sections, in which language. Immediate emails (invitations, resets, proposals) are not affected.',
  security: authSecurity,
  responses: {
    200: jsonResponse('Per tenant.', NotificationSettingsList),
    ...problemResponses(401, 403),
  },
});

export function registerListNotificationSettings(app: OpenAPIHono<AppEnv>) {
  app.openapi(listNotificationSettingsRoute, async (c) =>
    c.json(
      NotificationSettingsList.parse(await listNotificationSettings({ ctx: c.get('ctx') })),
      200,
    ),
  );
}

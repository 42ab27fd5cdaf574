import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { setNotificationSettings } from '../../digests/preferences';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, jsonBody, jsonResponse, TenantParams } from '../common';
import { DigestSection, NotificationSettings } from './list-notification-settings';

export const SetNotificationsRequest = z
  .object({
    frequency: z.enum(['off', 'daily', 'weekly']),
    sections: z
      .array(DigestSection)
      .max(5)
      .optional()
      .openapi({ description: 'Empty: all sections.' }),
    language: z.enum(['id', 'en']).optional(),
  })
  .strict()
  .openapi('SetNotificationsRequest');

export const setNotificationSettingsRoute = createRoute({
  method: 'put',
  path: '/v1/me/notifications/{tenantId}',
  operationId: 'setNotificationSettings',
  tags: ['Me'],
  summary: 'Choose how the digest of one of your tenants reaches you',
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

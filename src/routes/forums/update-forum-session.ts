import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateSession } from '../../forums/sessions';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { LocalDateTime, SessionFieldsInput, SessionParams, SessionSchema, Zone } from './schemas';
export const UpdateSessionRequest = z
  .object({
    ...SessionFieldsInput,
    start: LocalDateTime.optional(),
    end: LocalDateTime.optional(),
    timeZone: Zone.optional().openapi({
      description:
        'Moving the venue to another zone keeps the local times unless new ones are given.',
    }),
  })
  .strict()
  .openapi('UpdateForumSessionRequest');

export const updateForumSessionRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}',
  operationId: 'updateForumSession',
  tags: ['Forums'],
  summary: 'Edit a session',
  description:
    'Before it is held. A change of time, place or title raises the calendar SEQUENCE and, once published, emails every registered delegation the updated calendar file. Capacity cannot drop below the places already held; raising it promotes the waitlist.',
  request: { params: SessionParams, body: jsonBody(UpdateSessionRequest) },
  responses: { 200: jsonResponse('The session.', SessionSchema) },
});

export function registerUpdateForumSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateForumSessionRoute, async (c) =>
    c.json(
      SessionSchema.parse(
        await updateSession({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

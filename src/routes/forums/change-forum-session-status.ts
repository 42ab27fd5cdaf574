import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { transitionSession } from '../../forums/sessions';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { SessionParams, SessionSchema, SessionStatus } from './schemas';
export const SessionStatusRequest = z
  .object({
    status: SessionStatus,
    reason: z.string().trim().max(2000).optional().openapi({ description: 'Required to cancel.' }),
  })
  .strict()
  .openapi('ForumSessionStatusRequest');

export const changeForumSessionStatusRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/status',
  operationId: 'changeForumSessionStatus',
  tags: ['Forums'],
  summary: 'Move a session through its life',
  description:
    '`draft → published → registration_open ⇄ registration_closed → held → closed`; `cancelled` (with a reason) from any state before `held`. Publishing emails the invitations written while it was a draft; cancelling emails every delegation a cancelled calendar event.',
  request: { params: SessionParams, body: jsonBody(SessionStatusRequest) },
  responses: { 200: jsonResponse('The session.', SessionSchema) },
});

export function registerChangeForumSessionStatus(app: OpenAPIHono<AppEnv>) {
  app.openapi(changeForumSessionStatusRoute, async (c) =>
    c.json(
      SessionSchema.parse(
        await transitionSession({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { createSession } from '../../forums/sessions';
import type { AppEnv } from '../../platform/context';
import { createdResponse, jsonBody } from '../common';
import { tenantWrite } from '../tenant-route';
import { ForumParams, LocalDateTime, SessionFieldsInput, SessionSchema } from './schemas';
export const CreateSessionRequest = z
  .object({ ...SessionFieldsInput, start: LocalDateTime, end: LocalDateTime })
  .strict()
  .openapi('CreateForumSessionRequest');

export const createForumSessionRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions',
  operationId: 'createForumSession',
  tags: ['Forums'],
  summary: 'Add an ad-hoc session to a forum',
  description:
    'Outside the recurrence, in the forum’s zone; unset fields come from the forum. Created as a draft.',
  request: { params: ForumParams, body: jsonBody(CreateSessionRequest) },
  responses: { 201: createdResponse('The session, a draft.', SessionSchema) },
});

export function registerCreateForumSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(createForumSessionRoute, async (c) => {
    const p = c.req.valid('param');
    const created = SessionSchema.parse(
      await createSession({
        ctx: c.get('ctx'),
        input: { ...p, ...c.req.valid('json') },
      }),
    );
    c.header('Location', `/v1/tenants/${p.tenantId}/forums/${p.forumId}/sessions/${created.id}`);
    return c.json(created, 201);
  });
}

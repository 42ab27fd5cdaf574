import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { sessionOutcomes } from '../../forums/outcomes';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { OutcomesSchema, SessionParams, SessionStatus } from './schemas';
export const SessionOutcomesResponse = OutcomesSchema.extend({
  sessionId: z.string(),
  status: SessionStatus,
});

export const forumSessionOutcomesRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/outcomes',
  operationId: 'forumSessionOutcomes',
  tags: ['Forums'],
  summary: 'What came of a session',
  description:
    'Registrations, delegates, attendance, follow-ups, and the interests, proposals and agreements that originated there.',
  request: { params: SessionParams },
  responses: { 200: jsonResponse('The counts.', SessionOutcomesResponse) },
});

export function registerForumSessionOutcomes(app: OpenAPIHono<AppEnv>) {
  app.openapi(forumSessionOutcomesRoute, async (c) =>
    c.json(
      SessionOutcomesResponse.parse(
        await sessionOutcomes({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

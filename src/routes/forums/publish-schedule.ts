import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { publishSchedule } from '../../forums/meetings';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonResponse } from '../common';
import { SessionParams, writeErrors } from './schemas';

export const PublishScheduleResponse = z.object({
  changed: z
    .number()
    .int()
    .openapi({ description: 'Meetings whose published slot or table changed.' }),
  notifiedTenants: z
    .array(z.string())
    .openapi({ description: 'Delegations emailed their agenda.' }),
});

export const publishScheduleRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/schedule/publish',
  operationId: 'publishForumSchedule',
  tags: ['Forum meetings'],
  summary: 'Publish the meeting schedule',
  description:
    'Delegations see their agenda (GET …/forum-meetings, their calendar feed). The first time every delegation with a meeting is emailed its agenda; afterwards only the delegations whose meetings changed.',
  security: authSecurity,
  request: { params: SessionParams },
  responses: {
    200: jsonResponse('What changed and who was told.', PublishScheduleResponse),
    ...writeErrors,
  },
});

export function registerPublishSchedule(app: OpenAPIHono<AppEnv>) {
  app.openapi(publishScheduleRoute, async (c) =>
    c.json(
      PublishScheduleResponse.parse(
        await publishSchedule({ ctx: c.get('ctx'), input: c.req.valid('param') }),
      ),
      200,
    ),
  );
}

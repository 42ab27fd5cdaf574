import { type OpenAPIHono } from '@hono/zod-openapi';
import { getSchedule, publishSchedule } from '../../forums/schedule';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { ScheduleSchema, SessionParams } from './schemas';
export const publishForumScheduleRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/schedule/publish',
  operationId: 'publishForumSchedule',
  tags: ['Forum meetings'],
  summary: 'Publish the meeting schedule',
  description:
    'Delegations see their agenda (GET …/forum-meetings, their calendar feed). The first time every delegation with a meeting is emailed its agenda; afterwards only the delegations whose meetings changed.',
  request: { params: SessionParams },
  responses: {
    200: jsonResponse(
      'The schedule as published, with what changed and who was told.',
      ScheduleSchema,
    ),
  },
});

export function registerPublishForumSchedule(app: OpenAPIHono<AppEnv>) {
  app.openapi(publishForumScheduleRoute, async (c) => {
    const ctx = c.get('ctx');
    const input = c.req.valid('param');
    const publication = await publishSchedule({ ctx, input });
    return c.json(
      ScheduleSchema.parse({ ...(await getSchedule({ ctx, input })), publication }),
      200,
    );
  });
}

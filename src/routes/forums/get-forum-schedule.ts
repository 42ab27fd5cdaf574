import { type OpenAPIHono } from '@hono/zod-openapi';
import { getSchedule } from '../../forums/schedule';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { ScheduleSchema, SessionParams } from './schemas';
export const getForumScheduleRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/schedule',
  operationId: 'getForumSchedule',
  tags: ['Forum meetings'],
  summary: 'The meeting schedule (convener)',
  description:
    'Every accepted meeting with its draft and published slot and table, and the last run.',
  request: { params: SessionParams },
  responses: { 200: jsonResponse('The schedule.', ScheduleSchema) },
});

export function registerGetForumSchedule(app: OpenAPIHono<AppEnv>) {
  app.openapi(getForumScheduleRoute, async (c) =>
    c.json(
      ScheduleSchema.parse(await getSchedule({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

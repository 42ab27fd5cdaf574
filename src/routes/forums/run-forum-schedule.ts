import { type OpenAPIHono } from '@hono/zod-openapi';
import { runSchedule } from '../../forums/schedule';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { ScheduleSchema, SessionParams } from './schemas';
export const runForumScheduleRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/schedule',
  operationId: 'runForumSchedule',
  tags: ['Forum meetings'],
  summary: 'Schedule the accepted meetings (a draft)',
  description:
    'Runs the scheduler in the request (it fits a Worker’s CPU budget at national size: see the README). Locked meetings stay; meetings placed before stay where still allowed; the rest get a slot and a table with the fewest breaks. Meetings it cannot place are listed with the reason. Delegations see nothing until it is published.',
  request: { params: SessionParams },
  responses: { 200: jsonResponse('The draft schedule.', ScheduleSchema) },
});

export function registerRunForumSchedule(app: OpenAPIHono<AppEnv>) {
  app.openapi(runForumScheduleRoute, async (c) =>
    c.json(
      ScheduleSchema.parse(await runSchedule({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

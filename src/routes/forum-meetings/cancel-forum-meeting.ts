import { type OpenAPIHono } from '@hono/zod-openapi';
import { cancelMeeting } from '../../forums/meetings';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { MeetingParams, MeetingSchema } from '../forums/schemas';
import { tenantWrite } from '../tenant-route';
export const cancelForumMeetingRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-meetings/{meetingId}/cancel',
  operationId: 'cancelForumMeeting',
  tags: ['Forum meetings'],
  summary: 'Withdraw a request or cancel a meeting',
  description: 'By either side; its slot frees up at the next schedule run.',
  request: { params: MeetingParams },
  responses: { 200: jsonResponse('The meeting, cancelled.', MeetingSchema) },
});

export function registerCancelForumMeeting(app: OpenAPIHono<AppEnv>) {
  app.openapi(cancelForumMeetingRoute, async (c) =>
    c.json(
      MeetingSchema.parse(await cancelMeeting({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

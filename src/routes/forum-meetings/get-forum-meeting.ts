import { type OpenAPIHono } from '@hono/zod-openapi';
import { getMeeting } from '../../forums/meetings';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { MeetingParams, MeetingSchema } from '../forums/schemas';
import { tenantRead } from '../tenant-route';
export const getForumMeetingRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forum-meetings/{meetingId}',
  operationId: 'getForumMeeting',
  tags: ['Forum meetings'],
  summary: 'A meeting',
  description: 'To either side, with its published slot in the venue’s local time.',
  request: { params: MeetingParams },
  responses: { 200: jsonResponse('The meeting.', MeetingSchema) },
});

export function registerGetForumMeeting(app: OpenAPIHono<AppEnv>) {
  app.openapi(getForumMeetingRoute, async (c) =>
    c.json(
      MeetingSchema.parse(await getMeeting({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

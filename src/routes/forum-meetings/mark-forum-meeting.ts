import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { markMeeting } from '../../forums/meetings';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { MeetingParams, MeetingSchema } from '../forums/schemas';
import { tenantWrite } from '../tenant-route';
export const MeetingOutcomeRequest = z
  .object({ outcome: z.enum(['held', 'no_show']) })
  .strict()
  .openapi('ForumMeetingOutcomeRequest');

export const markForumMeetingRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-meetings/{meetingId}/outcome',
  operationId: 'markForumMeeting',
  tags: ['Forum meetings'],
  summary: 'Mark a meeting held or no-show',
  description:
    'Each side marks its own view once the meeting’s time has come; a meeting marked held by either side counts in the forum’s outcomes. An interest or proposal can then name the session as its origin.',
  request: { params: MeetingParams, body: jsonBody(MeetingOutcomeRequest) },
  responses: { 200: jsonResponse('The meeting.', MeetingSchema) },
});

export function registerMarkForumMeeting(app: OpenAPIHono<AppEnv>) {
  app.openapi(markForumMeetingRoute, async (c) =>
    c.json(
      MeetingSchema.parse(
        await markMeeting({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

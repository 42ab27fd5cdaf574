import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { adjustMeeting } from '../../forums/schedule';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { LocalDateTime, ScheduleSchema, SessionParams } from './schemas';
export const AdjustMeetingRequest = z
  .object({
    slot: LocalDateTime.nullable()
      .optional()
      .openapi({ description: 'Move to this slot; null unschedules it.' }),
    table: z.number().int().min(1).max(500).optional(),
    locked: z
      .boolean()
      .optional()
      .openapi({ description: 'A locked meeting never moves when the scheduler runs again.' }),
  })
  .strict()
  .openapi('AdjustForumMeetingRequest');

export const adjustForumMeetingRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/meetings/{meetingId}',
  operationId: 'adjustForumMeeting',
  tags: ['Forum meetings'],
  summary: 'Move, lock or unschedule one meeting in the draft',
  description:
    'Each move is checked: a slot of the plan, both sides available and free, the table free (409 naming the clash).',
  request: {
    params: SessionParams.extend({ meetingId: idParam('meetingId', 'meeting', 'The meeting.') }),
    body: jsonBody(AdjustMeetingRequest),
  },
  responses: { 200: jsonResponse('The schedule.', ScheduleSchema) },
});

export function registerAdjustForumMeeting(app: OpenAPIHono<AppEnv>) {
  app.openapi(adjustForumMeetingRoute, async (c) =>
    c.json(
      ScheduleSchema.parse(
        await adjustMeeting({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

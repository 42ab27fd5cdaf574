import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { answerMeeting } from '../../forums/meetings';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { MeetingParams, MeetingSchema } from '../forums/schemas';
import { tenantWrite } from '../tenant-route';
export const AnswerMeetingRequest = z
  .object({
    decision: z.enum(['accept', 'decline']),
    reason: z.string().trim().max(2000).optional().openapi({ description: 'Required to decline.' }),
  })
  .strict()
  .openapi('AnswerForumMeetingRequest');

export const answerForumMeetingRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-meetings/{meetingId}/answer',
  operationId: 'answerForumMeeting',
  tags: ['Forum meetings'],
  summary: 'Accept or decline a meeting request',
  description:
    'By the delegation asked, before the request expires; accepting counts against both sides’ meeting quota.',
  request: { params: MeetingParams, body: jsonBody(AnswerMeetingRequest) },
  responses: { 200: jsonResponse('The meeting.', MeetingSchema) },
});

export function registerAnswerForumMeeting(app: OpenAPIHono<AppEnv>) {
  app.openapi(answerForumMeetingRoute, async (c) =>
    c.json(
      MeetingSchema.parse(
        await answerMeeting({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

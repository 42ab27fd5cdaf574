import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { requestMeeting } from '../../forums/meetings';
import type { AppEnv } from '../../platform/context';
import { createdResponse, idPattern, jsonBody, jsonResponse } from '../common';
import { MeetingSchema } from '../forums/schemas';
import { tenantWrite } from '../tenant-route';
export const RequestMeetingRequest = z
  .object({
    sessionId: idPattern('forumSession'),
    withTenantId: idPattern('tenant').openapi({
      description: 'The other registered delegation’s tenant.',
    }),
    potentialId: idPattern('potential')
      .optional()
      .openapi({ description: 'A potential of either side it is about.' }),
    message: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('RequestForumMeetingRequest');

export const requestForumMeetingRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-meetings',
  operationId: 'requestForumMeeting',
  tags: ['Forum meetings'],
  summary: 'Ask another delegation for a bilateral meeting',
  description:
    'Both must be approved delegations of the session (404 otherwise). The convener’s pairing rule (403) and quotas (409 naming the quota) apply. If the other side already asked, the two requests become one accepted meeting that weighs more in the schedule. Unanswered, a request expires after the convener’s period.',
  request: { body: jsonBody(RequestMeetingRequest) },
  responses: {
    200: jsonResponse(
      'The other delegation had asked for the same meeting: its request is now the meeting, accepted by both (`mutual`).',
      MeetingSchema,
    ),
    201: createdResponse(
      'The meeting request, awaiting the other delegation’s answer.',
      MeetingSchema,
    ),
  },
});

export function registerRequestForumMeeting(app: OpenAPIHono<AppEnv>) {
  app.openapi(requestForumMeetingRoute, async (c) => {
    const p = c.req.valid('param');
    const { meeting, created } = await requestMeeting({
      ctx: c.get('ctx'),
      input: { ...p, ...c.req.valid('json') },
    });
    const body = MeetingSchema.parse(meeting);
    if (!created) return c.json(body, 200);
    c.header('Location', `/v1/tenants/${p.tenantId}/forum-meetings/${body.id}`);
    return c.json(body, 201);
  });
}

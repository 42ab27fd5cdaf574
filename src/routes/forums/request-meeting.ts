import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requestMeeting } from '../../forums/meetings';
import type { AppEnv } from '../../platform/context';
import { authSecurity, idPattern, jsonBody, jsonResponse, TenantParams } from '../common';
import { MeetingSchema, writeErrors } from './schemas';

export const RequestMeetingRequest = z
  .object({
    sessionId: idPattern('fss'),
    withTenantId: idPattern('ten').openapi({
      description: 'The other registered delegation’s tenant.',
    }),
    potentialId: idPattern('pot')
      .optional()
      .openapi({ description: 'A potential of either side it is about.' }),
    message: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('RequestForumMeetingRequest');

export const requestMeetingRoute = createRoute({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forum-meetings',
  operationId: 'requestForumMeeting',
  tags: ['Forum meetings'],
  summary: 'Ask another delegation for a bilateral meeting',
  description:
    'Both must be approved delegations of the session (404 otherwise). The convener’s pairing rule (403) and quotas (409 naming the quota) apply. If the other side already asked, the two requests become one accepted meeting that weighs more in the schedule. Unanswered, a request expires after the convener’s period.',
  security: authSecurity,
  request: { params: TenantParams, body: jsonBody(RequestMeetingRequest) },
  responses: {
    201: jsonResponse('The meeting request (or the merged meeting).', MeetingSchema),
    ...writeErrors,
  },
});

export function registerRequestMeeting(app: OpenAPIHono<AppEnv>) {
  app.openapi(requestMeetingRoute, async (c) =>
    c.json(
      MeetingSchema.parse(
        await requestMeeting({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      201,
    ),
  );
}

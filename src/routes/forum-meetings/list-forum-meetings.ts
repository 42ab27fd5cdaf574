import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listMeetings } from '../../forums/meetings';
import type { AppEnv } from '../../platform/context';
import { idPattern, jsonResponse, TenantParams } from '../common';
import { MeetingSchema } from '../forums/schemas';
import { tenantRead } from '../tenant-route';
export const MeetingListResponse = z.object({ data: z.array(MeetingSchema) });

export const listForumMeetingsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forum-meetings',
  operationId: 'listForumMeetings',
  tags: ['Forum meetings'],
  summary: 'This delegation’s meetings: requests sent and received, and its agenda',
  description:
    'In the order of the published schedule; slots and tables appear once the convener publishes.',
  request: {
    params: TenantParams,
    query: z.object({
      sessionId: idPattern('forumSession')
        .optional()
        .openapi({
          param: { name: 'sessionId', in: 'query' },
          description: 'Only this session’s.',
        }),
    }),
  },
  responses: { 200: jsonResponse('The meetings.', MeetingListResponse) },
});

export function registerListForumMeetings(app: OpenAPIHono<AppEnv>) {
  app.openapi(listForumMeetingsRoute, async (c) =>
    c.json(
      MeetingListResponse.parse(
        await listMeetings({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

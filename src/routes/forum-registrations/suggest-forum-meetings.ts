import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { meetingSuggestions } from '../../forums/availability';
import type { AppEnv } from '../../platform/context';
import { idParam, jsonResponse, TenantParams } from '../common';
import { LimitQuery, Reason } from '../forums/schemas';
import { tenantRead } from '../tenant-route';
export const MeetingSuggestionsResponse = z.object({
  data: z.array(
    z.object({
      tenantId: z.string(),
      name: z.string(),
      type: z.enum(['region', 'partner']),
      score: z.number(),
      reasons: z.array(Reason),
    }),
  ),
});

export const suggestForumMeetingsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}/meeting-suggestions',
  operationId: 'suggestForumMeetings',
  tags: ['Forum meetings'],
  summary: 'Who this delegation should meet here, and why',
  description:
    'The other approved delegations of the session ranked by the matching score, with its explanation; those already asked (either way) are left out.',
  request: {
    params: TenantParams.extend({
      registrationId: idParam('registrationId', 'registration', 'This tenant’s registration.'),
    }),
    query: LimitQuery,
  },
  responses: {
    200: jsonResponse('Suggestions, best first.', MeetingSuggestionsResponse),
  },
});

export function registerSuggestForumMeetings(app: OpenAPIHono<AppEnv>) {
  app.openapi(suggestForumMeetingsRoute, async (c) =>
    c.json(
      MeetingSuggestionsResponse.parse(
        await meetingSuggestions({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

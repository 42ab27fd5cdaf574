import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { suggestInvitees } from '../../forums/invitations';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { LimitQuery, Reason, SessionParams } from './schemas';
export const SuggestionsResponse = z.object({
  data: z.array(
    z.object({
      tenantId: z.string(),
      name: z.string(),
      type: z.enum(['region', 'partner']),
      regionCode: z.string().nullable(),
      score: z.number(),
      reasons: z.array(Reason),
    }),
  ),
});

export const suggestForumInviteesRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/suggested-invitees',
  operationId: 'suggestForumInvitees',
  tags: ['Forums'],
  summary: 'Who to invite, and why',
  description:
    'Regions and partners ranked by the matching score against the forum’s themes and the convener’s published potentials, each with its best explanation. Tenants already invited or registered are left out.',
  request: {
    params: SessionParams,
    query: LimitQuery,
  },
  responses: {
    200: jsonResponse('Suggested invitees, best first.', SuggestionsResponse),
  },
});

export function registerSuggestForumInvitees(app: OpenAPIHono<AppEnv>) {
  app.openapi(suggestForumInviteesRoute, async (c) =>
    c.json(
      SuggestionsResponse.parse(
        await suggestInvitees({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('query') },
        }),
      ),
      200,
    ),
  );
}

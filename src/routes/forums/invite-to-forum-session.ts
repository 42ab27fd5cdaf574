import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { inviteToSession } from '../../forums/invitations';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse } from '../common';
import { tenantWrite } from '../tenant-route';
import { SessionParams } from './schemas';
export const InviteRequest = z
  .object({ tenantIds: z.array(z.string().max(40)).min(1).max(100) })
  .strict()
  .openapi('InviteToForumSessionRequest');
export const InviteResponse = z.object({
  invited: z.array(z.string()),
  alreadyInvited: z.array(z.string()),
  emailed: z
    .boolean()
    .openapi({ description: 'False for a draft: its invitations go out when published.' }),
});

export const inviteToForumSessionRoute = tenantWrite({
  method: 'post',
  path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/invitations',
  operationId: 'inviteToForumSession',
  tags: ['Forums'],
  summary: 'Invite tenants to a session, in one call',
  description:
    'Invited tenants may register whatever the forum’s scope; each one’s admins are emailed (for a draft, when it is published). Inviting twice is harmless.',
  request: { params: SessionParams, body: jsonBody(InviteRequest) },
  responses: { 200: jsonResponse('Who was invited now.', InviteResponse) },
});

export function registerInviteToForumSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(inviteToForumSessionRoute, async (c) =>
    c.json(
      InviteResponse.parse(
        await inviteToSession({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

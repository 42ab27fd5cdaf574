import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { revokeInvitation } from '../../identity/invitations';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { authSecurity, idParam, TenantParams } from '../common';

export const revokeInvitationRoute = createRoute({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/invitations/{invitationId}',
  description:
    'Revokes a pending invitation; its link stops working. Accepted, revoked or expired ones answer 410.',
  operationId: 'revokeInvitation',
  tags: ['Invitations'],
  summary: 'Revoke a pending invitation',
  security: authSecurity,
  request: {
    params: TenantParams.extend({
      invitationId: idParam('invitationId', 'inv', 'The invitation.'),
    }),
  },
  responses: { 204: { description: 'Revoked.' }, ...problemResponses(400, 401, 403, 404, 410) },
});

export function registerRevokeInvitation(app: OpenAPIHono<AppEnv>) {
  app.openapi(revokeInvitationRoute, async (c) => {
    await revokeInvitation({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

import { type OpenAPIHono } from '@hono/zod-openapi';
import { revokeInvitation } from '../../identity/invitations';
import type { AppEnv } from '../../platform/context';
import { problemResponses } from '../../platform/errors';
import { idParam, TenantParams } from '../common';
import { tenantWrite } from '../tenant-route';
export const revokeInvitationRoute = tenantWrite({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/invitations/{invitationId}',
  description:
    'Revokes a pending invitation; its link stops working. Accepted, revoked or expired ones answer 410.',
  operationId: 'revokeInvitation',
  tags: ['Invitations'],
  summary: 'Revoke a pending invitation',
  request: {
    params: TenantParams.extend({
      invitationId: idParam('invitationId', 'invitation', 'The invitation.'),
    }),
  },
  responses: { 204: { description: 'Revoked.' }, ...problemResponses(410) },
});

export function registerRevokeInvitation(app: OpenAPIHono<AppEnv>) {
  app.openapi(revokeInvitationRoute, async (c) => {
    await revokeInvitation({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

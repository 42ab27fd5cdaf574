import { type OpenAPIHono } from '@hono/zod-openapi';
import { removeMember } from '../../identity/members';
import type { AppEnv } from '../../platform/context';
import { tenantWrite } from '../tenant-route';
import { MemberParams } from '../tenants/definitions';
export const removeMemberRoute = tenantWrite({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/members/{membershipId}',
  operationId: 'removeMember',
  tags: ['Members'],
  summary: 'Remove a member',
  description: 'The last admin cannot be removed (409).',
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed.' } },
});

export function registerRemoveMember(app: OpenAPIHono<AppEnv>) {
  app.openapi(removeMemberRoute, async (c) => {
    await removeMember({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { removeMember } from '../../identity/members';
import type { AppEnv } from '../../platform/context';
import { authSecurity } from '../common';
import { MemberParams, writeErrors } from '../tenants/definitions';

export const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/v1/tenants/{tenantId}/members/{membershipId}',
  operationId: 'removeMember',
  tags: ['Members'],
  summary: 'Remove a member',
  description: 'The last admin cannot be removed (409).',
  security: authSecurity,
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed.' }, ...writeErrors },
});

export function registerRemoveMember(app: OpenAPIHono<AppEnv>) {
  app.openapi(removeMemberRoute, async (c) => {
    await removeMember({ ctx: c.get('ctx'), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}

import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { updateMember } from '../../identity/members';
import type { AppEnv } from '../../platform/context';
import { jsonBody, jsonResponse, Role } from '../common';
import { tenantWrite } from '../tenant-route';
import { MemberParams, UpdateMemberBody } from '../tenants/definitions';
export const UpdatedMembershipResponse = z.object({
  id: z.string(),
  role: Role,
  agencyId: z.string().nullable(),
  userId: z.string(),
});

export const updateMemberRoute = tenantWrite({
  method: 'patch',
  path: '/v1/tenants/{tenantId}/members/{membershipId}',
  operationId: 'updateMember',
  tags: ['Members'],
  summary: 'Change a member’s role',
  description: 'A tenant always keeps at least one admin (409 otherwise).',
  request: { params: MemberParams, body: jsonBody(UpdateMemberBody) },
  responses: {
    200: jsonResponse('The updated membership.', UpdatedMembershipResponse),
  },
});

export function registerUpdateMember(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateMemberRoute, async (c) =>
    c.json(
      UpdatedMembershipResponse.parse(
        await updateMember({
          ctx: c.get('ctx'),
          input: { ...c.req.valid('param'), ...c.req.valid('json') },
        }),
      ),
      200,
    ),
  );
}

import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listMembers } from '../../identity/members';
import type { AppEnv } from '../../platform/context';
import { authSecurity, jsonResponse, TenantParams } from '../common';
import { MemberSchema, tenantErrors } from '../tenants/definitions';

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/v1/tenants/{tenantId}/members',
  description:
    'Who belongs to the tenant and with which role (admins and heads; province admins for their kabupaten/kota).',
  operationId: 'listMembers',
  tags: ['Members'],
  summary: 'List members',
  security: authSecurity,
  request: { params: TenantParams },
  responses: {
    200: jsonResponse('Members with their roles.', z.object({ data: z.array(MemberSchema) })),
    ...tenantErrors,
  },
});

export function registerListMembers(app: OpenAPIHono<AppEnv>) {
  app.openapi(listMembersRoute, async (c) =>
    c.json(
      z
        .object({ data: z.array(MemberSchema) })
        .parse(await listMembers({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}

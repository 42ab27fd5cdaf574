import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listMembers } from '../../identity/members';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { MemberSchema } from '../tenants/definitions';

/** The answer's shape, made once: the handler parses what it returns with it. */
const List = z.object({ data: z.array(MemberSchema) });

export const listMembersRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/members',
  description:
    'Who belongs to the tenant and with which role (admins and heads; province admins for their kabupaten/kota).',
  operationId: 'listMembers',
  tags: ['Members'],
  summary: 'List members',
  responses: {
    200: jsonResponse('Members with their roles.', List),
  },
});

export function registerListMembers(app: OpenAPIHono<AppEnv>) {
  app.openapi(listMembersRoute, async (c) =>
    c.json(List.parse(await listMembers({ ctx: c.get('ctx'), input: c.req.valid('param') })), 200),
  );
}

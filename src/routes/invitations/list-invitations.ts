import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { listInvitations } from '../../identity/invitations';
import type { AppEnv } from '../../platform/context';
import { jsonResponse } from '../common';
import { tenantRead } from '../tenant-route';
import { InvitationSchema } from '../tenants/definitions';

/** The answer's shape, made once: the handler parses what it returns with it. */
const List = z.object({ data: z.array(InvitationSchema) });

export const listInvitationsRoute = tenantRead({
  method: 'get',
  path: '/v1/tenants/{tenantId}/invitations',
  description:
    'The tenant’s invitations with their state (pending, accepted, revoked, expired). A province sees them only while its kabupaten/kota is unclaimed.',
  operationId: 'listInvitations',
  tags: ['Invitations'],
  summary: 'List invitations',
  responses: {
    200: jsonResponse('Invitations, newest first.', List),
  },
});

export function registerListInvitations(app: OpenAPIHono<AppEnv>) {
  app.openapi(listInvitationsRoute, async (c) =>
    c.json(
      List.parse(await listInvitations({ ctx: c.get('ctx'), input: c.req.valid('param') })),
      200,
    ),
  );
}
